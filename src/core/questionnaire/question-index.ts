import type { Question, QuestionnaireDefinition, Section } from '../schema/questionnaire.js';

/** A question with where it sits in its definition. */
export interface IndexedQuestion {
  question: Question;
  section: Section;
  /** Position of the section among all sections of the definition. */
  sectionIndex: number;
  /** Position of the question among all questions of the definition, across sections. */
  order: number;
}

/** Every question of a definition by id. */
export type QuestionIndex = ReadonlyMap<string, IndexedQuestion>;

// Definitions are immutable data shared by every call, so one index per definition object is
// enough; a WeakMap lets a definition that is no longer used be collected with its index.
const cache = new WeakMap<QuestionnaireDefinition, QuestionIndex>();

/**
 * The questions of a definition by id, built once per definition object. The definition is
 * treated as immutable: change a copy, not the indexed object.
 * If an id appears twice (a defect {@link checkDefinition} reports), the first one wins.
 */
export function questionIndex(definition: QuestionnaireDefinition): QuestionIndex {
  const cached = cache.get(definition);
  if (cached) return cached;
  const index = new Map<string, IndexedQuestion>();
  let order = 0;
  definition.sections.forEach((section, sectionIndex) => {
    for (const question of section.questions) {
      if (!index.has(question.id)) index.set(question.id, { question, section, sectionIndex, order });
      order += 1;
    }
  });
  cache.set(definition, index);
  return index;
}

/** The question with this id, if the definition has one. */
export function findQuestion(definition: QuestionnaireDefinition, questionId: string): Question | undefined {
  return questionIndex(definition).get(questionId)?.question;
}
