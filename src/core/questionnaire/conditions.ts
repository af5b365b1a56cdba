import type { Condition } from '../schema/questionnaire.js';
import { answerOf, isAnswered, type AnswerInput } from './answers.js';

/**
 * Evaluates a declarative visibility condition against answers, by plain interpretation of the
 * data (no `eval`, no `new Function`), so definitions from anywhere run under a strict CSP.
 *
 * A comparison on a question without an answer is false, so `not` of it is true. Hidden
 * questions are the caller's concern: {@link visibleQuestions} passes only the answers of
 * visible questions, which makes a condition on a hidden question false as well.
 *
 * - `equals`: the answer is that code (yes/no, single choice) or that number; a list of codes
 *   never equals a single value (use `includes`).
 * - `in`: the answer code is one of the codes; for multiple choice, at least one chosen code is.
 * - `includes`: the multiple-choice answer contains the code; a single code must equal it.
 * - `gt`, `gte`, `lt`, `lte`: the answer is a finite number compared with the bound.
 * - `not`, `all`, `any`: negation, conjunction, disjunction (`all` of nothing is true,
 *   `any` of nothing is false).
 *
 * A shape it does not recognise is false rather than an error: visibility must never crash a form.
 */
export function evaluateCondition(condition: Condition, answers: AnswerInput): boolean {
  if ('not' in condition) return !evaluateCondition(condition.not, answers);
  if ('all' in condition) return condition.all.every((part) => evaluateCondition(part, answers));
  if ('any' in condition) return condition.any.some((part) => evaluateCondition(part, answers));

  const value = answerOf(answers, condition.question);
  if (!isAnswered(value)) return false;

  if ('equals' in condition) return value === condition.equals;
  if ('in' in condition) {
    const codes = condition.in;
    if (typeof value === 'string') return codes.includes(value);
    return Array.isArray(value) && value.some((code) => codes.includes(code));
  }
  if ('includes' in condition) {
    if (Array.isArray(value)) return value.includes(condition.includes);
    return value === condition.includes;
  }

  if (typeof value !== 'number' || !Number.isFinite(value)) return false;
  if ('gt' in condition) return value > condition.gt;
  if ('gte' in condition) return value >= condition.gte;
  if ('lt' in condition) return value < condition.lt;
  if ('lte' in condition) return value <= condition.lte;
  return false;
}

/** The ids of every question a condition reads, in the order they appear in it. */
export function conditionQuestions(condition: Condition): string[] {
  if ('not' in condition) return conditionQuestions(condition.not);
  if ('all' in condition) return condition.all.flatMap(conditionQuestions);
  if ('any' in condition) return condition.any.flatMap(conditionQuestions);
  return [condition.question];
}
