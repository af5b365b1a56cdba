import type { Question, QuestionnaireDefinition, Section } from '../schema/questionnaire.js';
import { answerOf, type AnswerInput } from './answers.js';
import { evaluateCondition, type CollectiviteProfile } from './conditions.js';

/** A section the respondent will see, with only its visible questions. */
export interface VisibleSection {
  section: Section;
  questions: Question[];
}

/**
 * Which questions are visible, walking the definition in order. A condition only sees the
 * answers of questions already found visible, so an answer left behind by a question that has
 * since been hidden cannot keep its dependants on screen (chains collapse as a whole).
 * A condition on a later question therefore sees it unanswered: {@link checkDefinition}
 * reports such forward references.
 *
 * `collectivite` is the collectivité that answers (its kind and population band), which
 * conditions may read too; without it, a question asked only of some collectivités is hidden.
 */
export function visibleQuestionIds(
  definition: QuestionnaireDefinition,
  answers: AnswerInput,
  collectivite?: CollectiviteProfile,
): Set<string> {
  const visible = new Set<string>();
  // Only the answers of visible questions, as conditions must see them.
  const seen: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  for (const section of definition.sections) {
    for (const question of section.questions) {
      if (question.visibleIf && !evaluateCondition(question.visibleIf, seen, collectivite)) continue;
      visible.add(question.id);
      const value = answerOf(answers, question.id);
      if (value !== undefined) seen[question.id] = value;
    }
  }
  return visible;
}

/** The visible questions of a definition, in definition order. */
export function visibleQuestions(
  definition: QuestionnaireDefinition,
  answers: AnswerInput,
  collectivite?: CollectiviteProfile,
): Question[] {
  const ids = visibleQuestionIds(definition, answers, collectivite);
  return definition.sections.flatMap((section) => section.questions.filter((question) => ids.has(question.id)));
}

/** Whether one question is visible given the answers. */
export function isQuestionVisible(
  definition: QuestionnaireDefinition,
  answers: AnswerInput,
  questionId: string,
  collectivite?: CollectiviteProfile,
): boolean {
  return visibleQuestionIds(definition, answers, collectivite).has(questionId);
}

/** The sections with at least one visible question, each with its visible questions, in order. */
export function visibleSections(
  definition: QuestionnaireDefinition,
  answers: AnswerInput,
  collectivite?: CollectiviteProfile,
): VisibleSection[] {
  const ids = visibleQuestionIds(definition, answers, collectivite);
  const sections: VisibleSection[] = [];
  for (const section of definition.sections) {
    const questions = section.questions.filter((question) => ids.has(question.id));
    if (questions.length > 0) sections.push({ section, questions });
  }
  return sections;
}
