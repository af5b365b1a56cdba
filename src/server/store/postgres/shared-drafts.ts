import type { PoolClient } from 'pg';
import { runLater } from '../steps.js';
import {
  closeSequence,
  createSequence,
  openSequence,
  writeSequence,
  type NewSharedDraft,
  type SharedChangeRecord,
  type SharedDraftKey,
  type SharedDraftRow,
  type SharedDraftStore,
  type SharedDraftTransaction,
  type SharedEntryRow,
} from '../shared-drafts.js';

/** Runs work in one transaction, run again when it lost a race (the store's own runner). */
export type TransactionRunner = <T>(work: (client: PoolClient) => Promise<T>) => Promise<T>;

/**
 * Shared drafts in PostgreSQL. Each operation is one transaction that first locks the draft's
 * row (`FOR UPDATE`): changes to one draft from several instances are applied one at a time, in
 * the order they take the lock, so that the last change per question wins and each write knows
 * which answers it replaced.
 */
export class PostgresSharedDraftStore implements SharedDraftStore {
  readonly #transaction: TransactionRunner;

  constructor(transaction: TransactionRunner) {
    this.#transaction = transaction;
  }

  create(draft: NewSharedDraft, now: string) {
    return this.#transaction((client) => runLater(createSequence(transactionOn(client), draft, now)));
  }

  open(key: SharedDraftKey, codeHash: Buffer, now: string) {
    return this.#transaction((client) => runLater(openSequence(transactionOn(client), key, codeHash, now)));
  }

  write(key: SharedDraftKey, codeHash: Buffer, changes: readonly SharedChangeRecord[], now: string) {
    return this.#transaction((client) => runLater(writeSequence(transactionOn(client), key, codeHash, changes, now)));
  }

  close(key: SharedDraftKey, reason: 'sent' | 'deleted', now: string, codeHash?: Buffer) {
    return this.#transaction((client) => runLater(closeSequence(transactionOn(client), key, reason, now, codeHash)));
  }

  async purge(now: string, forgetBefore: string): Promise<number> {
    return this.#transaction(async (client) => {
      const { rows } = await client.query<{ siren: string; theme: string }>(
        `UPDATE shared_drafts SET closed_at = $1, closed_reason = 'expired'
         WHERE closed_at IS NULL AND expires_at <= $1 RETURNING siren, theme`,
        [now],
      );
      if (rows.length > 0) {
        await client.query(
          'DELETE FROM shared_draft_answers a USING unnest($1::text[], $2::text[]) AS d(siren, theme) WHERE a.siren = d.siren AND a.theme = d.theme',
          [rows.map((row) => row.siren), rows.map((row) => row.theme)],
        );
      }
      await client.query('DELETE FROM shared_drafts WHERE closed_at IS NOT NULL AND closed_at < $1', [forgetBefore]);
      return rows.length;
    });
  }
}

function transactionOn(client: PoolClient): SharedDraftTransaction<Date> {
  const draftValues = (draft: NewSharedDraft) => [
    draft.siren,
    draft.theme,
    draft.siret,
    draft.version,
    draft.codeHash,
    draft.createdAt,
    draft.expiresAt,
  ];
  return {
    iso: (date) => date.toISOString(),
    draft: async (key) =>
      (await client.query<SharedDraftRow<Date>>('SELECT * FROM shared_drafts WHERE siren = $1 AND theme = $2 FOR UPDATE', [key.siren, key.theme]))
        .rows[0],
    insert: async (draft) =>
      (
        await client.query(
          `INSERT INTO shared_drafts (siren, theme, siret, version, code_hash, created_at, expires_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (siren, theme) DO NOTHING`,
          draftValues(draft),
        )
      ).rowCount === 1,
    reopen: async (draft) => {
      await client.query(
        `UPDATE shared_drafts SET siret = $3, version = $4, code_hash = $5, wrong_codes = 0, locked_until = NULL,
           created_at = $6, expires_at = $7, closed_at = NULL, closed_reason = NULL
         WHERE siren = $1 AND theme = $2`,
        draftValues(draft),
      );
    },
    recordWrongCode: async (key, count, lockedUntil) => {
      await client.query('UPDATE shared_drafts SET wrong_codes = $3, locked_until = $4 WHERE siren = $1 AND theme = $2', [
        key.siren,
        key.theme,
        count,
        lockedUntil,
      ]);
    },
    entries: async (key) =>
      (
        await client.query<SharedEntryRow<Date>>(
          'SELECT answer_key, version, sealed, updated_at FROM shared_draft_answers WHERE siren = $1 AND theme = $2 ORDER BY answer_key COLLATE "C"',
          [key.siren, key.theme],
        )
      ).rows,
    insertEntry: async (key, entry, now) =>
      (
        await client.query(
          `INSERT INTO shared_draft_answers (siren, theme, answer_key, version, sealed, updated_at) VALUES ($1, $2, $3, 1, $4, $5)
           ON CONFLICT (siren, theme, answer_key) DO NOTHING`,
          [key.siren, key.theme, entry.key, entry.sealed, now],
        )
      ).rowCount === 1,
    putEntry: async (key, change, now) => {
      await client.query(
        `INSERT INTO shared_draft_answers (siren, theme, answer_key, version, sealed, updated_at) VALUES ($1, $2, $3, 1, $4, $5)
         ON CONFLICT (siren, theme, answer_key)
         DO UPDATE SET version = shared_draft_answers.version + 1, sealed = excluded.sealed, updated_at = excluded.updated_at`,
        [key.siren, key.theme, change.key, change.sealed, now],
      );
    },
    close: async (key, reason, now) => {
      await client.query('UPDATE shared_drafts SET closed_at = $3, closed_reason = $4 WHERE siren = $1 AND theme = $2', [
        key.siren,
        key.theme,
        now,
        reason,
      ]);
      await client.query('DELETE FROM shared_draft_answers WHERE siren = $1 AND theme = $2', [key.siren, key.theme]);
    },
  };
}
