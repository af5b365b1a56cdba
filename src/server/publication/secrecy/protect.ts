import { codesOf } from '../../../core/stats/tally.js';
import type { Layout } from '../layout.js';
import type { ThemeTables } from '../tables.js';
import { auditGroup, type CellRange, type Disclosure } from './audit.js';
import { cellCost, Complements, OWN_FIGURE_COST } from './complement.js';
import { consolidate } from './consolidate.js';
import { followUpLinks, leavesOf, linkedGroups, type LinkExpression } from './follow-ups.js';
import { GroupProgram, type Fact } from './lp-model.js';
import { Neighbourhoods } from './neighbourhoods.js';
import { cheapestPartners } from './partners.js';
import { applyPrimaryRules, hideQuestion } from './primary.js';
import { cellKey, SecrecyState, type Cell, type Protection } from './state.js';

/**
 * Protects a theme's tables: primary suppression, complements, then rounds of audit and
 * reinforcement until every hidden cell keeps the range its protection asks for.
 *
 * Hiding more only ever widens ranges (fewer facts constrain the program), so a cell proven
 * protected stays so: each round audits only the cells hidden since and those found exposed.
 * A cell is audited in neighbourhoods first (see `Neighbourhoods`); one that stays exposed in the
 * widest gets partners chosen there, which is always enough to protect it (see `partners.ts`).
 * Cells without a neighbourhood small enough — in France or a large group — are audited, and
 * reinforced, in the whole program: first with only their own questions (and those they read)
 * unknown, a restriction again, then, for those it leaves exposed, with the whole group unknown.
 */

/** Rounds of audit and reinforcement before a theme is declared unpublishable. */
const MAX_ROUNDS = 12;

/** How protecting a theme went. */
export interface ThemeProtection {
  state: SecrecyState;
  rounds: number;
  /** Cells still exposed after the last round: the theme must not be published while any remain. */
  disclosures: Disclosure[];
  /** How far each hidden cell was shown to range, from its last audit. */
  ranges: Map<string, CellRange>;
}

/** A program to audit cells in: the atoms, and the questions, whose counts are unknowns (all when absent). */
interface Attempt {
  atoms: ReadonlySet<number>;
  unknown?: ReadonlySet<number>;
}

/** A question and every question whose answers decide who is shown it, by position. */
function lineage(q: number, links: ReadonlyMap<number, LinkExpression>, state: SecrecyState): Set<number> {
  const position = new Map(state.tables.questions.map((question, index) => [question.id, index]));
  const found = new Set([q]);
  const queue = [q];
  while (queue.length > 0) {
    const link = links.get(queue.pop()!);
    if (!link) continue;
    for (const leaf of leavesOf(link)) {
      const parent = position.get(leaf.question)!;
      if (found.has(parent)) continue;
      found.add(parent);
      queue.push(parent);
    }
  }
  return found;
}

/** A disclosure and the neighbourhood it was found in (none: the whole program). */
interface Exposure {
  disclosure: Disclosure;
  block?: ReadonlySet<number>;
}

/** The questions of a theme in groups linked by conditions, and their links, by position. */
interface Groups {
  groups: number[][];
  groupOf: Map<number, number>;
  links: Map<number, LinkExpression>;
}

function groupsOf(tables: ThemeTables): Groups {
  const position = new Map(tables.questions.map((question, q) => [question.id, q]));
  const byId = followUpLinks(tables.definition, tables.questions);
  const links = new Map([...byId].map(([id, link]) => [position.get(id)!, link]));
  const groups = linkedGroups(tables.questions, byId).map((group) => group.map((question) => position.get(question.id)!));
  const groupOf = new Map<number, number>();
  groups.forEach((group, g) => group.forEach((q) => groupOf.set(q, g)));
  return { groups, groupOf, links };
}

