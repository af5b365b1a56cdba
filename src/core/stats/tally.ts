import { answerOf, visibleQuestionIds, type AnswerInput, type CollectiviteProfile } from '../questionnaire/index.js';
import { YES_NO_CODES } from '../schema/codes.js';
import type { Question, QuestionnaireDefinition } from '../schema/questionnaire.js';

/**
 * Tallies: what the published figures of a group of respondents rest on — counts per question
 * and code (number answers counted in their bins, and by value for the median) — without the
 * answers themselves.
 *
 * Tallies add up: the tally of a région is the sum of its départements' tallies. So a server can
 * keep one tally per département and recompute only the one whose contributions changed,
 * instead of reading every answer of France again.
 */

export type ChoiceQuestion = Extract<Question, { kind: 'yesno' | 'single' | 'multiple' }>;
/** A number question with bins: it is published as a distribution over them. */
export type BinnedQuestion = Extract<Question, { kind: 'number' }> & { bins: NonNullable<Extract<Question, { kind: 'number' }>['bins']> };
/** A question whose figures are published: choices, and numbers in bins. Free text never is. */
export type PublishedQuestion = ChoiceQuestion | BinnedQuestion;

/**
 * One question's counts within a group: `n` respondents shown the question answered it, and
 * `codes` counts how many chose each code. For yes/no, single choice and number bins, codes
 * are `exclusive` (one per respondent) and add up to `n`; for multiple choice each code counts
 * those who ticked it. Number questions also keep how many gave each value, for their median.
 */
export interface QuestionTally {
  exclusive: boolean;
  n: number;
  codes: Map<string, number>;
  values?: Map<number, number>;
}

/** The counts of a group of respondents, for one questionnaire definition. */
export interface Tally {
  /** Respondents in the group. */
  n: number;
  /** Per published question, in the definition's order. */
  questions: Map<string, QuestionTally>;
}

/** The answer codes of a published question, in the order respondents see them. */
export function codesOf(question: PublishedQuestion): readonly string[] {
  if (question.kind === 'yesno') return YES_NO_CODES;
  if (question.kind === 'number') return question.bins.map((bin) => bin.code);
  return question.options.map((option) => option.code);
}

/** The bin a number falls in: the first whose `max` it does not exceed, else the last. */
export function binOf(question: BinnedQuestion, value: number): string {
  for (const bin of question.bins) if (bin.max === undefined || value <= bin.max) return bin.code;
  return question.bins[question.bins.length - 1]!.code;
}

function isPublished(question: Question): question is PublishedQuestion {
  // Free text may identify its author, and a number without bins would publish respondents' own values.
  return question.kind !== 'text' && (question.kind !== 'number' || question.bins !== undefined);
}

/** The questions whose figures are published, each id once (a repeated id keeps its first question). */
export function publishedQuestions(definition: QuestionnaireDefinition): PublishedQuestion[] {
  const seen = new Set<string>();
  const questions: PublishedQuestion[] = [];
  for (const section of definition.sections) {
    for (const question of section.questions) {
      if (!isPublished(question) || seen.has(question.id)) continue;
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
    questions.set(question.id, {
      exclusive: question.kind !== 'multiple',
      n: 0,
      codes: new Map(codesOf(question).map((code) => [code, 0])),
      ...(question.kind === 'number' ? { values: new Map<number, number>() } : {}),
    });
  }
  return { n: 0, questions };
}

/**
 * The known codes an answer picks, each once; none when the answer is missing or has the
 * wrong shape (it then does not count as an answer: the figures trust definitions, not input).
 */
function chosenCodes(question: PublishedQuestion, value: unknown, known: ReadonlyMap<string, number>): string[] {
  if (question.kind === 'number') {
    return typeof value === 'number' && Number.isFinite(value) ? [binOf(question, value)] : [];
  }
  if (question.kind === 'multiple') {
    if (!Array.isArray(value)) return [];
    return [...new Set(value.filter((code): code is string => typeof code === 'string' && known.has(code)))];
  }
  return typeof value === 'string' && known.has(value) ? [value] : [];
}

/**
 * Adds respondents' answers to a tally (in place). A question counts a respondent when the
 * questionnaire's conditions showed it to them, on their own answers and on `collectivite` (the
 * kind and band every respondent of the list shares), and they answered it.
 */
export function addAnswers(
  definition: QuestionnaireDefinition,
  tally: Tally,
  answersList: Iterable<AnswerInput>,
  collectivite?: CollectiviteProfile,
): Tally {
  const questions = publishedQuestions(definition);
  for (const answers of answersList) {
    tally.n += 1;
    const visible = visibleQuestionIds(definition, answers, collectivite);
    for (const question of questions) {
      if (!visible.has(question.id)) continue;
      const counts = tally.questions.get(question.id)!;
      const value = answerOf(answers, question.id);
      const chosen = chosenCodes(question, value, counts.codes);
      if (chosen.length === 0) continue;
      counts.n += 1;
      for (const code of chosen) counts.codes.set(code, counts.codes.get(code)! + 1);
      if (counts.values && typeof value === 'number') counts.values.set(value, (counts.values.get(value) ?? 0) + 1);
    }
  }
  return tally;
}

/** The tally of respondents' answers. */
export function tallyAnswers(
  definition: QuestionnaireDefinition,
  answersList: Iterable<AnswerInput>,
  collectivite?: CollectiviteProfile,
): Tally {
  return addAnswers(definition, emptyTally(definition), answersList, collectivite);
}

function addCounts<K>(into: Map<K, number>, from: ReadonlyMap<K, number>): void {
  for (const [key, count] of from) into.set(key, (into.get(key) ?? 0) + count);
}

/** Adds one tally into another (in place); both must come from the same definition. */
export function addTally(into: Tally, from: Tally): Tally {
  into.n += from.n;
  for (const [id, source] of from.questions) {
    const target = into.questions.get(id);
    if (target === undefined || target.exclusive !== source.exclusive || (target.values === undefined) !== (source.values === undefined)) {
      throw new Error(`Tallies of different definitions cannot be added (question ${id})`);
    }
    target.n += source.n;
    addCounts(target.codes, source.codes);
    if (target.values && source.values) addCounts(target.values, source.values);
  }
  return into;
}
