/**
 * Quantile of numbers sorted in ascending order, by linear interpolation between order
 * statistics (Hyndman & Fan type 7, the default of R and of most spreadsheets): with n values
 * x₀ ≤ … ≤ xₙ₋₁, h = (n − 1)·p and the quantile is x⌊h⌋ + (h − ⌊h⌋)·(x⌊h⌋₊₁ − x⌊h⌋).
 * Type 7 is used so that published medians and quartiles can be checked with common tools.
 *
 * @param sorted values in ascending order (not checked: sorting is the caller's job)
 * @param p the probability, 0 to 1
 * @returns the quantile, or `NaN` for an empty list
 */
export function quantile(sorted: readonly number[], p: number): number {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`Not a probability: ${p}`);
  if (sorted.length === 0) return Number.NaN;
  const h = (sorted.length - 1) * p;
  const below = Math.floor(h);
  const lower = sorted[below]!;
  const upper = sorted[Math.min(below + 1, sorted.length - 1)]!;
  return lower + (h - below) * (upper - lower);
}

/** First quartile, median and third quartile of a list of numbers. */
export interface Quartiles {
  q1: number;
  median: number;
  q3: number;
}

/**
 * Quartiles of numbers in any order, by {@link quantile} (type 7).
 * @returns the quartiles, or `null` for an empty list
 */
export function quartiles(values: readonly number[]): Quartiles | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return { q1: quantile(sorted, 0.25), median: quantile(sorted, 0.5), q3: quantile(sorted, 0.75) };
}

/**
 * Quartiles of numbers given as how many times each value occurs, exactly as {@link quartiles}
 * of the expanded list, without expanding it.
 * @returns the quartiles, or `null` when there is no value
 */
export function quartilesOfCounts(counts: ReadonlyMap<number, number>): Quartiles | null {
  const entries = [...counts].filter(([, count]) => count > 0).sort(([a], [b]) => a - b);
  const total = entries.reduce((sum, [, count]) => sum + count, 0);
  if (total === 0) return null;
  // The value at a 0-based position of the sorted expanded list.
  const at = (position: number): number => {
    let seen = 0;
    for (const [value, count] of entries) {
      seen += count;
      if (position < seen) return value;
    }
    return entries.at(-1)![0];
  };
  const type7 = (p: number): number => {
    const h = (total - 1) * p;
    const below = Math.floor(h);
    const lower = at(below);
    const upper = at(Math.min(below + 1, total - 1));
    return lower + (h - below) * (upper - lower);
  };
  return { q1: type7(0.25), median: type7(0.5), q3: type7(0.75) };
}
