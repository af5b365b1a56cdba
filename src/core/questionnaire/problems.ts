/**
 * Why an answer is not accepted.
 *
 * - `required`: a visible required question has no answer.
 * - `type`: the value has the wrong shape for the question kind (e.g. a text for a number).
 * - `unknown_code`: a code that is not among the question's options (`params.code`).
 * - `duplicate`: a multiple-choice code given twice (`params.code`).
 * - `exclusive`: the exclusive option is combined with others (`params.code`).
 * - `min`, `max`: a number outside the bounds (`params.min` and/or `params.max`, both when set).
 * - `integer`: a decimal number where a whole number is asked.
 * - `too_long`: a text longer than allowed (`params.max`, `params.length`).
 * - `other_required`: `autre` is chosen but its text is missing.
 * - `other_unexpected`: an "other, specify" text while `autre` is not chosen.
 * - `unknown_question`: an answer key the definition does not know.
 * - `hidden`: an answer to a question that its conditions hide.
 */
export type ProblemCode =
  | 'required'
  | 'type'
  | 'unknown_code'
  | 'duplicate'
  | 'exclusive'
  | 'min'
  | 'max'
  | 'integer'
  | 'too_long'
  | 'other_required'
  | 'other_unexpected'
  | 'unknown_question'
  | 'hidden';

/** Every problem code, e.g. for exhaustive tests or API documentation. */
export const PROBLEM_CODES: readonly ProblemCode[] = [
  'required',
  'type',
  'unknown_code',
  'duplicate',
  'exclusive',
  'min',
  'max',
  'integer',
  'too_long',
  'other_required',
  'other_unexpected',
  'unknown_question',
  'hidden',
];

/**
 * One reason an answer set is not accepted, as data: the element ties it to a field and the
 * server returns it, each turning it into words with {@link problemMessage}.
 */
export interface Problem {
  /** The question concerned; for `unknown_question`, the answer key exactly as received. */
  questionId: string;
  code: ProblemCode;
  /** Set when the problem is about the "other, specify" text (`<questionId>.autre`), not the answer itself. */
  other?: true;
  params?: Record<string, string | number>;
}
