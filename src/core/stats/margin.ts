/**
 * How precise a published share is, in the words a reader needs: its margin of error, whether it
 * rests on so few respondents that it is fragile, and whether two shares can be told apart.
 *
 * The margin comes from the 95 % interval the API publishes with every share (Wilson's, see
 * `wilson.ts`; for weighted shares on Kish's effective size). That interval is not symmetric near
 * 0 % and 100 %: the margin said in one number is its larger side, so "28 % ± 9 pts" never claims
 * more precision than the interval gives.
 */

/** A share from this many respondents on is no longer marked fragile. */
export const FRAGILE_BELOW = 30;

/** Margins wider than this many points make a figure fragile whatever its base (weighted figures). */
export const FRAGILE_MARGIN_POINTS = 15;

export type Interval = readonly [number, number];

/** The margin of error of a share in percentage points, whole and at least 1, or null without an interval. */
export function marginPoints(share: number, ci: Interval | null | undefined): number | null {
  if (!ci) return null;
  const [low, high] = ci;
  const widest = Math.max(share - low, high - share) * 100;
  // Rounded up: a margin said smaller than it is would overstate the figure's precision.
  return Math.max(1, Math.ceil(Number(widest.toPrecision(12))));
}

/**
 * A fragile figure: fewer than {@link FRAGILE_BELOW} respondents answered the question, or its
 * margin is wider than {@link FRAGILE_MARGIN_POINTS} points. It is shown, flagged, to be read with
 * care — as INSEE and DREES flag survey figures between their threshold and 30 answers.
 */
export function isFragile(n: number | null, share: number, ci: Interval | null | undefined): boolean {
  if (n !== null && n < FRAGILE_BELOW) return true;
  const margin = marginPoints(share, ci);
  return margin !== null && margin > FRAGILE_MARGIN_POINTS;
}

/** How a share compares with another: clearly above, clearly below, or not distinguishable. */
export type Comparison = 'superieur' | 'inferieur' | 'indistinct';

/**
 * Two shares are told apart only when their 95 % intervals do not overlap: a conservative test
 * (intervals that overlap a little may still differ), chosen because a reader can check it on
 * the figures shown. Without an interval on either side nothing can be claimed.
 */
export function compareShares(a: { share: number; ci?: Interval | null }, b: { share: number; ci?: Interval | null }): Comparison {
  if (!a.ci || !b.ci) return 'indistinct';
  if (a.ci[0] > b.ci[1]) return 'superieur';
  if (a.ci[1] < b.ci[0]) return 'inferieur';
  return 'indistinct';
}
