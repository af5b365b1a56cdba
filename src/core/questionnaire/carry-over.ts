import type { Answers, QuestionnaireDefinition } from '../schema/questionnaire.js';
import type { QuestionChange } from '../schema/previous-answers.js';
import { parseAnswerKey } from './answers.js';
import { breakReason, questionShape } from './comparability.js';
import { questionIndex } from './question-index.js';

/**
 * A new edition's questionnaire starts from the collectivité's answers to the previous one, but
 * only where the question asks the same thing: the same id, kind, answer codes (a number's
 * ranges) and conditions showing it — the rule that joins figures across editions
 * (`comparability.ts`). An answer to a question that changed would say something the
 * respondent never said, so it is left for them to give again.
 */

/** What the previous edition's answers give the current questionnaire. */
export interface CarriedOver {
  /** The answers to unchanged questions, keyed as answers are (`<id>` and `<id>.autre`). */
  answers: Answers;
  /** Every question of the current questionnaire that is not unchanged: new, or asked another way. */
  changes: Record<string, QuestionChange>;
}

/**
 * Carries `answers`, given to `previous`, over to `current`. Without the previous definition
 * (a version this code does not hold), nothing can be shown to be unchanged: every question
 * counts as changed and nothing is carried.
 */
export function carryOver(previous: QuestionnaireDefinition | undefined, current: QuestionnaireDefinition, answers: Answers): CarriedOver {
  const changes: Record<string, QuestionChange> = {};
  for (const { question } of questionIndex(current).values()) {
    const before = previous === undefined ? undefined : questionShape(previous, question.id);
    if (previous !== undefined && before === undefined) {
      changes[question.id] = 'new';
      continue;
    }
    if (breakReason(before, questionShape(current, question.id)) !== undefined) changes[question.id] = 'changed';
  }
  const carried: Answers = {};
  for (const [key, value] of Object.entries(answers)) {
    const { questionId } = parseAnswerKey(key);
    if (questionIndex(current).has(questionId) && !Object.hasOwn(changes, questionId)) carried[key] = value;
  }
  return { answers: carried, changes };
}
