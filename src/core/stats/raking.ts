/**
 * Raking on two margins: weights for respondents cross-classified by two variables (here kind ×
 * population band, and région) so that the weighted sample matches the population's totals on
 * each — the calibration national statistics institutes apply to surveys of local authorities.
 *
 * The fitting is iterative, as in iterative proportional fitting: the row terms are set so that
 * rows meet their totals, then the column terms so that columns meet theirs, and so on until both
 * hold. The terms are *added* rather than multiplied: the respondents of a cell weigh
 * `row term + column term`. That is the linear method of calibration (the weights closest to
 * equal that meet both margins), and it matters here: any weighted total is then
 * Σ row term × row total + Σ column term × column total, a combination of totals the publication
 * already shows (population bands nationwide, régions), never of a band within a région, which
 * it hides. Weighted shares then tell nobody anything the raw tables do not.
 *
 * Weights are kept within bounds — at least 1 (a respondent stands for itself at least) and at
 * most `cap` times the mean weight: where the fitted weights would leave them, the correction
 * for columns is applied only in part (weights move from the row post-stratification weights
 * toward the fitted ones as far as the bounds allow), so rows always meet their totals and
 * columns as closely as the bounds let them; `columnFit` says how far (1: fully).
 *
 * A row or column without any respondent cannot be represented: it is left out, and `coverage`
 * says which share of the population the weights stand for.
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
  /** Population per column category; cells of a column absent here follow their row only. */
  columns: Readonly<Record<string, number>>;
  /** Upper bound of a weight, as a multiple of the mean weight. */
  cap?: number;
}

export interface Raking {
  /** The weight of each respondent of a cell; 0 for a cell without respondents or outside the population. */
  weight(row: string, column: string): number;
  /** The row term and the column term of the weights (0 for a column not calibrated). */
  rowTerm(row: string): number;
  columnTerm(column: string): number;
  /** The share of the population (rows and columns) that respondents stand for, 0 to 1. */
  coverage: number;
  /** How much of the correction for columns the bounds allowed, 0 to 1. */
  columnFit: number;
}

/** The default bound on weights: five times the mean, a common trimming rule. */
export const DEFAULT_WEIGHT_CAP = 5;

const MAX_ITERATIONS = 2000;
/** Margins are met to one part in a billion of the population. */
const TOLERANCE = 1e-9;

export function rake({ cells, rows, columns, cap = DEFAULT_WEIGHT_CAP }: RakingInput): Raking {
  const filled = cells.filter((cell) => cell.n > 0 && (rows[cell.row] ?? 0) > 0);
  const rowCount = new Map<string, number>();
  const columnCount = new Map<string, number>();
  for (const { row, column, n } of filled) {
    rowCount.set(row, (rowCount.get(row) ?? 0) + n);
    columnCount.set(column, (columnCount.get(column) ?? 0) + n);
  }
  const sumOf = (record: Readonly<Record<string, number>>, kept: (name: string) => boolean) =>
    Object.entries(record).reduce((sum, [name, n]) => (kept(name) ? sum + n : sum), 0);
  const population = sumOf(rows, () => true);
  const rowTotal = sumOf(rows, (name) => rowCount.has(name));
  const columnPopulation = sumOf(columns, () => true);
  const columnTotal = sumOf(columns, (name) => columnCount.has(name));
  const coverage = population === 0 ? 0 : Math.min(rowTotal / population, columnPopulation === 0 ? 1 : columnTotal / columnPopulation);

  // Calibrated columns share the total of the represented rows less what uncalibrated cells
  // carry, in the proportions of their populations.
  const calibrated = [...columnCount.keys()].filter((column) => (columns[column] ?? 0) > 0);
  const isCalibrated = new Set(calibrated);
  const rowTerms = new Map([...rowCount].map(([row, n]) => [row, rows[row]! / n]));
  const columnTerms = new Map<string, number>();
  const postStratified = new Map(rowTerms);

  const solveColumns = () => {
    const uncalibrated = filled.filter((cell) => !isCalibrated.has(cell.column));
    const free = rowTotal - uncalibrated.reduce((sum, cell) => sum + rowTerms.get(cell.row)! * cell.n, 0);
    const shares = calibrated.reduce((sum, column) => sum + columns[column]!, 0);
    let worst = 0;
    for (const column of calibrated) {
      const goal = (columns[column]! * free) / shares;
      let mass = 0;
      for (const cell of filled) if (cell.column === column) mass += rowTerms.get(cell.row)! * cell.n;
      const term = (goal - mass) / columnCount.get(column)!;
      worst = Math.max(worst, Math.abs(term - (columnTerms.get(column) ?? 0)) * columnCount.get(column)!);
      columnTerms.set(column, term);
    }
    return worst;
  };
  const solveRows = () => {
    let worst = 0;
    for (const [row, n] of rowCount) {
      let mass = 0;
      for (const cell of filled) if (cell.row === row) mass += (columnTerms.get(cell.column) ?? 0) * cell.n;
      const term = (rows[row]! - mass) / n;
      worst = Math.max(worst, Math.abs(term - rowTerms.get(row)!) * n);
      rowTerms.set(row, term);
    }
    return worst;
  };
  if (calibrated.length > 0) {
    for (let iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
      const moved = Math.max(solveColumns(), solveRows());
      if (moved < TOLERANCE * Math.max(1, population)) break;
    }
  }

  // Bounds: the largest step t from the post-stratified weights toward the fitted ones that
  // keeps every cell within [1, cap × mean] (or at its post-stratified weight, if that is outside).
  const respondents = filled.reduce((sum, cell) => sum + cell.n, 0);
  const high = Math.max(1, cap * (respondents === 0 ? 0 : rowTotal / respondents));
  let columnFit = 1;
  for (const cell of filled) {
    const start = postStratified.get(cell.row)!;
    const end = rowTerms.get(cell.row)! + (columnTerms.get(cell.column) ?? 0);
    const [low, top] = [Math.min(1, start), Math.max(high, start)];
    if (end < low) columnFit = Math.min(columnFit, (start - low) / (start - end));
    if (end > top) columnFit = Math.min(columnFit, (top - start) / (end - start));
  }
  // Both ends are additive, and so is every point between them.
  const rowTerm = (row: string) => (rowCount.has(row) ? (1 - columnFit) * postStratified.get(row)! + columnFit * rowTerms.get(row)! : 0);
  const columnTerm = (column: string) => columnFit * (columnTerms.get(column) ?? 0);
  const answered = new Set(filled.map((cell) => `${cell.row}\u0000${cell.column}`));
  return {
    weight: (row, column) => (answered.has(`${row}\u0000${column}`) ? rowTerm(row) + columnTerm(column) : 0),
    rowTerm,
    columnTerm,
    coverage,
    columnFit,
  };
}
