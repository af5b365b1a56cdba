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
 * whole condition false rather than throw, or turn true under a `not`.
 */
function evaluate(condition: unknown, answers: AnswerInput): boolean | undefined {
  if (condition === null || typeof condition !== 'object' || Array.isArray(condition)) return undefined;
  const shape = condition as Record<string, unknown>;
  const has = (key: string) => Object.hasOwn(shape, key);
  if (has('not')) {
    const inner = evaluate(shape.not, answers);
    return inner === undefined ? undefined : !inner;
  }
  if (has('all') || has('any')) {
    const parts = has('all') ? shape.all : shape.any;
    if (!Array.isArray(parts)) return undefined;
    const values: (boolean | undefined)[] = [];
    for (let i = 0; i < parts.length; i++) values.push(evaluate(parts[i], answers));
    if (values.includes(undefined)) return undefined;
    return has('all') ? values.every(Boolean) : values.some(Boolean);
  }

  const test = comparison(shape);
  if (test === undefined) return undefined;
  const value = answerOf(answers, shape.question as string);
  return isAnswered(value) && test(value);
}

/** The test a leaf condition applies to an answer, or `undefined` for an unknown leaf shape. */
function comparison(shape: Record<string, unknown>): ((value: unknown) => boolean) | undefined {
  if (typeof shape.question !== 'string') return undefined;
  const has = (key: string) => Object.hasOwn(shape, key);
  if (has('equals')) {
    const expected = shape.equals;
    if (typeof expected !== 'string' && typeof expected !== 'number') return undefined;
    return (value) => value === expected;
  }
  if (has('in')) {
    const codes = shape.in;
    if (!Array.isArray(codes) || !codes.every((code) => typeof code === 'string')) return undefined;
    return (value) => {
      if (typeof value === 'string') return codes.includes(value);
      return Array.isArray(value) && value.some((code) => codes.includes(code));
    };
  }
  if (has('includes')) {
    const code = shape.includes;
    if (typeof code !== 'string') return undefined;
    return (value) => (Array.isArray(value) ? value.includes(code) : value === code);
  }
  for (const [key, holds] of BOUNDS) {
    if (!has(key)) continue;
    const bound = shape[key];
    if (typeof bound !== 'number') return undefined;
    return (value) => typeof value === 'number' && Number.isFinite(value) && holds(value, bound);
  }
  return undefined;
}

const BOUNDS: [string, (value: number, bound: number) => boolean][] = [
  ['gt', (value, bound) => value > bound],
  ['gte', (value, bound) => value >= bound],
  ['lt', (value, bound) => value < bound],
  ['lte', (value, bound) => value <= bound],
];

/** The ids of every question a condition reads, in the order they appear in it. */
export function conditionQuestions(condition: Condition): string[] {
  if ('not' in condition) return conditionQuestions(condition.not);
  if ('all' in condition) return condition.all.flatMap(conditionQuestions);
  if ('any' in condition) return condition.any.flatMap(conditionQuestions);
  return [condition.question];
}
