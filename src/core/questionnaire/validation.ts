import { visibleLength } from '../i18n/text-length.js';
import { YES_NO_CODES } from '../schema/codes.js';
import { type Question, type QuestionnaireDefinition } from '../schema/questionnaire.js';
import {
  OTHER_TEXT_MAX_LENGTH,
  answerOf,
  choosesOther,
  hasOtherText,
  isAnswered,
  isRequired,
  otherTextKey,
  parseAnswerKey,
  type AnswerInput,
} from './answers.js';
import type { Problem } from './problems.js';
import { questionIndex } from './question-index.js';
import type { CollectiviteProfile } from './conditions.js';
import { visibleQuestionIds } from './visibility.js';

const YES_NO: readonly string[] = YES_NO_CODES;

/**
 * The problems of one question's answer (and of its "other, specify" text when `autre` is
 * chosen), as the respondent can fix them. Visibility is not checked here: call it for visible
 * questions. Texts are measured trimmed, as they will be stored, in the characters a person
 * sees (grapheme clusters, see `visibleLength`).
 */
export function validateQuestion(question: Question, answers: AnswerInput): Problem[] {
  const value = answerOf(answers, question.id);
  if (!isAnswered(value)) return isRequired(question) ? [{ questionId: question.id, code: 'required' }] : [];
  const problems = validateValue(question, value);
  // The text is checked even beside other problems (e.g. `exclusive`), so all show at once.
  const wellFormed = !problems.some((problem) => problem.code === 'type');
  if (wellFormed && hasOtherText(question) && choosesOther(value)) {
    problems.push(...validateOtherText(question.id, answerOf(answers, otherTextKey(question.id))));
  }
  return problems;
}

function validateValue(question: Question, value: unknown): Problem[] {
  const questionId = question.id;
  const typeProblem: Problem[] = [{ questionId, code: 'type' }];
  switch (question.kind) {
    case 'yesno':
      if (typeof value !== 'string') return typeProblem;
      return YES_NO.includes(value) ? [] : [{ questionId, code: 'unknown_code', params: { code: value } }];
    case 'single':
      if (typeof value !== 'string') return typeProblem;
      return question.options.some((option) => option.code === value)
        ? []
        : [{ questionId, code: 'unknown_code', params: { code: value } }];
    case 'multiple':
      if (!Array.isArray(value) || !value.every((code) => typeof code === 'string')) return typeProblem;
      return validateCodes(question, value as string[]);
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) return typeProblem;
      return validateNumber(question, value);
    case 'text': {
      if (typeof value !== 'string') return typeProblem;
      const length = visibleLength(value.trim());
      return length > question.maxLength
        ? [{ questionId, code: 'too_long', params: { max: question.maxLength, length } }]
        : [];
    }
    default:
      // A kind this engine does not know cannot be answered correctly.
      return typeProblem;
  }
}

function validateCodes(question: Extract<Question, { kind: 'multiple' }>, codes: string[]): Problem[] {
  const questionId = question.id;
  const problems: Problem[] = [];
  const known = new Set(question.options.map((option) => option.code));
  const seen = new Set<string>();
  for (const code of codes) {
    if (seen.has(code)) problems.push({ questionId, code: 'duplicate', params: { code } });
    else if (!known.has(code)) problems.push({ questionId, code: 'unknown_code', params: { code } });
    seen.add(code);
  }
  const exclusive = question.exclusive;
  if (exclusive !== undefined && seen.has(exclusive) && seen.size > 1) {
    problems.push({ questionId, code: 'exclusive', params: { code: exclusive } });
  }
  return problems;
}

function validateNumber(question: Extract<Question, { kind: 'number' }>, value: number): Problem[] {
  const questionId = question.id;
  const problems: Problem[] = [];
  if (question.integer === true && !Number.isInteger(value)) problems.push({ questionId, code: 'integer' });
  // Both bounds travel with either problem, so the message can state the whole range.
  const bounds: Record<string, number> = {};
  if (question.min !== undefined) bounds.min = question.min;
  if (question.max !== undefined) bounds.max = question.max;
  if (question.min !== undefined && value < question.min) problems.push({ questionId, code: 'min', params: bounds });
  if (question.max !== undefined && value > question.max) problems.push({ questionId, code: 'max', params: bounds });
  return problems;
}

function validateOtherText(questionId: string, text: unknown): Problem[] {
  if (!isAnswered(text)) return [{ questionId, code: 'other_required', other: true }];
  if (typeof text !== 'string') return [{ questionId, code: 'type', other: true }];
  const length = visibleLength(text.trim());
  return length > OTHER_TEXT_MAX_LENGTH
    ? [{ questionId, code: 'too_long', other: true, params: { max: OTHER_TEXT_MAX_LENGTH, length } }]
    : [];
}

/**
 * Per-section mode, for the element: the problems of the visible questions of one section,
 * in order. Answers elsewhere (unknown keys, hidden questions, leftover "other" texts) are not
 * the respondent's concern on this step and are left to {@link normalizeAnswers}.
 * An unknown section id has no visible question, hence no problem.
 */
export function validateSection(
  definition: QuestionnaireDefinition,
  answers: AnswerInput,
  sectionId: string,
  collectivite?: CollectiviteProfile,
): Problem[] {
  const section = definition.sections.find((candidate) => candidate.id === sectionId);
  if (!section) return [];
  const visible = visibleQuestionIds(definition, answers, collectivite);
  return section.questions
    .filter((question) => visible.has(question.id))
    .flatMap((question) => validateQuestion(question, answers));
}

/**
 * Strict mode, for the server: every problem of a whole contribution. Besides each visible
 * question's problems, every key must belong to a visible question or be the "other, specify"
 * text of a visible question whose `autre` is chosen; a key's mere presence counts, whatever
 * its value. Problems come in definition order, then unknown keys in sorted order. A question
 * not asked of `collectivite` (the one the SIRET identifies) is hidden like one hidden by an
 * answer: an answer to it is a `hidden` problem.
 * Never throws, whatever the values.
 */
export function validateContribution(
  definition: QuestionnaireDefinition,
  answers: AnswerInput,
  collectivite?: CollectiviteProfile,
): Problem[] {
  const source: AnswerInput = answers !== null && typeof answers === 'object' ? answers : {};
  const visible = visibleQuestionIds(definition, source, collectivite);
  const problems: Problem[] = [];
  for (const section of definition.sections) {
    for (const question of section.questions) {
      const questionId = question.id;
      const otherKey = otherTextKey(questionId);
      const hasOtherKey = hasOtherText(question) && Object.hasOwn(source, otherKey);
      if (!visible.has(questionId)) {
        if (Object.hasOwn(source, questionId)) problems.push({ questionId, code: 'hidden' });
        if (hasOtherKey) problems.push({ questionId, code: 'hidden', other: true });
        continue;
      }
      problems.push(...validateQuestion(question, source));
      if (hasOtherKey && !choosesOther(answerOf(source, questionId))) {
        problems.push({ questionId, code: 'other_unexpected', other: true });
      }
    }
  }
  problems.push(...unknownKeys(definition, source));
  return problems;
}

function unknownKeys(definition: QuestionnaireDefinition, answers: AnswerInput): Problem[] {
  const index = questionIndex(definition);
  return Object.keys(answers)
    .filter((key) => {
      const { questionId, other } = parseAnswerKey(key);
      const entry = index.get(questionId);
      // An "other" key exists only for a question offering the text.
      return !entry || (other && !hasOtherText(entry.question));
    })
    .sort()
    .map((key) => ({ questionId: key, code: 'unknown_question' }) satisfies Problem);
}
