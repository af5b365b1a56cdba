import type Database from 'better-sqlite3';
import { runNow } from '../steps.js';
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

/** Shared drafts in the SQLite file; each operation is one IMMEDIATE transaction, so they run one at a time. */
export class SqliteSharedDraftStore implements SharedDraftStore {
  readonly #db: Database.Database;
  readonly #tx: SharedDraftTransaction<string>;
  readonly #expire;
  readonly #forget;

  constructor(db: Database.Database) {
    this.#db = db;
    const draft = db.prepare<[string, string], SharedDraftRow<string>>('SELECT * FROM shared_drafts WHERE siren = ? AND theme = ?');
    const insert = db.prepare(
      `INSERT INTO shared_drafts (siren, theme, siret, version, code_hash, created_at, expires_at)
       VALUES (@siren, @theme, @siret, @version, @codeHash, @createdAt, @expiresAt) ON CONFLICT (siren, theme) DO NOTHING`,
    );
    const reopen = db.prepare(
      `UPDATE shared_drafts SET siret = @siret, version = @version, code_hash = @codeHash, wrong_codes = 0, locked_until = NULL,
         created_at = @createdAt, expires_at = @expiresAt, closed_at = NULL, closed_reason = NULL
       WHERE siren = @siren AND theme = @theme`,
    );
    const wrongCode = db.prepare<[number, string | null, string, string]>(
      'UPDATE shared_drafts SET wrong_codes = ?, locked_until = ? WHERE siren = ? AND theme = ?',
    );
    const entries = db.prepare<[string, string], SharedEntryRow<string>>(
      'SELECT answer_key, version, sealed, updated_at FROM shared_draft_answers WHERE siren = ? AND theme = ? ORDER BY answer_key',
    );
    const insertEntry = db.prepare<[string, string, string, Buffer, string]>(
      `INSERT INTO shared_draft_answers (siren, theme, answer_key, version, sealed, updated_at) VALUES (?, ?, ?, 1, ?, ?)
       ON CONFLICT (siren, theme, answer_key) DO NOTHING`,
    );
    const putEntry = db.prepare<[string, string, string, Buffer, string]>(
      `INSERT INTO shared_draft_answers (siren, theme, answer_key, version, sealed, updated_at) VALUES (?, ?, ?, 1, ?, ?)
       ON CONFLICT (siren, theme, answer_key) DO UPDATE SET version = version + 1, sealed = excluded.sealed, updated_at = excluded.updated_at`,
    );
    const close = db.prepare<[string, string, string, string]>(
      'UPDATE shared_drafts SET closed_at = ?, closed_reason = ? WHERE siren = ? AND theme = ?',
    );
    const dropEntries = db.prepare<[string, string]>('DELETE FROM shared_draft_answers WHERE siren = ? AND theme = ?');
    this.#expire = db.prepare<[string], { siren: string; theme: string }>(
      'SELECT siren, theme FROM shared_drafts WHERE closed_at IS NULL AND expires_at <= ?',
    );
    this.#forget = db.prepare<[string]>('DELETE FROM shared_drafts WHERE closed_at IS NOT NULL AND closed_at < ?');
    const row = (draft: NewSharedDraft) => ({
      siren: draft.siren,
      theme: draft.theme,
      siret: draft.siret,
      version: draft.version,
      codeHash: draft.codeHash,
      createdAt: draft.createdAt,
      expiresAt: draft.expiresAt,
    });
    this.#tx = {
      iso: (date) => date,
      draft: (key) => draft.get(key.siren, key.theme),
      insert: (value) => insert.run(row(value)).changes === 1,
      reopen: (value) => {
        reopen.run(row(value));
      },
      recordWrongCode: (key, count, lockedUntil) => {
        wrongCode.run(count, lockedUntil, key.siren, key.theme);
      },
      entries: (key) => entries.all(key.siren, key.theme),
      insertEntry: (key, entry, now) => insertEntry.run(key.siren, key.theme, entry.key, entry.sealed, now).changes === 1,
      putEntry: (key, change, now) => {
        putEntry.run(key.siren, key.theme, change.key, change.sealed, now);
      },
      close: (key, reason, now) => {
        close.run(now, reason, key.siren, key.theme);
        dropEntries.run(key.siren, key.theme);
      },
    };
  }

  async create(draft: NewSharedDraft, now: string) {
    return this.#db.transaction(() => runNow(createSequence(this.#tx, draft, now))).immediate();
  }

  async open(key: SharedDraftKey, codeHash: Buffer, now: string) {
    return this.#db.transaction(() => runNow(openSequence(this.#tx, key, codeHash, now))).immediate();
  }

  async write(key: SharedDraftKey, codeHash: Buffer, changes: readonly SharedChangeRecord[], now: string) {
    return this.#db.transaction(() => runNow(writeSequence(this.#tx, key, codeHash, changes, now))).immediate();
  }

  async close(key: SharedDraftKey, reason: 'sent' | 'deleted', now: string, codeHash?: Buffer) {
    return this.#db.transaction(() => runNow(closeSequence(this.#tx, key, reason, now, codeHash))).immediate();
  }

  async purge(now: string, forgetBefore: string): Promise<number> {
    return this.#db
      .transaction(() => {
        const due = this.#expire.all(now);
        for (const key of due) this.#tx.close({ siren: key.siren, theme: key.theme as SharedDraftKey['theme'] }, 'expired', now);
        this.#forget.run(forgetBefore);
        return due.length;
      })
      .immediate();
  }
}
