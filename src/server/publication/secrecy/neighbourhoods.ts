import type { Layout } from '../layout.js';
import type { ThemeTables } from '../tables.js';
import type { Cell, SecrecyState } from './state.js';

/**
 * Where to audit a hidden cell first. A program where only some atoms are unknown is a
 * restriction of the whole one: a cell protected there is protected, and the program is far
 * smaller. A cell's uncertainty is absorbed by the cells hiding the same answer in the series it
 * is nested with (its *partners*), and by the atoms that let counts move between them while the
 * published totals around stay put: those of the same régions, and a few *hubs* — the
 * départements with respondents of the most kinds and sizes, where a count can pass from one
 * group of similar collectivités to another without any published figure moving. So the
 * neighbourhoods tried are the régions of the series and of its smallest partner, of all its
 * partners, then of their partners' partners too; each with the hubs. Past `LOCAL_SHARE` of the atoms, a
 * neighbourhood costs as much as the whole program.
 */

const LOCAL_SHARE = 0.35;
/** How many hubs every neighbourhood includes. */
const HUBS = 3;

export class Neighbourhoods {
  /** Per series: the series it shares a nesting with (parent, children, siblings). */
  readonly #linked: number[][];
  /** Per series: the région it lies in (itself for a région), if any. */
  readonly #region: (number | undefined)[];
  /** The atoms of the hub départements. */
  readonly #hubs: readonly number[];

  constructor(
    private readonly tables: ThemeTables,
    layout: Layout,
  ) {
    const linked = tables.series.map(() => new Set<number>());
    const region: (number | undefined)[] = tables.series.map((series, s) => (series.level === 'region' ? s : undefined));
    for (const nesting of layout.nestings) {
      const parent = tables.seriesIndex.get(nesting.parent);
      const children = nesting.children.map((key) => tables.seriesIndex.get(key)).filter((s): s is number => s !== undefined);
      const members = parent === undefined ? children : [parent, ...children];
      for (const a of members) for (const b of members) if (a !== b) linked[a]!.add(b);
      if (parent !== undefined && tables.series[parent]!.level === 'region') for (const child of children) region[child] = parent;
    }
    this.#linked = linked.map((set) => [...set]);
    // An atom's counts move within its région, like its département's.
    tables.series.forEach((series, s) => {
      if (series.level !== 'atome') return;
      region[s] = tables.atoms[series.atoms[0]!]!.series.find((t) => tables.series[t]!.level === 'region');
    });
    this.#region = region;
    const departements = tables.series.filter((series) => series.level === 'departement');
    departements.sort((a, b) => b.atoms.length - a.atoms.length || b.n - a.n);
    this.#hubs = departements.slice(0, HUBS).flatMap((series) => series.atoms);
  }

  /** The series nested with a series: its parent, children and siblings. */
  linked(s: number): readonly number[] {
    return this.#linked[s]!;
  }

  /** Where a series' counts can move without crossing a published total: its région, or itself. */
  #home(s: number): readonly number[] {
    const region = this.#region[s];
    return this.tables.series[region ?? s]!.atoms;
  }

  /**
   * The neighbourhoods to audit a cell in, smallest first, as sets of atoms (none: only the whole
   * program will do). Cells of one région mostly share the first, so they share its program.
   */
  of(state: SecrecyState, cell: Cell): Set<number>[] {
    const hiding = (s: number) => this.#linked[s]!.filter((t) => !state.isKnown(t, cell.question, cell.code));
    const size = (s: number) => this.#home(s).length;
    const partners = hiding(cell.series).sort((a, b) => size(a) - size(b) || a - b);
    const near = [cell.series, ...partners];
    const far = [...near, ...partners.flatMap(hiding)];
    const blocks: Set<number>[] = [];
    for (const series of [[cell.series, ...partners.slice(0, 1)], near, far]) {
      const atoms = new Set([...series.flatMap((s) => this.#home(s)), ...this.#hubs]);
      if (atoms.size > LOCAL_SHARE * this.tables.atoms.length) break;
      if (blocks.every((block) => block.size < atoms.size)) blocks.push(atoms);
    }
    return blocks;
  }
}
