import { answerOf, visibleQuestionIds, type AnswerInput } from '../questionnaire/index.js';
import { YES_NO_CODES } from '../schema/codes.js';
import { type Question, type QuestionnaireDefinition } from '../schema/questionnaire.js';
import type { AnswerResult, QuestionResult } from '../schema/results.js';
import { kishEffectiveN } from './effective-size.js';
import { checkMinCell, DEFAULT_MIN_CELL } from './min-cell.js';
import { quartiles } from './quantiles.js';
import { hasExclusiveCodes, protectSuppressedTotal, suppressedQuestion, suppressSmallCells } from './suppression.js';
import type { Respondent, SeriesBody, StatsOptions } from './types.js';
import { wilsonInterval } from './wilson.js';

type ChoiceQuestion = Extract<Question, { kind: 'yesno' | 'single' | 'multiple' }>;
type NumberQuestion = Extract<Question, { kind: 'number' }>;

/** A respondent as one question sees it. */
interface Reading {
  /** Whether the question was shown to the respondent. */
  asked: boolean;
  answers: AnswerInput;
  weight: number;
}

function weightOf(respondent: Respondent): number {
  const weight = respondent.weight ?? 1;
  if (!Number.isFinite(weight) || weight <= 0) throw new RangeError(`A weight must be positive and finite, not ${weight}`);
  return weight;
}

function codesOf(question: ChoiceQuestion): readonly string[] {
  return question.kind === 'yesno' ? YES_NO_CODES : question.options.map((option) => option.code);
}

/**
 * The known codes an answer picks, each once; none when the answer is missing or has the
 * wrong shape (it then does not count as an answer: the figures trust definitions, not input).
 */
function chosenCodes(question: ChoiceQuestion, value: unknown, known: ReadonlySet<string>): string[] {
  if (question.kind === 'multiple') {
    if (!Array.isArray(value)) return [];
    return [...new Set(value.filter((code): code is string => typeof code === 'string' && known.has(code)))];
  }
  return typeof value === 'string' && known.has(value) ? [value] : [];
}

/** Shares are at most 1 in exact arithmetic; clamping removes rounding noise. */
function ratio(part: number, whole: number): number {
  return Math.min(1, part / whole);
}

function aggregateChoice(
  question: ChoiceQuestion,
  readings: readonly Reading[],
  seriesWeight: number,
  weighted: boolean,
  minCell: number,
): QuestionResult {
  const codes = codesOf(question);
  const known = new Set(codes);
  const counts = new Map<string, { count: number; weight: number }>(codes.map((code) => [code, { count: 0, weight: 0 }]));
  let n = 0;
  const answeredWeights: number[] = [];
  for (const reading of readings) {
    if (!reading.asked) continue;
    const chosen = chosenCodes(question, answerOf(reading.answers, question.id), known);
    if (chosen.length === 0) continue;
    n += 1;
    answeredWeights.push(reading.weight);
    for (const code of chosen) {
      const cell = counts.get(code)!;
      cell.count += 1;
      cell.weight += reading.weight;
    }
  }
  if (n < minCell) return suppressedQuestion(n);

  const answeredWeight = answeredWeights.reduce((sum, weight) => sum + weight, 0);
  // A weighted share is as precise as a raw one from Kish's effective number of respondents.
  const intervalN = weighted ? kishEffectiveN(answeredWeights) : n;
  const answers: Record<string, AnswerResult> = {};
  for (const [code, cell] of counts) {
    const share = weighted ? ratio(cell.weight, answeredWeight) : ratio(cell.count, n);
    answers[code] = {
      count: cell.count,
      share,
      shareOfAll: weighted ? ratio(cell.weight, seriesWeight) : ratio(cell.count, readings.length),
      ci: wilsonInterval(share, intervalN),
    };
  }
  const protectedCells = suppressSmallCells({ n, suppressed: false, answers }, minCell);
  return hasExclusiveCodes(question.kind) ? protectSuppressedTotal(protectedCells, minCell) : protectedCells;
}

/**
 * Number questions publish quartiles of raw answers even when shares are reweighted: there is
 * no standard weighted form of the type 7 quantile, and a median moved by weights would no
 * longer be any respondent's value nor between two of them.
 */
function aggregateNumber(question: NumberQuestion, readings: readonly Reading[], minCell: number): QuestionResult {
  const values: number[] = [];
  for (const reading of readings) {
    if (!reading.asked) continue;
    const value = answerOf(reading.answers, question.id);
    if (typeof value === 'number' && Number.isFinite(value)) values.push(value);
  }
  const n = values.length;
  if (n < minCell) return suppressedQuestion(n);
  const { q1, median, q3 } = quartiles(values)!;
  return { n, suppressed: false, stats: { n, median, q1, q3 } };
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
  const minCell = checkMinCell(options.minCell ?? DEFAULT_MIN_CELL);
  const weights = respondents.map(weightOf);
  const weighted = respondents.some((respondent) => respondent.weight !== undefined);
  const n = respondents.length;
  if (n < minCell) return { n, suppressed: true, questions: {} };

  const visible = respondents.map((respondent) => visibleQuestionIds(definition, respondent.answers));
  const seriesWeight = weights.reduce((sum, weight) => sum + weight, 0);
  const questions: Record<string, QuestionResult> = {};
  for (const section of definition.sections) {
    for (const question of section.questions) {
      // Free text may identify its author: it is never aggregated. A repeated id keeps its first question.
      if (question.kind === 'text' || Object.hasOwn(questions, question.id)) continue;
      const readings = respondents.map((respondent, index) => ({
        asked: visible[index]!.has(question.id),
        answers: respondent.answers,
        weight: weights[index]!,
      }));
      questions[question.id] =
        question.kind === 'number'
          ? aggregateNumber(question, readings, minCell)
          : aggregateChoice(question, readings, seriesWeight, weighted, minCell);
    }
  }
  const series: SeriesBody = { n, suppressed: false, questions };
  if (weighted) series.effectiveN = kishEffectiveN(weights);
  return series;
}
