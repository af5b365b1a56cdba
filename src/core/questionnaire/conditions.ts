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
  return evaluate(condition, answers) ?? false;
}

/**
 * The value of a condition, or `undefined` when it (or any part of it) is not one of the
 * documented shapes: definitions may come from anywhere, and a malformed part must make the
 * whole condition false rather than throw, or turn true under a `not`. Written without
 * closures: it runs for every question of every contribution when results are tallied.
 */
function evaluate(condition: unknown, answers: AnswerInput): boolean | undefined {
  if (condition === null || typeof condition !== 'object' || Array.isArray(condition)) return undefined;
  const shape = condition as Record<string, unknown>;
  if (Object.hasOwn(shape, 'not')) {
    const inner = evaluate(shape.not, answers);
    return inner === undefined ? undefined : !inner;
  }
  const all = Object.hasOwn(shape, 'all');
  if (all || Object.hasOwn(shape, 'any')) {
    const parts = all ? shape.all : shape.any;
    if (!Array.isArray(parts)) return undefined;
    // Every part is checked, even once the answer is known: a malformed one voids the whole.
    let result = all;
    for (const part of parts) {
      const value = evaluate(part, answers);
      if (value === undefined) return undefined;
      if (value !== all) result = !all;
    }
    return result;
  }
  return compare(shape, answers);
}

/** The value of a leaf condition, or `undefined` for an unknown leaf shape. */
function compare(shape: Record<string, unknown>, answers: AnswerInput): boolean | undefined {
  if (typeof shape.question !== 'string') return undefined;
  const value = answerOf(answers, shape.question);
  const answered = isAnswered(value);
  if (Object.hasOwn(shape, 'equals')) {
    const expected = shape.equals;
    if (typeof expected !== 'string' && typeof expected !== 'number') return undefined;
    return answered && value === expected;
  }
  if (Object.hasOwn(shape, 'in')) {
    const codes = shape.in;
    if (!Array.isArray(codes) || !onlyStrings(codes)) return undefined;
    if (!answered) return false;
    if (typeof value === 'string') return codes.includes(value);
    if (!Array.isArray(value)) return false;
    for (const code of value) if (codes.includes(code)) return true;
    return false;
  }
  if (Object.hasOwn(shape, 'includes')) {
    const code = shape.includes;
    if (typeof code !== 'string') return undefined;
    return answered && (Array.isArray(value) ? value.includes(code) : value === code);
  }
  for (const key of BOUNDS) {
    if (!Object.hasOwn(shape, key)) continue;
    const bound = shape[key];
    if (typeof bound !== 'number') return undefined;
    return answered && typeof value === 'number' && Number.isFinite(value) && holds(key, value, bound);
  }
  return undefined;
}

const BOUNDS = ['gt', 'gte', 'lt', 'lte'] as const;

function holds(key: (typeof BOUNDS)[number], value: number, bound: number): boolean {
  switch (key) {
    case 'gt':
      return value > bound;
    case 'gte':
      return value >= bound;
    case 'lt':
      return value < bound;
    case 'lte':
      return value <= bound;
  }
}

function onlyStrings(list: readonly unknown[]): boolean {
  for (const item of list) if (typeof item !== 'string') return false;
  return true;
}

/** The ids of every question a condition reads, in the order they appear in it. */
export function conditionQuestions(condition: Condition): string[] {
  if ('not' in condition) return conditionQuestions(condition.not);
  if ('all' in condition) return condition.all.flatMap(conditionQuestions);
  if ('any' in condition) return condition.any.flatMap(conditionQuestions);
  return [condition.question];
}
