import type { Question } from '../schema/questionnaire.js';
import { otherTextKey } from './answers.js';
import type { Problem } from './problems.js';
import type { RefusedFields } from './server-problems.js';
import type { VisibleSection } from './visibility.js';

/** The problems of one field (an answer, or its "other, specify" text), in words. */
export interface FieldProblems {
  /** The answer key of the field. */
  key: string;
  /** The question the field belongs to. */
  question: Question;
  messages: string[];
}

/** What, besides the engine, knows about a section's fields. */
export interface FieldProblemSources {
  /** The engine's problems for the section (see `validateSection`). */
  engine: readonly Problem[];
  /** Number questions whose typed text is not a number: only that is said about them. */
  unreadable: ReadonlySet<string>;
  /** What the server refused, said only where the engine finds nothing. */
  refused: RefusedFields;
  describe(problem: Problem, question: Question): string;
}

/**
 * The problems of a visible section's fields, in question order, each question's answer before
 * its "other, specify" text. The engine speaks first: the server's refusal of a field stands only
 * while the engine finds nothing there, as the respondent's latest answer is what counts.
 */
export function sectionFieldProblems(visible: VisibleSection, sources: FieldProblemSources): FieldProblems[] {
  const found = new Map<string, FieldProblems>();
  const add = (key: string, question: Question, message: string) => {
    const entry = found.get(key);
    if (entry) entry.messages.push(message);
    else found.set(key, { key, question, messages: [message] });
  };
  for (const question of visible.questions) {
    const own = sources.engine.filter((problem) => problem.questionId === question.id);
    if (sources.unreadable.has(question.id)) add(question.id, question, sources.describe({ questionId: question.id, code: 'type' }, question));
    else for (const problem of own.filter((candidate) => !candidate.other)) add(question.id, question, sources.describe(problem, question));
    for (const problem of own.filter((candidate) => candidate.other)) add(otherTextKey(question.id), question, sources.describe(problem, question));
    for (const key of [question.id, otherTextKey(question.id)]) {
      if (!found.has(key)) for (const message of sources.refused[key] ?? []) add(key, question, message);
    }
  }
  return [...found.values()];
}
