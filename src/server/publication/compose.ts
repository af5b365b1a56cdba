import type { Ponderation, QuestionResult, Series } from '../../core/schema/results.js';
import { quartilesOfCounts } from '../../core/stats/quantiles.js';
import { codesOf } from '../../core/stats/tally.js';
import { wilsonInterval } from '../../core/stats/wilson.js';
import type { SecrecyState } from './secrecy/state.js';
import { roundShare, type WeightedFigures } from './weighted.js';

/**
 * The published figures of a protected theme, series by series, raw and reweighted, in the
 * shape of the results contract without the role and territory a response gives each series.
 */

/** A series' published figures, as a publication stores them. */
export type SeriesFigures = Omit<Series, 'role' | 'territory'>;

/** A median is published only from this many answers on, rounded: below, it may be one respondent's own value. */
export const MEDIAN_MIN_BASE = 30;

/** Rounds to two significant digits (1 234 → 1 200; 0.456 → 0.46). */
export function roundMedian(value: number): number {
  if (value === 0 || !Number.isFinite(value)) return value;
  const magnitude = 10 ** (Math.floor(Math.log10(Math.abs(value))) - 1);
  return Math.round(value / magnitude) * magnitude;
}

function withheld(status: 'aucune' | 'insuffisant' | 'masque'): QuestionResult {
  return { status, n: status === 'aucune' ? 0 : null };
}

const hiddenAnswer = { status: 'masque', count: null, share: null, shareOfAll: null } as const;

function rawQuestion(state: SecrecyState, s: number, q: number): QuestionResult {
  const status = state.questionStatus(s, q);
  if (status !== 'publie') return withheld(status);
  const question = state.question(q);
  const n = state.base(s, q);
  const all = state.tables.series[s]!.n;
  const result: QuestionResult = { status, n, answers: {} };
  for (const code of codesOf(question)) {
    if (!state.isKnown(s, q, code)) {
      result.answers![code] = { ...hiddenAnswer };
      continue;
    }
    const count = state.value(s, q, code);
    const share = count / n;
    result.answers![code] = { status: 'publie', count, share, shareOfAll: count / all, ci: wilsonInterval(share, n) };
  }
  const values = state.tables.series[s]!.tally.questions.get(question.id)!.values;
  if (values && n >= MEDIAN_MIN_BASE) result.median = roundMedian(quartilesOfCounts(values)!.median);
  return result;
}

function weightedQuestion(state: SecrecyState, weighted: WeightedFigures, s: number, q: number): QuestionResult {
  const status = state.questionStatus(s, q);
  if (status !== 'publie') return withheld(status);
  const totals = weighted.totals(s, q);
  if (totals === undefined) return withheld('masque');
  const n = state.base(s, q);
  // The design effect of the weights, applied to the question's respondents.
  const intervalN = (n * totals.effectiveN) / state.tables.series[s]!.n;
  const result: QuestionResult = { status, n, answers: {} };
  for (const code of codesOf(state.question(q))) {
    if (!state.isKnown(s, q, code)) {
      result.answers![code] = { ...hiddenAnswer };
      continue;
    }
    const share = roundShare(totals.codes.get(code)! / totals.answered);
    const shareOfAll = roundShare(totals.codes.get(code)! / totals.all);
    result.answers![code] = { status: 'publie', count: null, share, shareOfAll, ci: wilsonInterval(share, intervalN) };
  }
  // Strata nobody answered in are not represented: the estimate says how much it covers.
  if (totals.coverage < 1 - 1e-9) result.coverage = totals.coverage;
  return result;
}

/** Every series of a protected theme, keyed by series key, for one weighting. */
export function composeSeries(state: SecrecyState, weighted: WeightedFigures, ponderation: Ponderation): Record<string, SeriesFigures> {
  const figures: Record<string, SeriesFigures> = {};
  state.tables.series.forEach((series, s) => {
    if (series.level === 'atome') return;
    const status = state.seriesStatus(s);
    if (status !== 'publie') {
      figures[series.key] = { status, n: status === 'aucune' ? 0 : null, questions: {} };
      return;
    }
    const questions: Record<string, QuestionResult> = {};
    state.tables.questions.forEach((question, q) => {
      questions[question.id] = ponderation === 'redressee' ? weightedQuestion(state, weighted, s, q) : rawQuestion(state, s, q);
    });
    figures[series.key] = { status, n: series.n, questions };
  });
  return figures;
}
