import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { ThemeId } from '../../../core/schema/questionnaire.js';
import { IDEMPOTENCY_TTL_MS, idempotencyKeyDigest, openResponse, sealResponse } from '../../security/idempotency.js';
import { tokenMatches } from '../../security/tokens.js';
import {
  columnsOf,
  CONTRIBUTION_COLUMNS,
  inputOf,
  PUBLICATION_COLUMNS,
  publicationRowOf,
  type ContributionColumns,
  type PublicationColumns,
} from '../columns.js';
import { checkPublication, publicationsKept } from '../publications.js';
import type {
  BulkRecord,
  ContributionStore,
  HistoryRecord,
  PendingDecision,
  PendingRecord,
  PublicationRecord,
  PublicationRow,
  PublicationSummary,
  StoredRecord,
  StoredResponse,
  SubmitOutcome,
  SubmitRequest,
  SubmitResult,
} from '../types.js';
import { migrate } from './migrations.js';

interface ContributionRow extends ContributionColumns {
  id: number;
  edit_token_hash: Buffer;
  created_at: string;
  updated_at: string;
}

interface HistoryRow extends ContributionColumns {
  created_at: string;
  updated_at: string;
  replaced_at: string;
  replaced_by: 'edit_token' | 'admin';
}

interface PendingRow extends ContributionColumns {
  id: string;
  received_at: string;
  status: 'pending' | 'accepted' | 'rejected';
  decided_at: string | null;
}

interface PublicationRowColumns extends PublicationColumns {
  updated_at: string;
}

interface PublicationSummaryRow {
  id: string;
  published_at: string;
  contributions: number;
}

interface PublicationRecordRow extends PublicationSummaryRow {
  figures: Buffer;
  ledger: Buffer;
}

interface IdempotencyRow {
  route: string;
  request_hash: string;
  sealed_response: Buffer;
}

/** Options of {@link SqliteContributionStore.open}. */
export interface SqliteStoreOptions {
  /** Path of the database file, or `:memory:`. */
  path: string;
}

/** How often (in submissions) expired idempotency records are swept. */
const SWEEP_EVERY = 500;

/** Most submissions committed together: enough to share a sync, few enough to answer promptly. */
const MAX_GROUP = 256;

/** A submission waiting for the next group commit. */
interface QueuedSubmission {
  request: SubmitRequest;
  respond: (outcome: SubmitOutcome) => StoredResponse;
  resolve: (result: SubmitResult) => void;
  reject: (error: unknown) => void;
}

const COLUMN_LIST = CONTRIBUTION_COLUMNS.join(', ');
const COLUMN_PARAMS = CONTRIBUTION_COLUMNS.map((column) => `@${column}`).join(', ');
const PUBLICATION_LIST = PUBLICATION_COLUMNS.join(', ');
/** Newest first: by date, then by id for publications of the same instant. */
const NEWEST_FIRST = 'ORDER BY published_at DESC, id DESC';

/**
 * The embedded store: one SQLite file in WAL mode with `synchronous=FULL`, so an acknowledged
 * write survives a power cut. better-sqlite3 is synchronous; each method runs one transaction
 * to completion before the event loop moves on, which also serialises concurrent submissions.
 */
export class SqliteContributionStore implements ContributionStore {
  readonly #db: Database.Database;
  /** Submissions written, to sweep idempotency records now and then. */
  #writes = 0;
  readonly #queue: QueuedSubmission[] = [];
  #flushScheduled = false;
  /** Whether a task holds the right to publish (see {@link withPublicationLock}). */
  #publishing = false;
  readonly #statements;

