/** The standard normal quantile for a two-sided 95 % interval (Φ⁻¹(0.975)). */
export const Z_95 = 1.959963984540054;

/**
 * Wilson score interval of a proportion, without continuity correction.
 *
 * Chosen over the textbook Wald interval (p ± z·√(p(1−p)/n)) because survey cells are often
 * small or near 0 % / 100 %, where Wald collapses to a zero width or leaves [0, 1]; Wilson
 * stays inside [0, 1] and keeps close to its nominal coverage.
 *
 * For weighted shares pass the weighted proportion and Kish's effective sample size: the
 * formula only needs a proportion and a size, and the effective size widens the interval by
 * the loss of precision that unequal weights cause.
 *
 * @param proportion the observed share, 0 to 1
 * @param n the sample size (or effective sample size); need not be whole
 * @param z the normal quantile; {@link Z_95} by default
 * @returns `[low, high]` clamped to [0, 1], or `null` when `n` is not positive (no interval
 *   can be given for an empty sample)
 */
export function wilsonInterval(proportion: number, n: number, z: number = Z_95): [number, number] | null {
  if (!(n > 0) || !Number.isFinite(n)) return null;
  if (!(proportion >= 0 && proportion <= 1)) throw new RangeError(`Not a proportion: ${proportion}`);
  const z2 = z * z;
  const denominator = 1 + z2 / n;
  const centre = (proportion + z2 / (2 * n)) / denominator;
  const halfWidth = (z / denominator) * Math.sqrt((proportion * (1 - proportion)) / n + z2 / (4 * n * n));
  // The bounds are within [0, 1] in exact arithmetic; clamping removes rounding noise at 0 and 1
  // so the interval always contains the share it describes.
  const low = Math.max(0, Math.min(proportion, centre - halfWidth));
  const high = Math.min(1, Math.max(proportion, centre + halfWidth));
  return [low, high];
}
