import type { ResultsResponse } from '../../core/schema/results.js';
import { compareShares, isFragile, marginPoints, type Comparison, type Interval } from '../../core/stats/margin.js';
import type { Base, ShareColumn } from '../shared/results/share-table.js';

/** How precise one shown share is: its margin of error and whether it is fragile. */
export interface Precision {
  /** The share the figure shows, 0 to 1. */
  share: number;
  /** Its 95 % interval, when the data gives one that applies to the shown share. */
  ci: Interval | null;
  /** The margin in percentage points, or `null` without an interval. */
  margin: number | null;
  fragile: boolean;
}

/**
 * The precision of one series' share of one answer, read from the results themselves: the shown
 * table keeps rounded percentages only, while the margin and the comparison need the share and
 * its interval as published. `undefined` when the share is not published.
 *
 * The published interval is that of `share`, among those asked the question. On the base of all
 * respondents (`toutes`) it applies only when every respondent was asked, the two shares being
 * then the same; otherwise no margin is claimed.
 */
export function precisionOf(
  results: ResultsResponse,
  column: ShareColumn,
  questionId: string,
  code: string,
  base: Base,
): Precision | undefined {
  const series = results.series.find((one) => one.territory.id === column.id);
  if (!series || series.status !== 'publie') return undefined;
  const question = series.questions[questionId];
  const answer = question?.status === 'publie' ? question.answers?.[code] : undefined;
  if (!question || !answer || answer.status !== 'publie') return undefined;
  const share = base === 'toutes' ? answer.shareOfAll : answer.share;
  if (share === null) return undefined;
  const intervalApplies = base === 'concernees' || question.n === series.n;
  const ci = intervalApplies ? (answer.ci ?? null) : null;
  return { share, ci, margin: marginPoints(share, ci), fragile: isFragile(column.n, share, ci) };
}

/**
 * How a comparison's share stands against the key figure's, or `undefined` when nothing can be
 * said: one side is not published or has no interval.
 */
export function comparisonOf(main: Precision | undefined, other: Precision | undefined): Comparison | undefined {
  if (!main?.ci || !other?.ci) return undefined;
  return compareShares(other, main);
}
