import type { Answers, AnswerValue, Question, QuestionnaireDefinition } from '../schema/questionnaire.js';
import { answerOf, choosesOther, hasOtherText, isAnswerValue, otherTextKey, type AnswerInput } from './answers.js';
import type { CollectiviteProfile } from './conditions.js';
import { visibleQuestionIds } from './visibility.js';

/**
 * The answers worth keeping, in a canonical form, as a contribution is stored or compared:
 *
 * - only keys of the definition's questions (and their "other, specify" texts) survive;
 * - values that cannot be answers at all (objects, booleans, `null`, `NaN`, infinities, lists
 *   of non-strings) go;
 * - texts (text questions and "other" texts) are trimmed; blank strings and empty lists go;
 * - multiple-choice codes follow the definition's option order (unknown codes after, as given);
 * - answers to questions hidden by the cleaned answers, or not asked of `collectivite`, go;
 * - an "other" text stays only if its question is visible and has `autre` chosen.
 *
 * Wrong but well-shaped values (an unknown code, a number out of range) are kept: reporting
 * them is validation's job. Applying it twice changes nothing more.
 */
export function normalizeAnswers(
  definition: QuestionnaireDefinition,
  answers: AnswerInput,
  collectivite?: CollectiviteProfile,
): Answers {
  // Clean first, then decide visibility on the cleaned values, so a second pass sees exactly
  // what the first one did and the result is stable.
  const cleaned: Answers = {};
  for (const section of definition.sections) {
    for (const question of section.questions) {
      const value = cleanValue(question, answerOf(answers, question.id));
      if (value !== undefined) cleaned[question.id] = value;
      if (hasOtherText(question)) {
        const text = cleanText(answerOf(answers, otherTextKey(question.id)));
        if (text !== undefined) cleaned[otherTextKey(question.id)] = text;
      }
    }
  }

  const visible = visibleQuestionIds(definition, cleaned, collectivite);
  const result: Answers = {};
  for (const section of definition.sections) {
    for (const question of section.questions) {
      // Own-property reads: a question may be called `constructor`.
      const value = answerOf(cleaned, question.id) as AnswerValue | undefined;
      if (!visible.has(question.id) || value === undefined) continue;
      result[question.id] = value;
      const otherKey = otherTextKey(question.id);
      const text = answerOf(cleaned, otherKey) as string | undefined;
      if (text !== undefined && choosesOther(value)) result[otherKey] = text;
    }
  }
  return result;
}

function cleanText(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  return text === '' ? undefined : text;
}

function cleanValue(question: Question, value: unknown): AnswerValue | undefined {
  if (!isAnswerValue(value)) return undefined;
  if (typeof value === 'string') {
    // Codes are kept as given (a padded code is a client defect to report), but a blank one is no answer.
    if (question.kind === 'text') return cleanText(value);
    return value.trim() === '' ? undefined : value;
  }
  if (Array.isArray(value)) {
    if (value.length === 0) return undefined;
    return question.kind === 'multiple' ? sortCodes(value, question.options.map((option) => option.code)) : [...value];
  }
  return value;
}

function sortCodes(codes: readonly string[], order: readonly string[]): string[] {
  const rank = (code: string) => {
    const position = order.indexOf(code);
    return position === -1 ? order.length : position;
  };
  // Array.prototype.sort is stable, so unknown codes keep the order they were given in.
  return [...codes].sort((a, b) => rank(a) - rank(b));
}
