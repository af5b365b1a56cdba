/**
 * Kish's effective sample size of weighted observations: (Σw)² / Σw².
 *
 * It equals the number of observations when all weights are equal and shrinks as weights
 * spread out, measuring how many unweighted respondents would give the same precision. It is
 * what confidence intervals of weighted shares use as their sample size.
 *
 * @returns the effective size, or 0 for no observation
 */
export function kishEffectiveN(weights: Iterable<number>): number {
  let sum = 0;
  let sumOfSquares = 0;
  for (const weight of weights) {
    sum += weight;
    sumOfSquares += weight * weight;
  }
  return sumOfSquares > 0 ? (sum * sum) / sumOfSquares : 0;
}
