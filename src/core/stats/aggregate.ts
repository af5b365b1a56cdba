import type { QuestionnaireDefinition } from '../schema/questionnaire.js';
import type { AnswerResult, QuestionResult } from '../schema/results.js';
import { checkMinCell, DEFAULT_MIN_CELL } from './min-cell.js';
import { quartilesOfCounts } from './quantiles.js';
import { protectSuppressedTotal, suppressedQuestion, suppressSmallCells } from './suppression.js';
import { emptyTally, tallyAnswers, type QuestionTally, type Tally } from './tally.js';
import type { Respondent, SeriesBody, StatsOptions } from './types.js';
import { wilsonInterval } from './wilson.js';

/** Respondents who all weigh the same, as a tally. */
export interface WeightedTally {
  tally: Tally;
  /** The weight of each of its respondents; absent for raw (unweighted) figures. */
  weight?: number;
}

function checkWeight(weight: number): number {
  if (!Number.isFinite(weight) || weight <= 0) throw new RangeError(`A weight must be positive and finite, not ${weight}`);
  return weight;
}

/** Σw and Σw² of groups of equally weighted respondents, counted by `countOf`. */
function weightSums(groups: readonly WeightedTally[], countOf: (tally: Tally) => number): { sum: number; squares: number } {
  let sum = 0;
  let squares = 0;
  for (const { tally, weight = 1 } of groups) {
    const count = countOf(tally);
    sum += weight * count;
    squares += weight * weight * count;
  }
  return { sum, squares };
}

/** Kish's effective size, (Σw)² / Σw², of sums already taken. */
function kish({ sum, squares }: { sum: number; squares: number }): number {
  return squares > 0 ? (sum * sum) / squares : 0;
}

/** Shares are at most 1 in exact arithmetic; clamping removes rounding noise. */
function ratio(part: number, whole: number): number {
  return Math.min(1, part / whole);
}

type Choice = Extract<QuestionTally, { kind: 'choice' }>;

function aggregateChoice(
  id: string,
  exclusive: boolean,
  groups: readonly WeightedTally[],
  series: { n: number; weight: number; weighted: boolean },
  minCell: number,
): QuestionResult {
  const of = (tally: Tally) => tally.questions.get(id) as Choice;
  const n = groups.reduce((sum, { tally }) => sum + of(tally).n, 0);
  if (n < minCell) return suppressedQuestion(n);

  const answered = weightSums(groups, (tally) => of(tally).n);
  // A weighted share is as precise as a raw one from Kish's effective number of respondents.
  const intervalN = series.weighted ? kish(answered) : n;
  const answers: Record<string, AnswerResult> = {};
  for (const code of of(groups[0]!.tally).codes.keys()) {
    const count = groups.reduce((sum, { tally }) => sum + of(tally).codes.get(code)!, 0);
    const weight = weightSums(groups, (tally) => of(tally).codes.get(code)!).sum;
    const share = series.weighted ? ratio(weight, answered.sum) : ratio(count, n);
    answers[code] = {
      count,
      share,
      shareOfAll: series.weighted ? ratio(weight, series.weight) : ratio(count, series.n),
      ci: wilsonInterval(share, intervalN),
    };
  }
  const protectedCells = suppressSmallCells({ n, suppressed: false, answers }, minCell);
  return exclusive ? protectSuppressedTotal(protectedCells, minCell) : protectedCells;
}

/**
 * Number questions publish quartiles of raw answers even when shares are reweighted: there is
 * no standard weighted form of the type 7 quantile, and a median moved by weights would no
 * longer be any respondent's value nor between two of them.
 */
function aggregateNumber(id: string, groups: readonly WeightedTally[], minCell: number): QuestionResult {
  const values = new Map<number, number>();
  for (const { tally } of groups) {
    const counts = tally.questions.get(id) as Extract<QuestionTally, { kind: 'number' }>;
    for (const [value, count] of counts.values) values.set(value, (values.get(value) ?? 0) + count);
  }
  const n = [...values.values()].reduce((sum, count) => sum + count, 0);
  if (n < minCell) return suppressedQuestion(n);
  const { q1, median, q3 } = quartilesOfCounts(values)!;
  return { n, suppressed: false, stats: { n, median, q1, q3 } };
}