/** @param signal stops the work between two programs (the server is closing) */
export async function protectTheme(tables: ThemeTables, layout: Layout, minCell: number, signal?: AbortSignal): Promise<ThemeProtection> {
  const { groups, groupOf, links } = groupsOf(tables);
  const state = new SecrecyState(tables, minCell);
  applyPrimaryRules(state);
  const complements = new Complements(state, layout.nestings, links);
  complements.close();
  consolidate(state, complements, layout, links);

  const neighbourhoods = new Neighbourhoods(tables, layout);
  const ranges = new Map<string, CellRange>();
  const verified = new Set<string>();
  let dirty = new Set(groups.keys());
  let exposures: Exposure[] = [];
  let rounds = 0;
  while (dirty.size > 0 && rounds < MAX_ROUNDS) {
    rounds += 1;
    exposures = [];
    signal?.throwIfAborted();
    for (const g of dirty) {
      const questions = new Set(groups[g]);
      const cells = [...state.hiddenCells()].filter(
        ([cell]) => questions.has(cell.question) && !verified.has(cellKey(cell.series, cell.question, cell.code)),
      );
      const found = await auditCells(state, groups[g]!, links, cells, neighbourhoods, ranges, signal);
      const exposed = new Set(found.map(({ disclosure: { cell } }) => cellKey(cell.series, cell.question, cell.code)));
      for (const [cell] of cells) {
        const key = cellKey(cell.series, cell.question, cell.code);
        if (!exposed.has(key)) verified.add(key);
      }
      exposures.push(...found);
    }
    if (exposures.length === 0 || rounds === MAX_ROUNDS) break;
    dirty = new Set(exposures.map(({ disclosure }) => groupOf.get(disclosure.cell.question)!));
    for (const g of dirty) {
      const mine = exposures.filter(({ disclosure }) => groupOf.get(disclosure.cell.question) === g);
      await reinforce(state, complements, groups[g]!, links, mine, rounds < MAX_ROUNDS / 2, signal);
    }
  }
  if (exposures.length > 0) exposures = await withdrawExposed(state, groups, groupOf, links, exposures, neighbourhoods, ranges);
  return { state, rounds, disclosures: exposures.map(({ disclosure }) => disclosure), ranges };
}

/**
 * The last resort when rounds run out: the questions still exposed are withheld from the whole
 * publication, with every question linked to them, and audited once more. Nothing about them is
 * then published, so nothing about them can be worked out; the theme is published without them
 * rather than not at all. Returns what the last audit still finds (nothing, unless there is a bug).
 */
async function withdrawExposed(
  state: SecrecyState,
  groups: readonly number[][],
  groupOf: ReadonlyMap<number, number>,
  links: ReadonlyMap<number, LinkExpression>,
  exposures: readonly Exposure[],
  neighbourhoods: Neighbourhoods,
  ranges: Map<string, CellRange>,
): Promise<Exposure[]> {
  const withdrawn = new Set(exposures.map(({ disclosure }) => groupOf.get(disclosure.cell.question)!));
  const left: Exposure[] = [];
  for (const g of withdrawn) {
    for (let s = 0; s < state.tables.series.length; s++) {
      if (state.seriesStatus(s) !== 'publie') continue;
      for (const q of groups[g]!) {
        state.mask(s, q);
        hideQuestion(state, s, q, 'complement');
      }
    }
    const questions = new Set(groups[g]);
    const cells = [...state.hiddenCells()].filter(([cell]) => questions.has(cell.question));
    left.push(...(await auditCells(state, groups[g]!, links, cells, neighbourhoods, ranges)));
  }
  return left;
}

/**
 * Audits hidden cells of one group of questions, each in its neighbourhoods (cells sharing one
 * share its program) then, without any, in the whole program. Records every cell's range and
 * returns the exposed ones with where they were found so.
 */
