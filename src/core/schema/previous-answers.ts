import * as z from 'zod/mini';
import { EditionId } from './edition.js';
import { VERSION } from './patterns.js';
import { Answers } from './questionnaire.js';

/**
 * What `GET /contributions/:siret/:theme/precedente` gives a respondent who proved who they are
 * (the previous contribution's edit code, or an attestation): their collectivité's answers to
 * the previous edition that the current questionnaire asks unchanged, and which of its questions
 * are new or asked another way since — those are marked in the form, and left unanswered.
 */

/** How a question of the current questionnaire differs from the previous edition's. */
export const QUESTION_CHANGES = ['new', 'changed'] as const;
export const QuestionChange = z.enum(QUESTION_CHANGES);
export type QuestionChange = z.infer<typeof QuestionChange>;

export const PreviousAnswers = z.strictObject({
  /** The edition the answers were given to. */
  edition: EditionId,
  /** The edition the questionnaire is now about. */
  current: EditionId,
  /** The questionnaire version the answers followed. */
  version: z.string().check(z.regex(VERSION)),
  /** The answers carried over: only to questions the current questionnaire asks unchanged. */
  answers: Answers,
  /** The questions that are not unchanged, by id; an unchanged question is absent. */
  changes: z.record(z.string(), QuestionChange),
});
export type PreviousAnswers = z.infer<typeof PreviousAnswers>;
