import { createRequire } from 'node:module';
import { sum, type GroupProgram, type Linear, type LinearProgram } from './lp-model.js';
import type { Cell, Protection, SecrecyState } from './state.js';

/**
 * The audit: for every hidden cell, how low and how high it can be for someone who knows
 * everything the publication says, by linear programming (HiGHS, the solver of the University of
 * Edinburgh, compiled to WebAssembly). A cell whose range does not reach as far below and above
 * its true value as its protection asks, or that is pinned to one value, is a disclosure.
 * Ranges are those of the linear relaxation, as τ-Argus and sdcTable compute them.
 *
 * Every solution found is a set of figures consistent with the publication: a cell it already
 * takes far enough is proven protected in that direction without a program of its own. So a few
 * solutions pushing all cells at once come first, then each cell still short is minimised or
 * maximised on its own. The extremes reported are
 * exact where they were optimised, and otherwise as far as a solution was seen to reach.
 */

// The package ships one declaration file for its CommonJS and ES builds, which TypeScript reads
// as CommonJS: required, its loader has the type the declarations give it.
const loadHighs = createRequire(import.meta.url)('highs') as (typeof import('highs'))['default'];
type Highs = Awaited<ReturnType<typeof loadHighs>>;
type Model = ReturnType<Highs['createModel']>;

let solver: Promise<Highs> | undefined;

/** The solver, loaded once per process (its WebAssembly takes a moment to compile). */
export function highs(): Promise<Highs> {
  solver ??= loadHighs();
  return solver;
}

/** Solutions pushing every open cell at once tried before cells get programs of their own. */
const WITNESS_ROUNDS = 2;
/** More of them while each still settles enough cells: at most this many, while open cells fall under this fraction. */
const MAX_WITNESS_ROUNDS = 24;
const WITNESS_PROGRESS = 0.8;

/** Floating-point slack when comparing the solver's values with whole counts. */
const TOLERANCE = 1e-6;

/** A hidden cell whose range is too narrow for its protection. */
export interface Disclosure {
  cell: Cell;
  protection: Protection;
  value: number;
  /** The range an outsider can work out. */
  lowest: number;
  highest: number;
  /** The direction it lacks room in: `up`, `down`, or `both` when it is pinned. */
  lacks: 'up' | 'down' | 'both';
}

/** How far a hidden cell was shown to range; `exact` ends were optimised. */
export interface CellRange {
  cell: Cell;
  lowest: number;
  highest: number;
}

/** The ranges of the audited cells, and the disclosures among them. */
export interface GroupAudit {
  ranges: CellRange[];
  disclosures: Disclosure[];
}

/**
 * The program in deviations from the true figures: each column x = truth + up − down, with
 * `up` and `down` non-negative. The true figures meet every constraint, so the solver starts at
 * a vertex that is already feasible (all deviations zero) instead of searching for one, and each
 * bound it looks for is a walk from there.
 */
function toModel(api: Highs, program: LinearProgram): Model {
  const columns = program.lower.length;
  const starts = [0];
  const indices: number[] = [];
  const values: number[] = [];
  const rowLower: number[] = [];
  const rowUpper: number[] = [];
  for (const row of program.rows) {
    let atTruth = 0;
    row.columns.forEach((column, position) => {
      const coefficient = row.coefficients[position]!;
      atTruth += coefficient * program.truth[column]!;
      indices.push(column, columns + column);
      values.push(coefficient, -coefficient);
    });
    starts.push(indices.length);
    rowLower.push(row.lower - atTruth);
    rowUpper.push(row.upper - atTruth);
  }
  const finite = (value: number) => (value === Infinity ? api.infinity : value === -Infinity ? -api.infinity : value);
  const up = program.upper.map((upper, column) => Math.max(0, upper - program.truth[column]!));
  const down = program.lower.map((lower, column) => Math.max(0, program.truth[column]! - lower));
  return api.createModel({
    numCols: 2 * columns,
    numRows: program.rows.length,
    colCost: new Float64Array(2 * columns),
    colLower: new Float64Array(2 * columns),
    colUpper: Float64Array.from([...up, ...down], finite),
    rowLower: Float64Array.from(rowLower, finite),
    rowUpper: Float64Array.from(rowUpper, finite),
    matrix: {
      format: 'csr',
      numRows: program.rows.length,
      numCols: 2 * columns,
      starts: Int32Array.from(starts),
      indices: Int32Array.from(indices),
      values: Float64Array.from(values),
    },
  });
}

