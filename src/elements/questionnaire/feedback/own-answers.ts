import { browserStorage, readJson, removeEntry, writeJson } from '../../../core/api/storage.js';
import { isAnswerValue } from '../../../core/questionnaire/answers.js';
import type { Answers, Question, QuestionnaireDefinition } from '../../../core/schema/questionnaire.js';

/** The kinds of question whose figures are shares per answer code: the ones a respondent can be placed among. */
type ChoiceQuestion = Extract<Question, { kind: 'yesno' | 'single' | 'multiple' }>;

/**
 * The key questions of a theme that the confirmation compares, in definition order. Number and
 * text questions are left out even when marked: a share per answer code is what the published
 * figures carry, and a free text is never published.
 */
export function headlineQuestions(definition: QuestionnaireDefinition): ChoiceQuestion[] {
  return definition.sections
    .flatMap((section) => section.questions)
    .filter((question): question is ChoiceQuestion => question.headline === true && question.kind !== 'number' && question.kind !== 'text');
}

/** The respondent's own answers to the key questions, and the collectivité they were given for. */
export interface OwnAnswers {
  siret: string;
  /** Answer codes by question id; "other, specify" texts are never kept. */
  answers: Answers;
}

const ownAnswersKey = (theme: string) => `barometre:feedback:${encodeURIComponent(theme)}`;

/**
 * Keeps the answers just sent to the key questions. They stay on this device beside the kept
 * confirmation (which already holds the edit code), so a confirmation shown again after a
 * reload, or delivered later from the outbox, can still say "your answer"; the server only
 * publishes aggregates and is never asked for a single collectivité's answers.
 */
export function keepOwnAnswers(definition: QuestionnaireDefinition, siret: string, answers: Answers): OwnAnswers {
  const kept: Answers = {};
  for (const question of headlineQuestions(definition)) {
    const value = answers[question.id];
    if (value !== undefined) kept[question.id] = value;
  }
  const own = { siret, answers: kept };
  // A storage that refuses the write only costs the "your answer" column after a reload.
  writeJson(browserStorage(), ownAnswersKey(definition.theme), own);
  return own;
}

/** The kept answers of a theme, when they were given for this SIRET and are readable. */
export function loadOwnAnswers(theme: string, siret: string): OwnAnswers | undefined {
  const raw = readJson(browserStorage(), ownAnswersKey(theme)) as Partial<OwnAnswers> | undefined;
  if (raw === null || typeof raw !== 'object' || raw.siret !== siret) return undefined;
  if (raw.answers === null || typeof raw.answers !== 'object' || Array.isArray(raw.answers)) return undefined;
  const answers: Answers = {};
  for (const [id, value] of Object.entries(raw.answers as Record<string, unknown>)) {
    if (isAnswerValue(value)) answers[id] = value;
  }
  return { siret, answers };
}

/** Forgets the kept answers of a theme: the respondent starts a new answer, or the server set it aside. */
export function forgetOwnAnswers(theme: string): void {
  removeEntry(browserStorage(), ownAnswersKey(theme));
}

/** The codes a respondent chose for a question, whatever its kind. */
export function ownCodes(own: OwnAnswers | undefined, questionId: string): readonly string[] {
  const value = own?.answers[questionId];
  if (Array.isArray(value)) return value;
  return typeof value === 'string' ? [value] : [];
}
