import { answerOf, visibleQuestionIds, type AnswerInput } from '../questionnaire/index.js';
import { YES_NO_CODES } from '../schema/codes.js';
import type { Question, QuestionnaireDefinition } from '../schema/questionnaire.js';

/**
 * Tallies: what the published figures of a group of respondents rest on — counts per question
 * and code, and for number questions how many gave each value — without the answers themselves.
 *
 * Tallies add up: the tally of a région is the sum of its départements' tallies. So a server can
 * keep one tally per département and recompute only the one whose contributions changed,
 * instead of reading every answer of France again.
 */

export type ChoiceQuestion = Extract<Question, { kind: 'yesno' | 'single' | 'multiple' }>;
/** A question whose figures are published: every kind but free text. */
export type PublishedQuestion = Exclude<Question, { kind: 'text' }>;

/** One question's counts within a group. */
export type QuestionTally =
  /**
   * `n`: respondents shown the question who answered it; `codes`: how many chose each code;
   * `exclusive`: one code per respondent (yes/no, single choice), so counts add up to `n`.
   */
  | { kind: 'choice'; exclusive: boolean; n: number; codes: Map<string, number> }
  /** `values`: how many gave each number. */
  | { kind: 'number'; n: number; values: Map<number, number> };

/** The counts of a group of respondents, for one questionnaire definition. */
export interface Tally {
  /** Respondents in the group. */
  n: number;
  /** Per published question (free text is never tallied), in the definition's order. */
  questions: Map<string, QuestionTally>;
}

export function codesOf(question: ChoiceQuestion): readonly string[] {
  return question.kind === 'yesno' ? YES_NO_CODES : question.options.map((option) => option.code);
}

/** The questions whose figures are published, each id once (a repeated id keeps its first question). */
export function publishedQuestions(definition: QuestionnaireDefinition): PublishedQuestion[] {
  const seen = new Set<string>();
  const questions: PublishedQuestion[] = [];
  for (const section of definition.sections) {
    for (const question of section.questions) {
      // Free text may identify its author: it is never aggregated.
      if (question.kind === 'text' || seen.has(question.id)) continue;
      seen.add(question.id);
      questions.push(question);
    }
  }
  return questions;
}

/** A tally of nobody, with every published question present. */
export function emptyTally(definition: QuestionnaireDefinition): Tally {
  const questions = new Map<string, QuestionTally>();
  for (const question of publishedQuestions(definition)) {
    questions.set(
      question.id,
      question.kind === 'number'
        ? { kind: 'number', n: 0, values: new Map() }
        : {
            kind: 'choice',
            exclusive: question.kind !== 'multiple',
            n: 0,
            codes: new Map(codesOf(question).map((code) => [code, 0])),
          },
    );
  }
  return { n: 0, questions };
}

/**
 * The known codes an answer picks, each once; none when the answer is missing or has the
 * wrong shape (it then does not count as an answer: the figures trust definitions, not input).
 */
function chosenCodes(question: ChoiceQuestion, value: unknown, known: ReadonlyMap<string, number>): string[] {
  if (question.kind === 'multiple') {
    if (!Array.isArray(value)) return [];
    return [...new Set(value.filter((code): code is string => typeof code === 'string' && known.has(code)))];
  }
  return typeof value === 'string' && known.has(value) ? [value] : [];
}

/**
 * Adds respondents' answers to a tally (in place). A question counts a respondent when the
 * questionnaire's conditions showed it to them, on their own answers, and they answered it.
 */
export function addAnswers(definition: QuestionnaireDefinition, tally: Tally, answersList: Iterable<AnswerInput>): Tally {
  const questions = publishedQuestions(definition);
  for (const answers of answersList) {
    tally.n += 1;
    const visible = visibleQuestionIds(definition, answers);
    for (const question of questions) {
      if (!visible.has(question.id)) continue;
      const counts = tally.questions.get(question.id)!;
      const value = answerOf(answers, question.id);
      if (counts.kind === 'number') {
        if (typeof value !== 'number' || !Number.isFinite(value)) continue;
        counts.n += 1;
        counts.values.set(value, (counts.values.get(value) ?? 0) + 1);
      } else {
        const chosen = chosenCodes(question as ChoiceQuestion, value, counts.codes);
        if (chosen.length === 0) continue;
        counts.n += 1;
        for (const code of chosen) counts.codes.set(code, counts.codes.get(code)! + 1);
      }
    }
  }
  return tally;
}

/** The tally of respondents' answers. */
export function tallyAnswers(definition: QuestionnaireDefinition, answersList: Iterable<AnswerInput>): Tally {
  return addAnswers(definition, emptyTally(definition), answersList);
}

/** Adds one tally into another (in place); both must come from the same definition. */
export function addTally(into: Tally, from: Tally): Tally {
  into.n += from.n;
  for (const [id, source] of from.questions) {
    const target = into.questions.get(id);
    if (target === undefined || target.kind !== source.kind) {
      throw new Error(`Tallies of different definitions cannot be added (question ${id})`);
    }
    target.n += source.n;
    if (target.kind === 'choice') {
      for (const [code, count] of (source as { codes: Map<string, number> }).codes) {
        target.codes.set(code, (target.codes.get(code) ?? 0) + count);
      }
    } else {
      for (const [value, count] of (source as { values: Map<number, number> }).values) {
        target.values.set(value, (target.values.get(value) ?? 0) + count);
      }
    }
  }
  return into;
}