/** The program's columns in a solution of its deviation model. */
function columnsOf(program: LinearProgram, solution: ArrayLike<number>): Float64Array {
  const columns = program.lower.length;
  return Float64Array.from(program.truth, (truth, column) => truth + solution[column]! - solution[columns + column]!);
}

function valueIn(form: Linear, solution: ArrayLike<number>): number {
  let value = form.constant;
  for (const [column, coefficient] of form.terms) value += coefficient * solution[column]!;
  return value;
}

/** One audited cell: what it needs, and the furthest values seen so far. */
interface Tracked {
  cell: Cell;
  protection: Protection;
  form: Linear;
  value: number;
  lowest: number;
  highest: number;
  lowExact: boolean;
  highExact: boolean;
  /** A zero the published figures already say (see `zeroSaid`). */
  said: boolean;
}

const lowEnough = (t: Tracked) => t.lowest <= t.value - t.protection.below + TOLERANCE;
const highEnough = (t: Tracked) => t.highest >= t.value + t.protection.above - TOLERANCE;
const wideEnough = (t: Tracked) => t.highest - t.lowest >= 1 - TOLERANCE;
const settled = (t: Tracked) => t.said || (lowEnough(t) && highEnough(t) && wideEnough(t));
/** Sides an optimum has shown short: no solution reaches further than an optimum. */
const fallsShortProven = (t: Tracked) => t.lowExact && !lowEnough(t);
const risesShortProven = (t: Tracked) => t.highExact && !highEnough(t);
const pinnedProven = (t: Tracked) => t.lowExact && t.highExact && !wideEnough(t);
/** A cell shown exposed needs no more programs: reinforcement works on one side at a time anyway. */
const provenShort = (t: Tracked) => fallsShortProven(t) || risesShortProven(t) || pinnedProven(t);

/**
 * Whether a hidden zero is already said by published figures: every respondent of its series
 * belongs to some series publishing a zero for the same answer (France publishing no attack
 * says that no group of communes was attacked). Pinning it to zero then reveals nothing.
 */
function zeroSaid(state: SecrecyState, { series, question, code }: Cell): boolean {
  if (state.value(series, question, code) !== 0) return false;
  const { tables } = state;
  return tables.series[series]!.atoms.every((a) =>
    tables.atoms[a]!.series.some((t) => t !== series && state.isKnown(t, question, code) && state.value(t, question, code) === 0),
  );
}

