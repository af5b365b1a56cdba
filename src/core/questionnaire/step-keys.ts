import type { QuestionnaireDefinition } from '../schema/questionnaire.js';
import type { AnswerInput } from './answers.js';
import { adjacentSectionId } from './progress.js';
import { IDENTIFICATION_STEP, REVIEW_STEP } from './session.js';
import type { VisibleSection } from './visibility.js';

export { IDENTIFICATION_STEP, REVIEW_STEP };

/** What kind of page a step is. */
export type StepKind = 'identification' | 'section' | 'review';

export function stepKind(key: string): StepKind {
  return key === IDENTIFICATION_STEP ? 'identification' : key === REVIEW_STEP ? 'review' : 'section';
}

/** Every step in order: identification, the visible sections, review. */
export function stepKeys(sections: readonly VisibleSection[]): string[] {
  return [IDENTIFICATION_STEP, ...sections.map((visible) => visible.section.id), REVIEW_STEP];
}

/**
 * Where a step stands among the steps. A key that is no longer there (a section the answers
 * have just hidden) counts as the first, as the progress bar has to say something.
 */
export function stepPlace(keys: readonly string[], key: string): { index: number; total: number } {
  return { index: Math.max(0, keys.indexOf(key)), total: keys.length };
}

/**
 * The step after a step. From a section, the next visible one in definition order, which also
 * works from a section the answers have just hidden.
 */
export function nextStep(
  definition: QuestionnaireDefinition,
  answers: AnswerInput,
  sections: readonly VisibleSection[],
  key: string,
): string {
  if (key === IDENTIFICATION_STEP) return sections[0]?.section.id ?? REVIEW_STEP;
  if (key === REVIEW_STEP) return REVIEW_STEP;
  return adjacentSectionId(definition, answers, key, 1) ?? REVIEW_STEP;
}

/** The step before a step; identification has none and stays where it is. */
export function previousStep(
  definition: QuestionnaireDefinition,
  answers: AnswerInput,
  sections: readonly VisibleSection[],
  key: string,
): string {
  if (key === REVIEW_STEP) return sections.at(-1)?.section.id ?? IDENTIFICATION_STEP;
  if (key === IDENTIFICATION_STEP) return IDENTIFICATION_STEP;
  return adjacentSectionId(definition, answers, key, -1) ?? IDENTIFICATION_STEP;
}