async function auditCells(
  state: SecrecyState,
  questions: readonly number[],
  links: ReadonlyMap<number, LinkExpression>,
  cells: readonly [Cell, Protection][],
  neighbourhoods: Neighbourhoods,
  ranges: Map<string, CellRange>,
  signal?: AbortSignal,
): Promise<Exposure[]> {
  const program = (free?: ReadonlySet<number>, unknown?: ReadonlySet<number>) => {
    return new GroupProgram(state, questions, links, free, unknown);
  };
  const record = (range: CellRange) => ranges.set(cellKey(range.cell.series, range.cell.question, range.cell.code), range);
  const exposures: Exposure[] = [];
  // Each cell is tried in its neighbourhoods with only its own question and those it reads
  // unknown, then in the widest with the whole group unknown.
  const tries = (cell: Cell): Attempt[] => {
    const blocks = neighbourhoods.of(state, cell);
    if (blocks.length === 0) return [];
    const own = lineage(cell.question, links, state);
    if (own.size === questions.length) return blocks.map((atoms) => ({ atoms }));
    return [{ atoms: blocks[0]!, unknown: own }, ...blocks.map((atoms) => ({ atoms }))];
  };
  let pending = cells.map((entry) => ({ entry, attempts: tries(entry[0]) }));
  const whole = pending.filter(({ attempts }) => attempts.length === 0).map(({ entry }) => entry);
  // Cells exposed in their widest neighbourhood, and where: a neighbourhood holds the atoms
  // outside it at their true counts, so only the whole program can say whether they are exposed.
  const blockOf = new Map<Cell, ReadonlySet<number>>();
  pending = pending.filter(({ attempts }) => attempts.length > 0);
  for (let attempt = 0; pending.length > 0; attempt++) {
    const byAttempt = new Map<string, { try: Attempt; items: typeof pending }>();
    for (const item of pending) {
      const current = item.attempts[attempt]!;
      const key = `${[...current.atoms].sort((a, b) => a - b).join(',')}|${current.unknown ? [...current.unknown].sort((a, b) => a - b).join(',') : '*'}`;
      const bucket = byAttempt.get(key) ?? { try: current, items: [] };
      bucket.items.push(item);
      byAttempt.set(key, bucket);
    }
    const next: typeof pending = [];
    for (const bucket of byAttempt.values()) {
      signal?.throwIfAborted();
      const audit = await auditGroup(program(bucket.try.atoms, bucket.try.unknown), bucket.items.map(({ entry }) => entry));
      const exposed = new Map(audit.disclosures.map((disclosure) => [disclosure.cell, disclosure]));
      for (const range of audit.ranges) if (!exposed.has(range.cell)) record(range);
      for (const item of bucket.items) {
        const disclosure = exposed.get(item.entry[0]);
        if (!disclosure) continue;
        if (attempt + 1 < item.attempts.length) next.push(item);
        else blockOf.set(item.entry[0], bucket.try.atoms);
      }
    }
    pending = next;
  }
  const entries = new Map(cells.map((entry) => [entry[0], entry]));
  whole.push(...[...blockOf.keys()].map((cell) => entries.get(cell)!));
  // The whole program with only the cells' own questions and those they read unknown first: far
  // fewer columns, and a restriction like a neighbourhood, so what it proves holds.
  const byLineage = new Map<string, { unknown: Set<number>; entries: [Cell, Protection][] }>();
  for (const entry of whole) {
    const own = lineage(entry[0].question, links, state);
    if (own.size === questions.length) continue;
    const key = [...own].sort((a, b) => a - b).join(',');
    const bucket = byLineage.get(key) ?? { unknown: own, entries: [] };
    bucket.entries.push(entry);
    byLineage.set(key, bucket);
  }
  const provenAlone = new Set<Cell>();
  for (const bucket of byLineage.values()) {
    signal?.throwIfAborted();
    const audit = await auditGroup(program(undefined, bucket.unknown), bucket.entries);
    const exposed = new Set(audit.disclosures.map((disclosure) => disclosure.cell));
    for (const range of audit.ranges) {
      if (exposed.has(range.cell)) continue;
      record(range);
      provenAlone.add(range.cell);
    }
  }
  whole.splice(0, whole.length, ...whole.filter(([cell]) => !provenAlone.has(cell)));
  if (whole.length > 0) {
    signal?.throwIfAborted();
    const audit = await auditGroup(program(), whole);
    audit.ranges.forEach(record);
    exposures.push(
      ...audit.disclosures.map((disclosure) => {
        const block = blockOf.get(disclosure.cell);
        return block ? { disclosure, block } : { disclosure };
      }),
    );
  }
  return exposures;
}