/** Lets requests be served between solves: a publication is computed beside a running server. */
export function breathe(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** How long the solver runs before it lets the server answer waiting requests, in milliseconds. */
const SLICE_MS = 20;

/** Audits the hidden cells of one group of linked questions in one program. */
export async function auditGroup(group: GroupProgram, cells: readonly [Cell, Protection][]): Promise<GroupAudit> {
  const audit: GroupAudit = { ranges: [], disclosures: [] };
  if (cells.length === 0) return audit;
  const tracked: Tracked[] = cells.map(([cell, protection]) => {
    const form = group.cell(cell.series, cell.question, cell.code);
    const value = group.state.value(cell.series, cell.question, cell.code);
    // A cell without any unknown is what the figures say it is.
    const fixed = form.terms.size === 0;
    // A count nobody in its series could be asked is zero by the questionnaire's rules: nothing to protect.
    const said = zeroSaid(group.state, cell) || group.state.neverAsked(cell.series, cell.question);
    return { cell, protection, form, value, lowest: value, highest: value, lowExact: fixed, highExact: fixed, said };
  });
  const api = await highs();
  await breathe();
  const model = toModel(api, group.program);
  try {
    // Each bound is a change of objective: the primal simplex takes up from the last basis.
    model.options.set({ output_flag: false, presolve: 'off', solver: 'simplex', simplex_strategy: 4 });
    const see = (solution: ArrayLike<number>) => {
      for (const other of tracked) {
        if (settled(other)) continue;
        const seen = valueIn(other.form, solution);
        other.lowest = Math.min(other.lowest, seen);
        other.highest = Math.max(other.highest, seen);
      }
    };
    // A few solutions pushing every cell at once, each the way it still lacks room, show most cells'
    // room; only the cells they leave short get programs of their own.
    let seed = cells.length * 2654435761;
    const coin = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) & 1) === 0;
    let previous = Infinity;
    for (let round = 0; round < MAX_WITNESS_ROUNDS; round++) {
      const open = tracked.filter((t) => !settled(t) && t.form.terms.size > 0);
      if (open.length < 2 || (round >= WITNESS_ROUNDS && open.length > WITNESS_PROGRESS * previous)) break;
      previous = open.length;
      // Each open cell pushed the way it still lacks: down (minimised) or up (maximised).
      const direction = (t: Tracked) => (!lowEnough(t) && (highEnough(t) || coin()) ? 1 : -1);
      const objective = sum(open.map((t) => t.form), open.map(direction));
      optimum(api, model, group.program, objective, 1, see);
    }
    let slice = performance.now();
    // Cells in the order of their first unknown: neighbours in the program come one after the
    // other, and the simplex walks a shorter way from one optimum to the next (a fifth fewer
    // seconds on cybersecurity's largest program).
    const firstColumn = (t: Tracked) => Math.min(...t.form.terms.keys());
    for (const target of [...tracked].sort((a, b) => firstColumn(a) - firstColumn(b))) {
      if (target.said) continue;
      if (performance.now() - slice > SLICE_MS) {
        await breathe();
        slice = performance.now();
      }
      // Down first, unless only the width is missing and a rise is the likelier witness.
      if (!lowEnough(target) || (!wideEnough(target) && target.value > 0)) {
        if (!target.lowExact) {
          target.lowest = optimum(api, model, group.program, target.form, 1, see);
          target.lowExact = true;
        }
      }
      if (provenShort(target)) continue;
      if (!highEnough(target) || !wideEnough(target)) {
        if (!target.highExact) {
          target.highest = optimum(api, model, group.program, target.form, -1, see);
          target.highExact = true;
        }
      }
      if (provenShort(target)) continue;
      if (!wideEnough(target) && !target.lowExact) {
        target.lowest = optimum(api, model, group.program, target.form, 1, see);
        target.lowExact = true;
      }
    }
  } finally {
    model.dispose();
  }
  for (const t of tracked) {
    audit.ranges.push({ cell: t.cell, lowest: t.lowest, highest: t.highest });
    if (settled(t)) continue;
    // Only a side an optimum has shown short is said to lack room: the other may not have been
    // optimised, its furthest value seen being no proof.
    const fallsShort = fallsShortProven(t);
    const risesShort = risesShortProven(t);
    audit.disclosures.push({
      cell: t.cell,
      protection: t.protection,
      value: t.value,
      lowest: t.lowest,
      highest: t.highest,
      lacks: fallsShort && !risesShort ? 'down' : risesShort && !fallsShort ? 'up' : 'both',
    });
  }
  return audit;
}

/** Minimises `sign × form`, shows the solution to `see`, and returns the form's optimum. */
function optimum(api: Highs, model: Model, program: LinearProgram, form: Linear, sign: 1 | -1, see: (solution: ArrayLike<number>) => void): number {
  const columns = program.lower.length;
  const used = [...form.terms.keys()];
  const selected = [...used, ...used.map((column) => columns + column)].sort((a, b) => a - b);
  const indices = Int32Array.from(selected);
  const cost = (index: number) => {
    const coefficient = sign * form.terms.get(index < columns ? index : index - columns)!;
    return index < columns ? coefficient : -coefficient;
  };
  model.changeColsCost({ kind: 'set', indices }, Float64Array.from(selected, cost));
  model.run();
  const status = model.getModelStatus();
  // Read before the costs change back: a change of model discards the solution.
  const solution = status === api.constants.modelStatus.optimal ? columnsOf(program, model.getSolution().colValue) : undefined;
  model.changeColsCost({ kind: 'set', indices }, new Float64Array(selected.length));
  if (!solution) {
    // The true figures satisfy every constraint: an infeasible or unbounded program is a bug.
    throw new Error(`The secrecy audit's linear program ended with HiGHS status ${status}`);
  }
  see(solution);
  return valueIn(form, solution);
}
