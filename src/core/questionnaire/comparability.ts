import { findQuestion } from './question-index.js';
import type { EvolutionBreakReason } from '../schema/evolution.js';
import type { Condition, Question, QuestionnaireDefinition } from '../schema/questionnaire.js';
import { codesOf, type PublishedQuestion } from '../stats/tally.js';

/**
 * Whether one question asks the same thing in two editions' questionnaires, decided on the
 * definitions alone. A share of "oui" means something else once "en cours" is offered beside it,
 * or once the question is asked of communes only: such figures are never joined across editions
 * (evolution), and such an answer is not carried over to the next edition's questionnaire either
 * (`carry-over.ts`), whatever its value.
 */

/** What a question's published share depends on, in a form two editions can compare. */
export interface QuestionShape {
  kind: Question['kind'];
  /** The answer codes, in order; a number's ranges with their upper bounds (`moins_10<=10`). */
  codes: readonly string[];
  /**
   * Who is asked: the question's condition, with the conditions of every question it reads
   * (a follow-up is only shown when its parent is), written canonically.
   */
  base: string;
}

/** The codes of a question as its figures are published; a question never published has none. */
function publishedCodes(question: Question): readonly string[] {
  if (question.kind === 'text') return [];
  if (question.kind === 'number') return (question.bins ?? []).map((bin) => (bin.max === undefined ? bin.code : `${bin.code}<=${bin.max}`));
  return codesOf(question as PublishedQuestion);
}

/** The questions a condition reads. */
function questionsRead(condition: Condition): string[] {
  if ('question' in condition) return [condition.question];
  if ('not' in condition) return questionsRead(condition.not);
  if ('all' in condition) return condition.all.flatMap(questionsRead);
  if ('any' in condition) return condition.any.flatMap(questionsRead);
  return [];
}

/** A condition in one spelling: keys in order, listed values sorted (their order means nothing). */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) {
    const items = value.map(canonical);
    return items.every((item) => typeof item === 'string') ? [...(items as string[])].sort() : items;
  }
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, canonical((value as Record<string, unknown>)[key])]),
    );
  }
  return value;
}

/** The conditions that show a question, its parents' included, as one comparable text. */
function baseOf(definition: QuestionnaireDefinition, question: Question): string {
  const conditions: Record<string, unknown> = {};
  const visit = (current: Question) => {
    if (Object.hasOwn(conditions, current.id)) return;
    conditions[current.id] = current.visibleIf === undefined ? null : canonical(current.visibleIf);
    for (const read of current.visibleIf === undefined ? [] : questionsRead(current.visibleIf)) {
      const parent = findQuestion(definition, read);
      if (parent) visit(parent);
    }
  };
  visit(question);
  // The question itself is written under a fixed key, so that a question is compared with itself
  // and its parents by id.
  const own = conditions[question.id];
  delete conditions[question.id];
  return JSON.stringify([own, canonical(conditions)]);
}

/** The shape of a question in an edition's questionnaire, or `undefined` when it does not ask it. */
export function questionShape(definition: QuestionnaireDefinition, questionId: string): QuestionShape | undefined {
  const question = findQuestion(definition, questionId);
  if (question === undefined) return undefined;
  return { kind: question.kind, codes: publishedCodes(question), base: baseOf(definition, question) };
}

/**
 * Why figures of the same question in two editions cannot be joined, or `undefined` when they
 * can. Codes are compared as sets: the order answers are offered in does not change what a share
 * counts.
 */
export function breakReason(before: QuestionShape | undefined, after: QuestionShape | undefined): EvolutionBreakReason | undefined {
  if (before === undefined || after === undefined) return 'question_absent';
  if (before.kind !== after.kind) return 'kind_changed';
  const codes = (shape: QuestionShape) => JSON.stringify([...shape.codes].sort());
  if (codes(before) !== codes(after)) return 'codes_changed';
  if (before.base !== after.base) return 'base_changed';
  return undefined;
}
