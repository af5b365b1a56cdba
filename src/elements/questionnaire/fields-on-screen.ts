import { answerOf, choosesOther, hasOtherText, otherTextKey, type AnswerInput } from '../../core/questionnaire/answers.js';
import type { VisibleSection } from '../../core/questionnaire/visibility.js';

/** The answer keys of a section's fields on screen: each visible question, and the "other" text of those choosing it. */
export function fieldsOnScreen(visible: VisibleSection | undefined, answers: AnswerInput): Set<string> {
  const keys = new Set<string>();
  for (const question of visible?.questions ?? []) {
    keys.add(question.id);
    if (hasOtherText(question) && choosesOther(answerOf(answers, question.id))) keys.add(otherTextKey(question.id));
  }
  return keys;
}