  private constructor(db: Database.Database) {
    this.#db = db;
    this.#statements = {
      status: db.prepare<[string, string], { updated_at: string }>(
        'SELECT updated_at FROM contributions WHERE siren = ? AND theme = ?',
      ),
      current: db.prepare<[string, string], ContributionRow>('SELECT * FROM contributions WHERE siren = ? AND theme = ?'),
      insertFirst: db.prepare(
        `INSERT INTO contributions (${COLUMN_LIST}, edit_token_hash, created_at, updated_at)
         VALUES (${COLUMN_PARAMS}, @edit_token_hash, @created_at, @updated_at)
         ON CONFLICT (siren, theme) DO NOTHING`,
      ),
      replace: db.prepare(
        `UPDATE contributions SET siret = @siret, version = @version, role = @role, answers = @answers,
           contact_email = @contact_email, name = @name, kind = @kind, band = @band, commune_code = @commune_code,
           epci_code = @epci_code, departement_code = @departement_code, region_code = @region_code,
           edit_token_hash = COALESCE(@edit_token_hash, edit_token_hash), updated_at = @updated_at
         WHERE id = @id`,
      ),
      toHistory: db.prepare(
        `INSERT INTO contribution_history (${COLUMN_LIST}, created_at, updated_at, replaced_at, replaced_by)
         SELECT ${COLUMN_LIST}, created_at, updated_at, @replaced_at, @replaced_by FROM contributions WHERE id = @id`,
      ),
      history: db.prepare<[string, string], HistoryRow>(
        'SELECT * FROM contribution_history WHERE siren = ? AND theme = ? ORDER BY id',
      ),
      insertPending: db.prepare(
        `INSERT INTO pending_submissions (id, ${COLUMN_LIST}, received_at) VALUES (@id, ${COLUMN_PARAMS}, @received_at)`,
      ),
      pendingById: db.prepare<[string], PendingRow>('SELECT * FROM pending_submissions WHERE id = ?'),
      pendingOpen: db.prepare<[], PendingRow>(
        "SELECT * FROM pending_submissions WHERE status = 'pending' ORDER BY received_at, rowid",
      ),
      pendingAll: db.prepare<[], PendingRow>('SELECT * FROM pending_submissions ORDER BY received_at, rowid'),
      decidePending: db.prepare('UPDATE pending_submissions SET status = ?, decided_at = ? WHERE id = ?'),
      adminAction: db.prepare('INSERT INTO admin_actions (action, pending_id, siren, theme, at) VALUES (?, ?, ?, ?, ?)'),
      idempotency: db.prepare<[Buffer], IdempotencyRow>(
        'SELECT route, request_hash, sealed_response FROM idempotency_keys WHERE key_hash = ?',
      ),
      insertIdempotency: db.prepare(
        'INSERT INTO idempotency_keys (key_hash, route, request_hash, status, sealed_response, created_at) VALUES (?, ?, ?, ?, ?, ?)',
      ),
      sweepIdempotency: db.prepare('DELETE FROM idempotency_keys WHERE created_at < ?'),
      list: db.prepare<[string], ContributionRow>('SELECT * FROM contributions WHERE theme = ? ORDER BY siret'),
      count: db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM contributions'),
      countTheme: db.prepare<[string], { n: number }>('SELECT COUNT(*) AS n FROM contributions WHERE theme = ?'),
      countByTheme: db.prepare<[], { theme: string; n: number }>(
        'SELECT theme, COUNT(*) AS n FROM contributions GROUP BY theme',
      ),
      publicationRows: db.prepare<[string], PublicationRowColumns>(
        `SELECT ${PUBLICATION_LIST} FROM contributions WHERE theme = ? ORDER BY siren`,
      ),
      // The current version first; among history rows of the same stamp, the latest replaced.
      contributionVersion: db.prepare<[string, string, string, string, string, string], PublicationRowColumns>(
        `SELECT ${PUBLICATION_LIST} FROM (
           SELECT ${PUBLICATION_LIST}, 0 AS source, id FROM contributions WHERE siren = ? AND theme = ? AND updated_at = ?
           UNION ALL
           SELECT ${PUBLICATION_LIST}, 1 AS source, id FROM contribution_history WHERE siren = ? AND theme = ? AND updated_at = ?
         ) ORDER BY source, id DESC LIMIT 1`,
      ),
      insertPublication: db.prepare<[string, string, number, Buffer, Buffer]>(
        'INSERT INTO publications (id, published_at, contributions, figures, ledger) VALUES (?, ?, ?, ?, ?)',
      ),
      latestPublication: db.prepare<[], PublicationSummaryRow>(
        `SELECT id, published_at, contributions FROM publications ${NEWEST_FIRST} LIMIT 1`,
      ),
      publication: db.prepare<[string], PublicationRecordRow>(
        'SELECT id, published_at, contributions, figures, ledger FROM publications WHERE id = ?',
      ),
      listPublications: db.prepare<[], PublicationSummaryRow>(
        `SELECT id, published_at, contributions FROM publications ${NEWEST_FIRST}`,
      ),
      prunePublications: db.prepare<[number]>(
        `DELETE FROM publications WHERE id NOT IN (SELECT id FROM publications ${NEWEST_FIRST} LIMIT ?)`,
      ),
    };
  }

  /** Opens (creating if needed) a database file and brings its schema up to date. */
  static open(options: SqliteStoreOptions): SqliteContributionStore {
    if (options.path !== ':memory:') mkdirSync(dirname(options.path), { recursive: true });
    const db = new Database(options.path);
    try {
      if (options.path !== ':memory:') db.pragma('journal_mode = WAL');
      // FULL: the WAL is synced at every commit, so an acknowledged write is on disk.
      db.pragma('synchronous = FULL');
      // Another process (a backup, a second server) may hold the lock briefly: wait rather than fail.
      db.pragma('busy_timeout = 5000');
      migrate(db);
      const store = new SqliteContributionStore(db);
      store.#sweep(new Date().toISOString());
      return store;
    } catch (error) {
      db.close();
      throw error;
    }
  }

  /** The connection's journal and sync settings, to check that acknowledged writes are durable. */
  durability(): { journalMode: string; synchronous: 'off' | 'normal' | 'full' | 'extra' } {
    const levels = ['off', 'normal', 'full', 'extra'] as const;
    return {
      journalMode: String(this.#db.pragma('journal_mode', { simple: true })),
      synchronous: levels[Number(this.#db.pragma('synchronous', { simple: true }))] ?? 'off',
    };
  }

  #sweep(now: string): void {
    const limit = new Date(Date.parse(now) - IDEMPOTENCY_TTL_MS).toISOString();
    this.#statements.sweepIdempotency.run(limit);
  }

  async status(siren: string, theme: ThemeId): Promise<{ exists: false } | { exists: true; updatedAt: string }> {
    const row = this.#statements.status.get(siren, theme);
    return row ? { exists: true, updatedAt: row.updated_at } : { exists: false };
  }

  /**
   * Submissions are committed in groups: those arriving while the event loop is busy are written
   * in one transaction, each inside its own savepoint, and answered once that transaction is on
   * disk. Every answer still follows a synced commit, but one sync serves many writes.
   */
  submit(request: SubmitRequest, respond: (outcome: SubmitOutcome) => StoredResponse): Promise<SubmitResult> {
    return new Promise((resolve, reject) => {
      this.#queue.push({ request, respond, resolve, reject });
      if (!this.#flushScheduled) {
        this.#flushScheduled = true;
        setImmediate(() => this.#flush());
      }
    });
  }

  #flush(): void {
    this.#flushScheduled = false;
    if (this.#queue.length === 0) return;
    const batch = this.#queue.splice(0, MAX_GROUP);
    if (this.#queue.length > 0) {
      this.#flushScheduled = true;
      setImmediate(() => this.#flush());
    }
    const settled: ({ ok: true; result: SubmitResult } | { ok: false; error: unknown })[] = [];
    try {
      // IMMEDIATE takes the write lock at once, so two processes cannot both read "absent".
      this.#db
        .transaction(() => {
          for (const { request, respond } of batch) {
            try {
              // A nested transaction is a savepoint: one failing submission leaves the others intact.
              settled.push({ ok: true, result: this.#submitOne(request, respond) });
            } catch (error) {
              settled.push({ ok: false, error });
            }
          }
        })
        .immediate();
    } catch (error) {
      for (const item of batch) item.reject(error);
      return;
    }
    batch.forEach((item, index) => {
      const outcome = settled[index]!;
      if (!outcome.ok) return item.reject(outcome.error);
      const { result } = outcome;
      if (result.kind === 'done') {
        this.#writes++;
        if (this.#writes % SWEEP_EVERY === 0) this.#sweep(item.request.now);
      }
      item.resolve(result);
    });
  }

  #submitOne(request: SubmitRequest, respond: (outcome: SubmitOutcome) => StoredResponse): SubmitResult {
    const statements = this.#statements;
    const { contribution, idempotency, now } = request;
    const keyHash = idempotencyKeyDigest(idempotency.key);
    return this.#db.transaction((): SubmitResult => {
      const seen = statements.idempotency.get(keyHash);
      if (seen) {
        if (seen.route !== idempotency.route || seen.request_hash !== idempotency.requestHash) return { kind: 'key_reused' };
        const response = openResponse(idempotency.key, seen.sealed_response);
        return response ? { kind: 'replay', response } : { kind: 'key_reused' };
      }
      const columns = columnsOf(contribution);
      let outcome: SubmitOutcome;
      // The unique (siren, theme) constraint decides who is first, not a prior read.
      const inserted = statements.insertFirst.run({
        ...columns,
        edit_token_hash: request.newTokenHash,
        created_at: now,
        updated_at: now,
      });
      if (inserted.changes === 1) {
        outcome = { kind: 'created', updatedAt: now };
      } else {
        const existing = statements.current.get(contribution.siren, contribution.theme);
        if (!existing) throw new Error('A contribution vanished inside a transaction');
        if (tokenMatches(request.presentedToken, existing.edit_token_hash)) {
          statements.toHistory.run({ id: existing.id, replaced_at: now, replaced_by: 'edit_token' });
          statements.replace.run({ ...columns, id: existing.id, edit_token_hash: null, updated_at: now });
          outcome = { kind: 'replaced', updatedAt: now };
        } else {
          const pendingId = randomUUID();
          statements.insertPending.run({ ...columns, id: pendingId, received_at: now });
          outcome = { kind: 'pending', pendingId, existingUpdatedAt: existing.updated_at };
        }
      }
      const response = respond(outcome);
      statements.insertIdempotency.run(
        keyHash,
        idempotency.route,
        idempotency.requestHash,
        response.status,
        sealResponse(idempotency.key, response),
        now,
      );
      return { kind: 'done', outcome, response };
    })();
  }

  async get(siren: string, theme: ThemeId): Promise<StoredRecord | undefined> {
    const row = this.#statements.current.get(siren, theme);
    return row ? storedOf(row) : undefined;
  }

  async history(siren: string, theme: ThemeId): Promise<HistoryRecord[]> {
    return this.#statements.history.all(siren, theme).map((row) => ({
      ...inputOf(row),
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      replacedAt: row.replaced_at,
      replacedBy: row.replaced_by,
    }));
  }

  async listPending(options: { all?: boolean } = {}): Promise<PendingRecord[]> {
    const rows = options.all ? this.#statements.pendingAll.all() : this.#statements.pendingOpen.all();
    return rows.map(pendingOf);
  }

  async acceptPending(id: string, newTokenHash: Buffer, now: string): Promise<PendingDecision> {
    const statements = this.#statements;
    const run = this.#db.transaction((): PendingDecision => {
      const pending = statements.pendingById.get(id);
      if (!pending) return { kind: 'not_found' };
      if (pending.status !== 'pending') return { kind: 'already_decided', status: pending.status };
      const columns: ContributionColumns = {
        siren: pending.siren,
        siret: pending.siret,
        theme: pending.theme,
        version: pending.version,
        role: pending.role,
        answers: pending.answers,
        contact_email: pending.contact_email,
        name: pending.name,
        kind: pending.kind,
        band: pending.band,
        commune_code: pending.commune_code,
        epci_code: pending.epci_code,
        departement_code: pending.departement_code,
        region_code: pending.region_code,
      };
      const existing = statements.current.get(pending.siren, pending.theme);
      if (existing) {
        statements.toHistory.run({ id: existing.id, replaced_at: now, replaced_by: 'admin' });
        statements.replace.run({ ...columns, id: existing.id, edit_token_hash: newTokenHash, updated_at: now });
      } else {
        statements.insertFirst.run({ ...columns, edit_token_hash: newTokenHash, created_at: now, updated_at: now });
      }
      statements.decidePending.run('accepted', now, id);
      statements.adminAction.run('accept', id, pending.siren, pending.theme, now);
      return { kind: 'accepted', updatedAt: now, siret: pending.siret, theme: pending.theme as ThemeId };
    });
    return run.immediate();
  }

  async rejectPending(id: string, now: string): Promise<PendingDecision> {
    const statements = this.#statements;
    const run = this.#db.transaction((): PendingDecision => {
      const pending = statements.pendingById.get(id);
      if (!pending) return { kind: 'not_found' };
      if (pending.status !== 'pending') return { kind: 'already_decided', status: pending.status };
      statements.decidePending.run('rejected', now, id);
      statements.adminAction.run('reject', id, pending.siren, pending.theme, now);
      return { kind: 'rejected' };
    });
    return run.immediate();
  }

  async listContributions(theme: ThemeId): Promise<StoredRecord[]> {
    return this.#statements.list.all(theme).map(storedOf);
  }

  async count(theme?: ThemeId): Promise<number> {
    return theme === undefined ? this.#statements.count.get()!.n : this.#statements.countTheme.get(theme)!.n;
  }

  async countByTheme(): Promise<Partial<Record<ThemeId, number>>> {
    const counts: Partial<Record<ThemeId, number>> = {};
    for (const row of this.#statements.countByTheme.all()) counts[row.theme as ThemeId] = row.n;
    return counts;
  }

  async bulkInsert(records: Iterable<BulkRecord>): Promise<number> {
    const insert = this.#statements.insertFirst;
    const run = this.#db.transaction(() => {
      let inserted = 0;
      for (const record of records) {
        inserted += insert.run({
          ...columnsOf(record),
          edit_token_hash: record.editTokenHash,
          created_at: record.createdAt,
          updated_at: record.updatedAt,
        }).changes;
      }
      return inserted;
    });
    return run.immediate();
  }

  /** One statement, so the rows are one consistent snapshot even while submissions go on. */
  async publicationRows(theme: ThemeId): Promise<PublicationRow[]> {
    return this.#statements.publicationRows.all(theme).map((row) => publicationRowOf(row, row.updated_at));
  }

  async contributionVersion(siren: string, theme: ThemeId, updatedAt: string): Promise<PublicationRow | undefined> {
    const row = this.#statements.contributionVersion.get(siren, theme, updatedAt, siren, theme, updatedAt);
    return row ? publicationRowOf(row, row.updated_at) : undefined;
  }

  /** Refuses a date not in the canonical ISO form (see {@link checkPublication}) and an id already used. */
  async savePublication(record: PublicationRecord): Promise<void> {
    checkPublication(record);
    this.#statements.insertPublication.run(record.id, record.publishedAt, record.contributions, record.figures, record.ledger);
  }

  async latestPublication(): Promise<PublicationSummary | undefined> {
    const row = this.#statements.latestPublication.get();
    return row ? summaryOf(row) : undefined;
  }

  async publication(id: string): Promise<PublicationRecord | undefined> {
    const row = this.#statements.publication.get(id);
    return row ? { ...summaryOf(row), figures: row.figures, ledger: row.ledger } : undefined;
  }

  async listPublications(): Promise<PublicationSummary[]> {
    return this.#statements.listPublications.all().map(summaryOf);
  }

  /** `keep` below 1 keeps one: the newest is what is being served. */
  async prunePublications(keep: number): Promise<number> {
    return this.#statements.prunePublications.run(publicationsKept(keep)).changes;
  }

  /**
   * A flag of this store, set and tested with no await in between. A SQLite file is served by one
   * process (see the server's README), so the process is the only one that can publish on it:
   * nothing needs arbitrating between processes, only between tasks started in this one (a timer
   * and an administrator's request, say). The flag is cleared however the task ends.
   */
  async withPublicationLock<T>(task: () => Promise<T>): Promise<{ ran: true; value: T } | { ran: false }> {
    if (this.#publishing) return { ran: false };
    this.#publishing = true;
    try {
      return { ran: true, value: await task() };
    } finally {
      this.#publishing = false;
    }
  }

  async close(): Promise<void> {
    // Submissions already accepted for the next group are written, not dropped.
    while (this.#queue.length > 0 && this.#db.open) this.#flush();
    if (this.#db.open) this.#db.close();
  }
}

function storedOf(row: ContributionRow): StoredRecord {
  return { ...inputOf(row), createdAt: row.created_at, updatedAt: row.updated_at };
}

function summaryOf(row: PublicationSummaryRow): PublicationSummary {
  return { id: row.id, publishedAt: row.published_at, contributions: row.contributions };
}

function pendingOf(row: PendingRow): PendingRecord {
  const record: PendingRecord = { ...inputOf(row), id: row.id, receivedAt: row.received_at, status: row.status };
  if (row.decided_at !== null) record.decidedAt = row.decided_at;
  return record;
}
