import { NATIONAL, type AtomId } from './layout.js';

/**
 * The atoms that published totals can isolate.
 *
 * Départements and groups of one kind and population band are both sums of atoms (a département's
 * communes of one band, its EPCI of one band): together they form a two-way table whose margins
 * are published. An atom is the difference of published totals exactly when no cycle of other
 * atoms runs through it (département → band → another département → another band → back): in the
 * graph whose vertices are départements and bands and whose edges are atoms with respondents, it
 * is a *bridge*. Such an atom with fewer than k respondents is protected like a hidden series; on
 * a cycle, counts can pass from one atom to the next without any margin moving, which the audit
 * of the published series already accounts for.
 */

/** Positions of the atoms that are bridges of the département × band graph. */
export function bridgeAtoms(atoms: readonly (AtomId & { n: number })[]): Set<number> {
  const vertexOf = new Map<string, number>();
  const vertex = (key: string) => {
    let index = vertexOf.get(key);
    if (index === undefined) vertexOf.set(key, (index = vertexOf.size));
    return index;
  };
  const edges: { atom: number; ends: [number, number] }[] = [];
  atoms.forEach((atom, a) => {
    if (atom.n === 0 || atom.unit === NATIONAL || atom.band === null) return;
    edges.push({ atom: a, ends: [vertex(`unite:${atom.unit}`), vertex(`bande:${atom.kind}|${atom.band}`)] });
  });
  const adjacency: { to: number; edge: number }[][] = Array.from({ length: vertexOf.size }, () => []);
  edges.forEach(({ ends: [u, v] }, e) => {
    adjacency[u]!.push({ to: v, edge: e });
    adjacency[v]!.push({ to: u, edge: e });
  });
  // Tarjan's bridges, iteratively: a tree edge u → v is a bridge when nothing below v reaches above it.
  const order = new Array<number>(vertexOf.size).fill(-1);
  const low = new Array<number>(vertexOf.size).fill(0);
  const bridges = new Set<number>();
  let clock = 0;
  for (let root = 0; root < vertexOf.size; root++) {
    if (order[root] !== -1) continue;
    order[root] = low[root] = clock++;
    const stack: { vertex: number; via: number; next: number }[] = [{ vertex: root, via: -1, next: 0 }];
    while (stack.length > 0) {
      const top = stack.at(-1)!;
      const neighbours = adjacency[top.vertex]!;
      if (top.next < neighbours.length) {
        const { to, edge } = neighbours[top.next++]!;
        if (edge === top.via) continue;
        if (order[to] === -1) {
          order[to] = low[to] = clock++;
          stack.push({ vertex: to, via: edge, next: 0 });
        } else low[top.vertex] = Math.min(low[top.vertex]!, order[to]!);
        continue;
      }
      stack.pop();
      const parent = stack.at(-1);
      if (!parent) continue;
      low[parent.vertex] = Math.min(low[parent.vertex]!, low[top.vertex]!);
      if (low[top.vertex]! > order[parent.vertex]!) bridges.add(edges[top.via]!.atom);
    }
  }
  return bridges;
}
