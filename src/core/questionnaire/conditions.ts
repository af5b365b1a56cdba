import type { Condition } from '../schema/questionnaire.js';
import { POPULATION_BAND_BOUNDS } from '../territory/population-band.js';
import { answerOf, isAnswered, type AnswerInput } from './answers.js';

/**
 * What conditions may know of the collectivité that answers, from the referential: its kind and
 * its population band. A `Collectivite` record fits as it is.
 */
export interface CollectiviteProfile {
  readonly kind?: string;
  readonly populationBand?: string | null;
}

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
 * - `{ collectivite: 'kind' | 'band', in }`: the collectivité's kind or population band is one of
 *   those listed; `{ collectivite: 'population', gt | gte | lt | lte }`: its whole population band
 *   lies beyond the threshold (thresholds sit on band boundaries, where this is exact). Without a
 *   collectivité, or without its kind or band, such a comparison is false, as one on an
 *   unanswered question is.
 *
 * The browser and the server call this one function with the same collectivité (the one the
 * SIRET identifies), so both show, accept and drop exactly the same questions.
 *
 * A shape it does not recognise is false rather than an error: visibility must never crash a form.
 */
export function evaluateCondition(condition: Condition, answers: AnswerInput, collectivite?: CollectiviteProfile): boolean {
  return evaluate(condition, answers, collectivite) ?? false;
}

/**
 * The value of a condition, or `undefined` when it (or any part of it) is not one of the
 * documented shapes: definitions may come from anywhere, and a malformed part must make the
 * whole condition false rather than throw, or turn true under a `not`. Written without
 * closures: it runs for every question of every contribution when results are tallied.
 */
function evaluate(condition: unknown, answers: AnswerInput, collectivite: CollectiviteProfile | undefined): boolean | undefined {
  if (condition === null || typeof condition !== 'object' || Array.isArray(condition)) return undefined;
  const shape = condition as Record<string, unknown>;
  if (Object.hasOwn(shape, 'not')) {
    const inner = evaluate(shape.not, answers, collectivite);
    return inner === undefined ? undefined : !inner;
  }
  const all = Object.hasOwn(shape, 'all');
  if (all || Object.hasOwn(shape, 'any')) {
    const parts = all ? shape.all : shape.any;
    if (!Array.isArray(parts)) return undefined;
    // Every part is checked, even once the answer is known: a malformed one voids the whole.
    let result = all;
    for (const part of parts) {
      const value = evaluate(part, answers, collectivite);
      if (value === undefined) return undefined;
      if (value !== all) result = !all;
    }
    return result;
  }
  if (Object.hasOwn(shape, 'collectivite')) return compareCollectivite(shape, collectivite);
  return compare(shape, answers);
}

/** The value of a comparison on the collectivité, or `undefined` for an unknown shape. */
function compareCollectivite(shape: Record<string, unknown>, collectivite: CollectiviteProfile | undefined): boolean | undefined {
  const fact = shape.collectivite;
  if (fact === 'kind' || fact === 'band') {
    const listed = shape.in;
    if (!Array.isArray(listed) || !onlyStrings(listed) || Object.keys(shape).length !== 2) return undefined;
    const value = fact === 'kind' ? collectivite?.kind : collectivite?.populationBand;
    return typeof value === 'string' && listed.includes(value);
  }
  if (fact !== 'population') return undefined;
  for (const key of BOUNDS) {
    if (!Object.hasOwn(shape, key)) continue;
    const bound = shape[key];
    if (typeof bound !== 'number') return undefined;
    const band = collectivite?.populationBand;
    if (typeof band !== 'string' || !Object.hasOwn(POPULATION_BAND_BOUNDS, band)) return false;
    const { min, max } = POPULATION_BAND_BOUNDS[band as keyof typeof POPULATION_BAND_BOUNDS];
    // The whole band must lie beyond the threshold: on a band boundary, as definitions put it,
    // this is exactly the population's own comparison.
    switch (key) {
      case 'gt':
        return min > bound;
      case 'gte':
        return min >= bound;
      case 'lt':
        return max !== null && max < bound;
      case 'lte':
        return max !== null && max <= bound;
    }
  }
  return undefined;
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

/** The ids of every question a condition reads, in the order they appear in it (the collectivité is no question). */
export function conditionQuestions(condition: Condition): string[] {
  if ('not' in condition) return conditionQuestions(condition.not);
  if ('all' in condition) return condition.all.flatMap(conditionQuestions);
  if ('any' in condition) return condition.any.flatMap(conditionQuestions);
  return 'question' in condition ? [condition.question] : [];
}

/**
 * Whether a condition can hold for a collectivité, whatever the answers: `false` when a
 * comparison on the collectivité that the condition needs (alone, or as a part of `all` at its
 * top) fails. Definitions put comparisons on the collectivité only there (`checkDefinition`
 * says so otherwise), so that what is asked of whom can be read without answers: the figures'
 * secrecy relies on it (a question never asked of a kind is a structural zero there).
 */
export function askedOf(condition: Condition | undefined, collectivite: CollectiviteProfile | undefined): boolean {
  if (condition === undefined) return true;
  if ('all' in condition) return condition.all.every((part) => askedOf(part, collectivite));
  if ('collectivite' in condition) return evaluateCondition(condition, {}, collectivite);
  return true;
}