/** The value an exposed cell must be able to reach: on the side it lacks, as far as its protection asks. */
function targetOf(state: SecrecyState, disclosure: Disclosure): { lower?: number; upper?: number } {
  const { cell, protection, value, lacks } = disclosure;
  // Short both ways, a rise first; pinned with nothing asked either way, whichever it has room for.
  const canRise = value < state.upper(cell.series, cell.question);
  const rise = lacks === 'up' || (lacks === 'both' && (protection.above > 0 || canRise));
  return rise ? { lower: value + Math.max(1, protection.above) } : { upper: value - Math.max(1, protection.below) };
}

/**
 * Hides the cheapest partners that let exposed cells reach their targets, one cell at a time (the
 * partners of one often serve the next): chosen in the neighbourhood the cell was found exposed
 * in, or in the whole program when that neighbourhood has none to offer; a cell for which no
 * partners would do gets its question withheld in its series.
 *
 * A neighbourhood holds every atom outside it at its true count, so what it offers can be far
 * dearer than what the whole program would: an overseas atom's hidden zero protected by a large
 * région's headline count (and, below it, a département's) where a small région's count would do.
 * When a neighbourhood asks for more than a département's own headline figure, the whole program
 * is asked too and the cheaper choice kept. Partners the whole program offers for less reach far,
 * and usually protect the round's other cells as well: those found exposed in the whole program
 * then wait for the next round's audit rather than get partners of their own from their
 * neighbourhoods — in the first half of the rounds only (`mayDefer`), so that the rounds left
 * always give every cell partners of its own.
 */
async function reinforce(
  state: SecrecyState,
  complements: Complements,
  questions: readonly number[],
  links: ReadonlyMap<number, LinkExpression>,
  exposures: readonly Exposure[],
  mayDefer: boolean,
  signal?: AbortSignal,
): Promise<void> {
  // Withholding a question's number of respondents, and with it the whole question, costs far
  // more than hiding one of its counts.
  const costOf = (fact: Fact) =>
    fact.code === undefined
      ? 10 * codesOf(state.question(fact.question)).reduce((total, c) => total + cellCost(state, fact.series, fact.question, c), 0)
      : complements.hidingCost(fact.series, fact.question, fact.code);
  const costOfAll = (facts: readonly Fact[]) => facts.reduce((total, fact) => total + costOf(fact), 0);
  const partnersIn = (free: ReadonlySet<number> | undefined, disclosure: Disclosure) => {
    const { series: s, question: q, code } = disclosure.cell;
    const program = new GroupProgram(state, questions, links, free);
    return cheapestPartners(program, [{ form: program.cell(s, q, code), ...targetOf(state, disclosure) }], costOf);
  };
  let wideChoiceMade = false;
  for (const { disclosure, block } of exposures) {
    signal?.throwIfAborted();
    if (block && wideChoiceMade && mayDefer) continue;
    const { series: s, question: q } = disclosure.cell;
    let partners = block ? await partnersIn(block, disclosure) : undefined;
    const near = partners === undefined ? Infinity : costOfAll(partners);
    if (near > OWN_FIGURE_COST) {
      const wide = await partnersIn(undefined, disclosure);
      if (wide !== undefined && costOfAll(wide) < near) {
        wideChoiceMade ||= partners !== undefined;
        partners = wide;
      }
    }
    if (partners === undefined) {
      complements.withhold(s, q);
      continue;
    }
    for (const fact of partners) {
      if (fact.code !== undefined) complements.hide(fact.series, fact.question, fact.code);
      else complements.withhold(fact.series, fact.question);
    }
  }
  complements.close();
}
