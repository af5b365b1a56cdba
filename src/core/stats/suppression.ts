import type { QuestionKind } from '../schema/questionnaire.js';
import type { AnswerResult, QuestionResult } from '../schema/results.js';
import { isSmallGroup } from './min-cell.js';
import type { SeriesBody } from './types.js';

/**
 * Small-cell suppression inside one question. The rules work on published figures only (a
 * hidden cell is `null`), so the same code protects a freshly aggregated question and one that
 * cross-series protection has just hidden more of.
 */

/** A hidden answer cell: every figure `null`, so no chart can read it as zero. */
export function suppressedAnswer(): AnswerResult {
  return { count: null, share: null, shareOfAll: null, ci: null };
}

/** A hidden question: its number of respondents and nothing else. */
export function suppressedQuestion(n: number): QuestionResult {
  return { n, suppressed: true };
}

/** A hidden series: its number of respondents and no question (nor effective size). */
export function suppressedSeries<S extends SeriesBody>(series: S): S {
  const hidden: S = { ...series, suppressed: true, questions: {} };
  delete hidden.effectiveN;
  return hidden;
}

/**
 * Whether a question's codes are mutually exclusive and exhaustive among its respondents, so
 * that its counts add up to its `n` (yes/no, single choice) and one hidden count can be
 * recovered by subtraction.
 */
export function hasExclusiveCodes(kind: QuestionKind | undefined): boolean {
  return kind === 'yesno' || kind === 'single';
}

/**
 * Primary suppression: hides a published cell whose count is a small group, or whose
 * complement within the question (n − count: those who did not choose it) is one, since that
 * complement is computable from the two published figures.
 */
export function suppressSmallCells(question: QuestionResult, minCell: number): QuestionResult {
  if (question.suppressed || question.answers === undefined) return question;
  let changed = false;
  const answers: Record<string, AnswerResult> = {};
  for (const [code, answer] of Object.entries(question.answers)) {
    const count = answer.count;
    if (count !== null && (isSmallGroup(count, minCell) || isSmallGroup(question.n - count, minCell))) {
      answers[code] = suppressedAnswer();
      changed = true;
    } else {
      answers[code] = answer;
    }
  }
  return changed ? { ...question, answers } : question;
}

/**
 * Complementary suppression for questions whose counts add up to `n`: the hidden cells
 * together count n − (published counts), which anyone can compute. So one hidden cell alone
 * is always recovered, and several that together count 1 to m − 1 (or 0) reveal a small group.
 * While that is so, one more cell is hidden: the smallest non-zero published one (ties: first
 * in answer order, so the choice is reproducible), or a published zero when no other is left.
 * The result has no hidden cell, or at least two that together count at least `minCell`.
 *
 * Inside one freshly aggregated question, hidden cells are never zeros and a lone hidden cell
 * is always small, so this only adds cells when the hidden total is small; after cross-series
 * protection a lone hidden cell may be large, or zero, and still needs a companion.
 */
export function protectSuppressedTotal(question: QuestionResult, minCell: number): QuestionResult {
  if (question.suppressed || question.answers === undefined) return question;
  const answers: Record<string, AnswerResult> = { ...question.answers };
  let hiddenTotal = question.n;
  let hiddenCells = 0;
  for (const answer of Object.values(answers)) {
    if (answer.count === null) hiddenCells += 1;
    else hiddenTotal -= answer.count;
  }
  let changed = false;
  while (hiddenCells > 0 && (hiddenCells < 2 || hiddenTotal < minCell)) {
    let chosen: string | undefined;
    let chosenCount = Number.POSITIVE_INFINITY;
    for (const [code, answer] of Object.entries(answers)) {
      const count = answer.count;
      if (count === null) continue;
      // Zeros rank after every non-zero count: they add nothing to the hidden total.
      const better = chosen === undefined || (count > 0 && (chosenCount === 0 || count < chosenCount));
      if (better) {
        chosen = code;
        chosenCount = count;
      }
    }
    // Every cell is hidden yet the total is still small: the counts do not add up to n.
    if (chosen === undefined) return suppressedQuestion(question.n);
    answers[chosen] = suppressedAnswer();
    hiddenCells += 1;
    hiddenTotal += chosenCount;
    changed = true;
  }
  return changed ? { ...question, answers } : question;
}
