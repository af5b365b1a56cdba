import { OTHER_CODE } from '../schema/codes.js';
import { type AnswerValue, type Question } from '../schema/questionnaire.js';

/**
 * Answers as they may arrive from anywhere (a form, a draft, an HTTP body): the engine reads
 * them defensively, so every function taking them accepts values of any shape without throwing.
 */
export type AnswerInput = Readonly<Record<string, unknown>>;

/** Longest "other, specify" text accepted, in characters as a person sees them (see `visibleLength`). */
export const OTHER_TEXT_MAX_LENGTH = 200;

const OTHER_SUFFIX = `.${OTHER_CODE}`;

/** The answer key holding the "other, specify" text of a question: `<questionId>.autre`. */
export function otherTextKey(questionId: string): string {
  return questionId + OTHER_SUFFIX;
}

/** What an answer key refers to: a question's answer, or the "other, specify" text beside it. */
export interface ParsedAnswerKey {
  questionId: string;
  other: boolean;
}

/** Splits an answer key into the question it belongs to and whether it is an "other" text. */
export function parseAnswerKey(key: string): ParsedAnswerKey {
  return key.endsWith(OTHER_SUFFIX) && key.length > OTHER_SUFFIX.length
    ? { questionId: key.slice(0, -OTHER_SUFFIX.length), other: true }
    : { questionId: key, other: false };
}

/**
 * The value stored under a key, looked up as an own property only: question ids such as
 * `constructor` are valid, and must not find what a plain object inherits.
 */
export function answerOf(answers: AnswerInput, key: string): unknown {
  return answers !== null && typeof answers === 'object' && Object.hasOwn(answers, key) ? answers[key] : undefined;
}

/**
 * Whether a value counts as an answer. Missing values, `null`, blank strings and empty arrays
 * are what an untouched or cleared field leaves behind, so they count as no answer at all.
 */
export function isAnswered(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value === 'string') return value.trim() !== '';
  if (Array.isArray(value)) return value.length > 0;
  return true;
}

/**
 * Whether a value has one of the shapes an answer can take: a code or text, a finite number
 * (JSON has no other), a list of codes.
 */
export function isAnswerValue(value: unknown): value is AnswerValue {
  if (typeof value === 'string') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

/** Whether a question offers an "other, specify" text, i.e. has `otherSpecify` and an `autre` option. */
export function hasOtherText(question: Question): boolean {
  return (
    (question.kind === 'single' || question.kind === 'multiple') &&
    question.otherSpecify === true &&
    question.options.some((option) => option.code === OTHER_CODE)
  );
}

/** Whether the answer to a choice question picks the `autre` option. */
export function choosesOther(value: unknown): boolean {
  return value === OTHER_CODE || (Array.isArray(value) && value.includes(OTHER_CODE));
}

/** Whether a question must be answered when visible (`required` defaults to true). */
export function isRequired(question: Question): boolean {
  return question.required !== false;
}
