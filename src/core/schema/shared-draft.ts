import * as z from 'zod/mini';
import { AnswerValue } from './questionnaire.js';

/**
 * A shared draft: the answers of one collectivité to one theme, kept by the server while
 * several people of that collectivité fill them in together, until one of them sends the
 * contribution. Each answer (keyed as in `Answers`: a question id, or `<id>.autre`) carries
 * its own version and who changed it last and when. Every change is applied, whatever version it
 * was made against: the last change per question wins. Whoever replaced an answer they had not
 * seen is told whose it was (`replaced`), and the colleague whose answer was replaced sees the
 * new one, with its author, at their next read: nothing goes unseen.
 *
 * The only personal data is what a colleague types to be recognised: a first name and, if they
 * wish, a role ("Marie, secrétaire de mairie"). It is kept sealed with the answers and goes with
 * them when the draft is sent, deleted or expires.
 */

/** Longest first name or role accepted. */
export const AUTHOR_FIELD_MAX = 40;

/** Longest answer key accepted (question ids are far shorter). */
const ANSWER_KEY_MAX = 100;

/** Most answers one draft or one write holds: far above any questionnaire. */
export const SHARED_DRAFT_MAX_ANSWERS = 500;

const AuthorField = z.string().check(z.trim(), z.minLength(1), z.maxLength(AUTHOR_FIELD_MAX));

/** Who made a change, as they typed it. */
export const SharedDraftAuthor = z.strictObject({
  name: AuthorField,
  role: z.optional(AuthorField),
});
export type SharedDraftAuthor = z.infer<typeof SharedDraftAuthor>;

const AnswerKey = z.string().check(z.regex(/^[a-z0-9_]+(?:\.autre)?$/), z.maxLength(ANSWER_KEY_MAX));

/** One answer of a shared draft. `value: null` is an answer a colleague cleared. */
export const SharedDraftEntry = z.strictObject({
  key: AnswerKey,
  value: z.nullable(AnswerValue),
  /** 1 for the first write of this answer, one more at each change. */
  version: z.number().check(z.int(), z.minimum(1)),
  by: SharedDraftAuthor,
  /** ISO instant of the change. */
  at: z.string(),
});
export type SharedDraftEntry = z.infer<typeof SharedDraftEntry>;

/** A shared draft as the API gives it to whoever holds its code. */
export const SharedDraftView = z.strictObject({
  siret: z.string(),
  theme: z.string(),
  /** The questionnaire version its answers follow. */
  version: z.string(),
  createdAt: z.string(),
  expiresAt: z.string(),
  entries: z.array(SharedDraftEntry),
});
export type SharedDraftView = z.infer<typeof SharedDraftView>;

/** `POST /brouillons/:siret/:theme`: turns a local draft into a shared one. */
export const SharedDraftCreation = z.strictObject({
  version: z.string().check(z.minLength(1), z.maxLength(20)),
  author: SharedDraftAuthor,
  answers: z.record(AnswerKey, AnswerValue),
});
export type SharedDraftCreation = z.infer<typeof SharedDraftCreation>;

/** What creating a shared draft answers: its short code (shown once to its creator) and the draft. */
export const SharedDraftCreated = z.strictObject({
  code: z.string(),
  draft: SharedDraftView,
});
export type SharedDraftCreated = z.infer<typeof SharedDraftCreated>;

/**
 * One change: the answer now (`null` clears it) and the version it was made against (0: none
 * yet). The version does not decide whether it applies (it always does), only whether it
 * replaced an answer its writer had not seen.
 */
export const SharedDraftChange = z.strictObject({
  key: AnswerKey,
  value: z.nullable(AnswerValue),
  base: z.number().check(z.int(), z.minimum(0)),
});
export type SharedDraftChange = z.infer<typeof SharedDraftChange>;

/** `PATCH /brouillons/:siret/:theme`: changes to some answers. */
export const SharedDraftWrite = z.strictObject({
  author: SharedDraftAuthor,
  changes: z.array(SharedDraftChange).check(z.minLength(1), z.maxLength(SHARED_DRAFT_MAX_ANSWERS)),
});
export type SharedDraftWrite = z.infer<typeof SharedDraftWrite>;

/**
 * An answer a write replaced without its writer having seen it: the change was made against an
 * older version than the draft's. `by` and `at` are the replaced answer's author and time, so
 * that the writer can be told whose answer theirs took the place of.
 */
export const SharedDraftReplaced = z.strictObject({
  key: AnswerKey,
  by: SharedDraftAuthor,
  at: z.string(),
});
export type SharedDraftReplaced = z.infer<typeof SharedDraftReplaced>;

/**
 * What a write answers: the draft as it is now, every change applied, and the answers of
 * colleagues that some of these changes replaced unseen (`replaced`, empty when each change was
 * made against the current version).
 */
export const SharedDraftWritten = z.strictObject({
  draft: SharedDraftView,
  replaced: z.array(SharedDraftReplaced),
});
export type SharedDraftWritten = z.infer<typeof SharedDraftWritten>;

/** A share code as shown: two groups of four characters of Crockford's base 32, e.g. `7KQ4-M2XD`. */
export const SHARE_CODE_PATTERN = /^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/;
