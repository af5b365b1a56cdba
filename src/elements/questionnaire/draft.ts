import { createDraftStore, type DraftRef, type DraftStore } from '../../core/api/drafts.js';
import { browserStorage, readJson, removeEntry, writeJson } from '../../core/api/storage.js';
import type { Role } from '../../core/schema/contribution.js';
import type { Answers } from '../../core/schema/questionnaire.js';
import { isAnswerValue } from '../../core/questionnaire/answers.js';
import type { SubmitResult } from '../../core/api/client.js';
import type { SubmissionStatus } from './events.js';
import { receiptKey } from './kept.js';

/** What a draft keeps: everything the respondent typed, and where they were. */
export interface QuestionnaireDraft {
  /** The SIRET as typed (grouped or not, possibly incomplete). */
  siret: string;
  role?: Role;
  /**
   * The edit code, when one was typed and the page lets the device keep it (`keep-edit-code`):
   * whoever uses the device next could read it. Dropped with the draft once the contribution is
   * delivered.
   */
  editCode?: string;
  answers: Answers;
  /** The step to come back to. */
  step: string;
}

function parseDraft(data: unknown): QuestionnaireDraft | undefined {
  if (data === null || typeof data !== 'object') return undefined;
  const raw = data as Record<string, unknown>;
  if (raw.answers === null || typeof raw.answers !== 'object' || Array.isArray(raw.answers)) return undefined;
  // Values that cannot be answers are dropped one by one: the rest of the draft is still worth having.
  const answers: Answers = {};
  for (const [key, value] of Object.entries(raw.answers as Record<string, unknown>)) {
    if (isAnswerValue(value)) answers[key] = value;
  }
  const draft: QuestionnaireDraft = {
    siret: typeof raw.siret === 'string' ? raw.siret : '',
    answers,
    step: typeof raw.step === 'string' ? raw.step : '',
  };
  if (raw.role === 'agent' || raw.role === 'elu') draft.role = raw.role;
  if (typeof raw.editCode === 'string' && raw.editCode !== '') draft.editCode = raw.editCode;
  return draft;
}

let store: DraftStore<QuestionnaireDraft> | undefined;

/** The page's draft store, over `localStorage` when the browser allows it. */
export function draftStore(): DraftStore<QuestionnaireDraft> {
  store ??= createDraftStore({ storage: browserStorage(), parse: parseDraft });
  return store;
}

/** Forgets the drafts of a delivered contribution: its SIRET's, and the one from before the SIRET was known. */
export function clearDrafts(ref: DraftRef): void {
  draftStore().clear(ref);
  draftStore().clear({ theme: ref.theme, version: ref.version });
}

/**
 * What the respondent must see after a delivery, kept until they start a new answer: the
 * delivery may happen while no questionnaire is on screen (from the outbox, on another page).
 * Its edit code is kept in storage only when the page asks for it (`keep-edit-code`); otherwise
 * only in this page's memory, so that a questionnaire shown later on the page can still show it.
 */
export interface Receipt {
  theme: string;
  siret: string;
  status: SubmissionStatus;
  /** ISO 8601. */
  updatedAt: string;
  editToken?: string;
  pendingId?: string;
  /** The portal whose attestation made the contribution verified. */
  verifiedBy?: string;
  /** A verified contribution took the place of an unverified one, sent to review. */
  replacedUnverified?: boolean;
}

/** Edit codes delivered on this page and not kept in storage, by theme, for as long as the page lives. */
const codesInMemory = new Map<string, { updatedAt: string; code: string }>();

/** What the respondent must see of a delivery: for `pending`, the time it was received stands for `updatedAt`. */
export function receiptOf(
  payload: { theme: string; siret: string },
  result: SubmitResult,
  deliveredAt: string,
): Receipt {
  const receipt: Receipt = {
    theme: payload.theme,
    siret: payload.siret,
    status: result.status,
    updatedAt: result.status === 'pending' ? deliveredAt : result.updatedAt,
  };
  if (result.status === 'created') {
    receipt.editToken = result.editToken;
    if (result.verifiedBy !== undefined) receipt.verifiedBy = result.verifiedBy;
    if (result.replacedUnverified) receipt.replacedUnverified = true;
  }
  if (result.status === 'pending' && result.pendingId !== undefined) receipt.pendingId = result.pendingId;
  return receipt;
}

/** Keeps the last receipt of a theme; its edit code only in memory unless `keepCode`. */
export function saveReceipt(receipt: Receipt, keepCode = false): void {
  const { editToken, ...rest } = receipt;
  codesInMemory.delete(receipt.theme);
  if (editToken !== undefined && !keepCode) codesInMemory.set(receipt.theme, { updatedAt: receipt.updatedAt, code: editToken });
  writeJson(browserStorage(), receiptKey(receipt.theme), keepCode ? receipt : rest);
}

/** The last receipt of a theme, if any and readable; its code, when only this page's memory had it, is given once. */
export function loadReceipt(theme: string): Receipt | undefined {
  const raw = readJson(browserStorage(), receiptKey(theme)) as Partial<Receipt> | undefined;
  if (raw === null || typeof raw !== 'object') return undefined;
  if (raw.theme !== theme || typeof raw.siret !== 'string' || typeof raw.updatedAt !== 'string') return undefined;
  if (raw.status !== 'created' && raw.status !== 'updated' && raw.status !== 'pending') return undefined;
  const receipt: Receipt = { theme, siret: raw.siret, status: raw.status, updatedAt: raw.updatedAt };
  const inMemory = codesInMemory.get(theme);
  // A code kept in memory is shown once: whoever reads it here is the one questionnaire to show it.
  codesInMemory.delete(theme);
  if (typeof raw.editToken === 'string') receipt.editToken = raw.editToken;
  else if (inMemory?.updatedAt === raw.updatedAt) receipt.editToken = inMemory.code;
  if (typeof raw.pendingId === 'string') receipt.pendingId = raw.pendingId;
  if (typeof raw.verifiedBy === 'string') receipt.verifiedBy = raw.verifiedBy;
  if (raw.replacedUnverified === true) receipt.replacedUnverified = true;
  return receipt;
}

/** Forgets the receipt of a theme (the respondent starts a new answer). */
export function clearReceipt(theme: string): void {
  codesInMemory.delete(theme);
  removeEntry(browserStorage(), receiptKey(theme));
}
