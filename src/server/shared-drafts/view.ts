import { SharedDraftAuthor, type SharedDraftEntry, type SharedDraftReplaced, type SharedDraftView } from '../../core/schema/shared-draft.js';
import { AnswerValue } from '../../core/schema/questionnaire.js';
import * as z from 'zod/mini';
import type { SharedDraftInfo, SharedDraftKey, SharedEntryRecord } from '../store/shared-drafts.js';
import type { DraftSealer } from './seal.js';

/** What is sealed for each answer: the value (null when cleared) and who set it. */
const SealedEntry = z.strictObject({ value: z.nullable(AnswerValue), by: SharedDraftAuthor });
export type SealedEntry = z.infer<typeof SealedEntry>;

/**
 * Where an answer sits, bound to its ciphertext: the collectivité, the theme, the draft's
 * creation (a later draft of the same collectivité cannot read an earlier one's answers) and the key.
 */
export function placeOf(key: SharedDraftKey, createdAt: string, answerKey: string): string[] {
  return [key.siren, key.theme, createdAt, answerKey];
}

/** The answers that open: one that does not (the deployment's key was changed) is left out, as if nobody had written it. */
function openEntries(sealer: DraftSealer, key: SharedDraftKey, draft: SharedDraftInfo, records: readonly SharedEntryRecord[]): SharedDraftEntry[] {
  const entries: SharedDraftEntry[] = [];
  for (const record of records) {
    const parsed = SealedEntry.safeParse(sealer.open(placeOf(key, draft.createdAt, record.key), record.sealed));
    if (!parsed.success) continue;
    entries.push({ key: record.key, value: parsed.data.value, version: record.version, by: parsed.data.by, at: record.updatedAt });
  }
  return entries;
}

/** The draft as the API gives it. */
export function viewOf(sealer: DraftSealer, key: SharedDraftKey, draft: SharedDraftInfo, records: readonly SharedEntryRecord[]): SharedDraftView {
  const entries = openEntries(sealer, key, draft, records);
  entries.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return { siret: draft.siret, theme: key.theme, version: draft.version, createdAt: draft.createdAt, expiresAt: draft.expiresAt, entries };
}

/** Whose answers a write replaced unseen, and when they had been given. */
export function replacedOf(sealer: DraftSealer, key: SharedDraftKey, draft: SharedDraftInfo, records: readonly SharedEntryRecord[]): SharedDraftReplaced[] {
  return openEntries(sealer, key, draft, records).map((entry) => ({ key: entry.key, by: entry.by, at: entry.at }));
}
