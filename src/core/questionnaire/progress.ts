import type { Question, QuestionnaireDefinition } from '../schema/questionnaire.js';
import { answerOf, isAnswered, type AnswerInput } from './answers.js';
import type { CollectiviteProfile } from './conditions.js';
import { visibleSections, type VisibleSection } from './visibility.js';

/** How far a respondent has gone, counting visible questions only. */
export interface Progress {
  /** Visible questions with an answer (valid or not: validation says which are acceptable). */
  answered: number;
  /** Visible questions. */
  total: number;
  /** `answered / total`, between 0 and 1; 1 when nothing is left to answer. */
  ratio: number;
}

/** A step of the form: a visible section, with its place among visible sections. */
export interface Step extends VisibleSection, Progress {
  /** Position among the visible sections (0 for the first step). */
  index: number;
}

function count(questions: readonly Question[], answers: AnswerInput): Progress {
  const answered = questions.filter((question) => isAnswered(answerOf(answers, question.id))).length;
  const total = questions.length;
  return { answered, total, ratio: total === 0 ? 1 : answered / total };
}

/** Answered versus visible questions over the whole questionnaire. */
export function progress(definition: QuestionnaireDefinition, answers: AnswerInput, collectivite?: CollectiviteProfile): Progress {
  return count(
    visibleSections(definition, answers, collectivite).flatMap((step) => step.questions),
    answers,
  );
}

/** The steps the respondent goes through: visible sections in order, each with its own progress. */
export function steps(definition: QuestionnaireDefinition, answers: AnswerInput, collectivite?: CollectiviteProfile): Step[] {
  return visibleSections(definition, answers, collectivite).map((visible, index) => ({
    ...visible,
    ...count(visible.questions, answers),
    index,
  }));
}

/** The position of a section among the steps, or -1 when it is hidden or unknown. */
export function stepIndex(
  definition: QuestionnaireDefinition,
  answers: AnswerInput,
  sectionId: string,
  collectivite?: CollectiviteProfile,
): number {
  return visibleSections(definition, answers, collectivite).findIndex((visible) => visible.section.id === sectionId);
}

/**
 * The id of the visible section after (`direction` 1) or before (-1) the given one, in
 * definition order, or undefined at either end. It works from a section that answers have
 * just hidden, so the respondent moves on from where they stood.
 */
export function adjacentSectionId(
  definition: QuestionnaireDefinition,
  answers: AnswerInput,
  sectionId: string,
  direction: 1 | -1,
  collectivite?: CollectiviteProfile,
): string | undefined {
  const position = definition.sections.findIndex((section) => section.id === sectionId);
  if (position === -1) return undefined;
  const visible = new Set(visibleSections(definition, answers, collectivite).map((step) => step.section.id));
  for (let i = position + direction; i >= 0 && i < definition.sections.length; i += direction) {
    const candidate = definition.sections[i];
    if (candidate && visible.has(candidate.id)) return candidate.id;
  }
  return undefined;
}