/**
 * The published figures of a series given as tallies of equally weighted groups of respondents
 * (see {@link aggregateSeries} for what they are and how small cells are suppressed). This is
 * what lets a server add up per-département tallies instead of reading every answer again.
 *
 * @param groups tallies of one definition, at least one (an empty tally for nobody); raw
 *   figures when no group has a weight
 * @throws RangeError for a weight that is not positive and finite, or an invalid `minCell`
 */
export function aggregateTallies(
  groups: readonly WeightedTally[],
  options: StatsOptions = {},
): SeriesBody {
  const minCell = checkMinCell(options.minCell ?? DEFAULT_MIN_CELL);
  if (groups.length === 0) throw new RangeError('A series needs at least one tally, if only an empty one');
  for (const { weight } of groups) if (weight !== undefined) checkWeight(weight);
  const weighted = groups.some((group) => group.weight !== undefined);
  const n = groups.reduce((sum, { tally }) => sum + tally.n, 0);
  if (n < minCell) return { n, suppressed: true, questions: {} };

  const all = weightSums(groups, (tally) => tally.n);
  const series = { n, weight: all.sum, weighted };
  const questions: Record<string, QuestionResult> = {};
  for (const [id, counts] of groups[0]!.tally.questions) {
    questions[id] =
      counts.kind === 'number'
        ? aggregateNumber(id, groups, minCell)
        : aggregateChoice(id, counts.exclusive, groups, series, minCell);
  }
  const body: SeriesBody = { n, suppressed: false, questions };
  if (weighted) body.effectiveN = kish(all);
  return body;
}

/**
 * Aggregates the contributions of one series (a territory, or a group to compare with) into
 * its published figures, with small cells already suppressed.
 *
 * Per question: `n` counts respondents to whom the question was shown (by the questionnaire's
 * conditions, on their own answers) and who answered it. For yes/no and single choice each
 * code counts its respondents; for multiple choice each code counts those who ticked it, so
 * shares may add up to more than 1. `share` is among the question's `n`, `shareOfAll` among
 * all respondents of the series. Number questions give quartiles (type 7). Text questions and
 * "other, specify" texts are never published: they do not appear at all.
 *
 * When any respondent carries a weight, shares are weighted (Σ weights of those choosing a code
 * over Σ weights of the base), intervals use Kish's effective size, and the series reports
 * `effectiveN`. Counts and `n` stay raw, and suppression only ever looks at raw counts:
 * weights can never bring a small cell back.
 *
 * Suppression, with m = `minCell`: a series of fewer than m respondents shows no question; a
 * question answered by fewer than m shows only its `n`; a cell is hidden when its count or its
 * complement in the question (n − count) is 1 to m − 1; for yes/no and single choice, more cells
 * are hidden until none is, or at least two that together count at least m
 * (see `protectSuppressedTotal`).
 *
 * @param definition the questionnaire of the theme
 * @param respondents one entry per contribution to the theme in the series
 * @throws RangeError for a weight that is not positive and finite, or an invalid `minCell`
 */
export function aggregateSeries(
  definition: QuestionnaireDefinition,
  respondents: readonly Respondent[],
  options: StatsOptions = {},
): SeriesBody {
  const weighted = respondents.some((respondent) => respondent.weight !== undefined);
  // Respondents of equal weight form one group: post-stratification gives one weight per stratum.
  const byWeight = new Map<number, Respondent[]>();
  for (const respondent of respondents) {
    const weight = checkWeight(respondent.weight ?? 1);
    const group = byWeight.get(weight) ?? [];
    group.push(respondent);
    byWeight.set(weight, group);
  }
  const groups: WeightedTally[] = [...byWeight].map(([weight, members]) => ({
    tally: tallyAnswers(
      definition,
      members.map((member) => member.answers),
    ),
    ...(weighted ? { weight } : {}),
  }));
  if (groups.length === 0) groups.push({ tally: emptyTally(definition) });
  return aggregateTallies(groups, options);
}
