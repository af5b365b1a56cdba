/**
 * Raking (iterative proportional fitting): weights for respondents cross-classified by two
 * variables, so that the weighted sample matches the population's known totals on each of them —
 * here kind × population band on one side and région on the other, the margins INSEE and the
 * statistical offices calibrate surveys of local authorities on.
 *
 * Every respondent of a cell (row, column) gets the same weight. Starting from the row
 * post-stratification weights N_row / n_row, rows and columns are adjusted in turn until both
 * margins hold. Weights are then kept within bounds — at least 1 (a respondent stands for itself
 * at least) and at most `cap` times the mean weight — and the adjustment goes on with the capped
 * cells held, so that a lone respondent of a rare cell never speaks for hundreds.
 *
 * A row or a column without any respondent cannot be represented: it is left out, and
 * `coverage` says which share of the population the weights stand for.
 */

export interface RakingCell {
  row: string;
  column: string;
  /** Respondents in the cell. */
  n: number;
}

export interface RakingInput {
  cells: readonly RakingCell[];
  /** Population per row category. */
  rows: Readonly<Record<string, number>>;
  /** Population per column category; a column absent here is not calibrated (its cells follow their rows only). */
  columns: Readonly<Record<string, number>>;
  /** Upper bound of a weight, as a multiple of the mean weight. */
  cap?: number;
}

export interface Raking {
  /** The weight of each respondent of a cell; 0 for a cell without respondents or outside the population. */
  weight(row: string, column: string): number;
  /** The share of the population (rows and columns) that respondents stand for, 0 to 1. */
  coverage: number;
  /** Whether both margins hold within the tolerance (bounds may prevent it). */
  converged: boolean;
  iterations: number;
}

/** The default bound on weights: five times the mean, a common trimming rule. */
export const DEFAULT_WEIGHT_CAP = 5;

const MAX_ITERATIONS = 200;
/** Margins are met to one part in a million. */
const TOLERANCE = 1e-6;

const key = (row: string, column: string) => `${row}\u0000${column}`;

export function rake({ cells, rows, columns, cap = DEFAULT_WEIGHT_CAP }: RakingInput): Raking {
  const filled = cells.filter((cell) => cell.n > 0 && (rows[cell.row] ?? 0) > 0);
  const rowsAnswered = new Set(filled.map((cell) => cell.row));
  const columnsAnswered = new Set(filled.map((cell) => cell.column));
  const sumOf = (record: Readonly<Record<string, number>>, kept: (name: string) => boolean) =>
    Object.entries(record).reduce((sum, [name, n]) => (kept(name) ? sum + n : sum), 0);
  const population = sumOf(rows, () => true);
  const rowTotal = sumOf(rows, (name) => rowsAnswered.has(name));
  const calibrated = (column: string) => (columns[column] ?? 0) > 0;
  const columnPopulation = sumOf(columns, () => true);
  const columnTotal = sumOf(columns, (name) => columnsAnswered.has(name));
  const coverage = population === 0 ? 0 : Math.min(rowTotal / population, columnPopulation === 0 ? 1 : columnTotal / columnPopulation);

  // The rows represented set the total; the columns represented share it in their proportions.
  const columnTarget = (column: string) => (columns[column]! * rowTotal) / columnTotal;
  const respondents = filled.reduce((sum, cell) => sum + cell.n, 0);
  const mean = respondents === 0 ? 0 : rowTotal / respondents;
  const [low, high] = [1, Math.max(1, cap * mean)];

  const weights = new Map<string, number>();
  const rowCount = new Map<string, number>();
  for (const cell of filled) rowCount.set(cell.row, (rowCount.get(cell.row) ?? 0) + cell.n);
  for (const cell of filled) weights.set(key(cell.row, cell.column), Math.min(high, Math.max(low, rows[cell.row]! / rowCount.get(cell.row)!)));

  /**
   * Scales the cells of each category so that its weighted total meets its target, within the
   * bounds: cells the factor would push past a bound stay at it, and the others share the rest.
   * Returns the largest relative gap found before adjusting.
   */
  const adjust = (category: (cell: RakingCell) => string, target: (name: string) => number | undefined) => {
    const groups = new Map<string, RakingCell[]>();
    for (const cell of filled) {
      const name = category(cell);
      if (target(name) === undefined) continue;
      groups.set(name, [...(groups.get(name) ?? []), cell]);
    }
    let worst = 0;
    for (const [name, members] of groups) {
      const goal = target(name)!;
      const weightOf = (cell: RakingCell) => weights.get(key(cell.row, cell.column))!;
      worst = Math.max(worst, Math.abs(members.reduce((sum, cell) => sum + weightOf(cell) * cell.n, 0) - goal) / goal);
      const held = new Map<RakingCell, number>();
      for (let pass = 0; pass <= members.length; pass++) {
        const heldMass = [...held].reduce((sum, [cell, w]) => sum + w * cell.n, 0);
        const free = members.filter((cell) => !held.has(cell));
        const freeMass = free.reduce((sum, cell) => sum + weightOf(cell) * cell.n, 0);
        if (freeMass <= 0) break;
        const factor = Math.max(0, goal - heldMass) / freeMass;
        const crossing = free.filter((cell) => weightOf(cell) * factor < low || weightOf(cell) * factor > high);
        if (crossing.length === 0 || pass === members.length) {
          for (const cell of free) weights.set(key(cell.row, cell.column), Math.min(high, Math.max(low, weightOf(cell) * factor)));
          break;
        }
        for (const cell of crossing) held.set(cell, weightOf(cell) * factor < low ? low : high);
      }
      for (const [cell, w] of held) weights.set(key(cell.row, cell.column), w);
    }
    return worst;
  };

  let iterations = 0;
  let converged = false;
  for (; iterations < MAX_ITERATIONS && !converged; iterations++) {
    const columnError = adjust(
      (cell) => cell.column,
      (name) => (calibrated(name) ? columnTarget(name) : undefined),
    );
    const rowError = adjust(
      (cell) => cell.row,
      (name) => rows[name],
    );
    converged = Math.max(columnError, rowError) < TOLERANCE;
  }
  return {
    weight: (row, column) => weights.get(key(row, column)) ?? 0,
    coverage,
    converged,
    iterations,
  };
}
