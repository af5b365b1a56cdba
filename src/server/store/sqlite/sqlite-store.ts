import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { ThemeId } from '../../../core/schema/questionnaire.js';
import { IDEMPOTENCY_TTL_MS } from '../../security/idempotency.js';
import { columnsOf, CONTRIBUTION_COLUMNS, PUBLICATION_COLUMNS } from '../columns.js';
import { bulkEdition } from '../edition-of-rows.js';
import { pendingPageStatement } from '../pending-query.js';
import { checkPublication, publicationsKept } from '../publications.js';
import {
  rowReader,
  type ContributionRow,
  type HistoryRow,
  type IdempotencyRow,
  type PendingRow,
  type PublicationRecordRow,
  type PublicationRowColumns,
  type PublicationSummaryRow,
} from '../rows.js';
import { runNow } from '../steps.js';
import { openContributionSequence, type ContributionAccess } from '../contribution-access.js';
import { acceptSequence, rejectSequence, submitSequence, type SubmissionTransaction } from '../submission.js';
import type {
  BulkRecord,
  ContributionStore,
  HistoryRecord,
  PendingDecision,
  PendingPage,
  PendingQuery,
  PendingRecord,
  PublicationRecord,
  PublicationRow,
  PublicationSummary,
  StoredRecord,
  StoredResponse,
  StoreProbe,
  SubmitOutcome,
  SubmitRequest,
  SubmitResult,
} from '../types.js';
import { migrate } from './migrations.js';
import { SqliteSharedDraftStore } from './shared-drafts.js';
import { integrityProblems, openSqliteDatabase, type IntegrityMode } from './open-database.js';
import { DatabaseStartupError, SchemaTooNewError } from '../startup-error.js';

/** SQLite keeps dates as the ISO text they were written in. */
const read = rowReader((date: string) => date);

/** Options of {@link SqliteContributionStore.open}. */
export interface SqliteStoreOptions {
  /** Path of the database file, or `:memory:`. */
  path: string;
  /**
   * Called with the connection once it is checked and migrated, before any request: to set
   * limits of its own, such as `PRAGMA max_page_count` (a cap on the file's size, which is how
   * the tests fill a "disk" without filling one).
   */
  onOpen?: (db: Database.Database) => void;
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
  readonly #path: string;
  /** Submissions written, to sweep idempotency records now and then. */
  #writes = 0;
  readonly #queue: QueuedSubmission[] = [];
  #flushScheduled = false;
  /** Whether a task holds the right to publish (see {@link withPublicationLock}). */
  #publishing = false;
  readonly #statements;

  /** Shared drafts, in the same file. */
  readonly sharedDrafts: SqliteSharedDraftStore;

  private constructor(db: Database.Database, path: string) {
    this.#db = db;
    this.#path = path;
    this.sharedDrafts = new SqliteSharedDraftStore(db);
    this.#statements = {
      status: db.prepare<[string, string, string], { updated_at: string }>(
        'SELECT updated_at FROM contributions WHERE siren = ? AND theme = ? AND edition = ?',
      ),
      current: db.prepare<[string, string, string], ContributionRow<string>>(
        'SELECT * FROM contributions WHERE siren = ? AND theme = ? AND edition = ?',
      ),
      insertFirst: db.prepare(
        `INSERT INTO contributions (${COLUMN_LIST}, edit_token_hash, created_at, updated_at)
         VALUES (${COLUMN_PARAMS}, @edit_token_hash, @created_at, @updated_at)
         ON CONFLICT (siren, theme, edition) DO NOTHING`,
      ),
      replace: db.prepare(
        `UPDATE contributions SET siret = @siret, version = @version, role = @role, answers = @answers,
           contact_email = @contact_email, name = @name, kind = @kind, band = @band, commune_code = @commune_code,
           epci_code = @epci_code, departement_code = @departement_code, region_code = @region_code,
           verified_by = @verified_by, edit_token_hash = COALESCE(@edit_token_hash, edit_token_hash),
           wrong_codes = 0, locked_until = NULL, updated_at = @updated_at
         WHERE id = @id`,
      ),
      recordWrongCode: db.prepare<[number, string | null, number]>(
        'UPDATE contributions SET wrong_codes = ?, locked_until = ? WHERE id = ?',
      ),
      toHistory: db.prepare(
        `INSERT INTO contribution_history (${COLUMN_LIST}, created_at, updated_at, replaced_at, replaced_by)
         SELECT ${COLUMN_LIST}, created_at, updated_at, @replaced_at, @replaced_by FROM contributions WHERE id = @id`,
      ),
      history: db.prepare<[string, string, string], HistoryRow<string>>(
        'SELECT * FROM contribution_history WHERE siren = ? AND theme = ? AND edition = ? ORDER BY id',
      ),
      insertPending: db.prepare(
        `INSERT INTO pending_submissions (id, ${COLUMN_LIST}, client_hash, received_at)
         VALUES (@id, ${COLUMN_PARAMS}, @client_hash, @received_at)`,
      ),
      pendingOfClient: db.prepare<[string, string, string, Buffer], { id: string }>(
        "SELECT id FROM pending_submissions WHERE siren = ? AND theme = ? AND edition = ? AND client_hash = ? AND status = 'pending'",
      ),
      dropPending: db.prepare<[string]>('DELETE FROM pending_submissions WHERE id = ?'),
      countPendingFor: db.prepare<[string, string, string], { n: number }>(
        "SELECT COUNT(*) AS n FROM pending_submissions WHERE siren = ? AND theme = ? AND edition = ? AND status = 'pending'",
      ),
      countPendingAll: db.prepare<[], { n: number }>("SELECT COUNT(*) AS n FROM pending_submissions WHERE status = 'pending'"),
      pendingById: db.prepare<[string], PendingRow<string>>('SELECT * FROM pending_submissions WHERE id = ?'),
      pendingOpen: db.prepare<[], PendingRow<string>>(
        "SELECT * FROM pending_submissions WHERE status = 'pending' ORDER BY received_at, rowid",
      ),
      pendingAll: db.prepare<[], PendingRow<string>>('SELECT * FROM pending_submissions ORDER BY received_at, rowid'),
      decidePending: db.prepare('UPDATE pending_submissions SET status = ?, decided_at = ? WHERE id = ?'),
      adminAction: db.prepare('INSERT INTO admin_actions (action, pending_id, siren, theme, at) VALUES (?, ?, ?, ?, ?)'),
      idempotency: db.prepare<[Buffer], IdempotencyRow>(
        'SELECT route, request_hash, sealed_response FROM idempotency_keys WHERE key_hash = ?',
      ),
      claimIdempotency: db.prepare<[Buffer, string, string, string]>(
        `INSERT INTO idempotency_keys (key_hash, route, request_hash, status, sealed_response, created_at)
         VALUES (?, ?, ?, 0, X'', ?) ON CONFLICT (key_hash) DO NOTHING`,
      ),
      answerIdempotency: db.prepare<[number, Buffer, Buffer]>(
        'UPDATE idempotency_keys SET status = ?, sealed_response = ? WHERE key_hash = ?',
      ),
      sweepIdempotency: db.prepare('DELETE FROM idempotency_keys WHERE created_at < ?'),
      releaseIdempotency: db.prepare<[Buffer]>('DELETE FROM idempotency_keys WHERE key_hash = ?'),
      claimAttestation: db.prepare<[string, string, string]>(
        'INSERT INTO attestation_ids (issuer, jti, expires_at) VALUES (?, ?, ?) ON CONFLICT (issuer, jti) DO NOTHING',
      ),
      releaseAttestation: db.prepare<[string, string]>('DELETE FROM attestation_ids WHERE issuer = ? AND jti = ?'),
      sweepAttestations: db.prepare<[string]>('DELETE FROM attestation_ids WHERE expires_at < ?'),
      list: db.prepare<[string], ContributionRow<string>>('SELECT * FROM contributions WHERE theme = ? ORDER BY siret, edition'),
      listOfEdition: db.prepare<[string, string], ContributionRow<string>>(
        'SELECT * FROM contributions WHERE theme = ? AND edition = ? ORDER BY siret',
      ),
      countOf: db.prepare<[{ theme: string | null; edition: string | null }], { n: number }>(
        'SELECT COUNT(*) AS n FROM contributions WHERE theme = COALESCE(@theme, theme) AND edition = COALESCE(@edition, edition)',
      ),
      countByTheme: db.prepare<[], { theme: string; n: number }>(
        'SELECT theme, COUNT(*) AS n FROM contributions GROUP BY theme',
      ),
      publicationRows: db.prepare<[string, string], PublicationRowColumns<string>>(
        `SELECT ${PUBLICATION_LIST} FROM contributions WHERE theme = ? AND edition = ? ORDER BY siren`,
      ),
      verifiedPublicationRows: db.prepare<[string, string], PublicationRowColumns<string>>(
        `SELECT ${PUBLICATION_LIST} FROM contributions WHERE theme = ? AND edition = ? AND verified_by IS NOT NULL ORDER BY siren`,
      ),
      // The current version first; among history rows of the same stamp, the latest replaced.
      contributionVersion: db.prepare<[string, string, string, string, string, string, string, string], PublicationRowColumns<string>>(
        `SELECT ${PUBLICATION_LIST} FROM (
           SELECT ${PUBLICATION_LIST}, 0 AS source, id FROM contributions
             WHERE siren = ? AND theme = ? AND edition = ? AND updated_at = ?
           UNION ALL
           SELECT ${PUBLICATION_LIST}, 1 AS source, id FROM contribution_history
             WHERE siren = ? AND theme = ? AND edition = ? AND updated_at = ?
         ) ORDER BY source, id DESC LIMIT 1`,
      ),
      insertPublication: db.prepare<[string, string, string, number, Buffer, Buffer]>(
        'INSERT INTO publications (id, published_at, edition, contributions, figures, ledger) VALUES (?, ?, ?, ?, ?, ?)',
      ),
      latestPublication: db.prepare<[], PublicationSummaryRow<string>>(
        `SELECT id, published_at, edition, contributions FROM publications ${NEWEST_FIRST} LIMIT 1`,
      ),
      latestPublicationOf: db.prepare<[string], PublicationSummaryRow<string>>(
        `SELECT id, published_at, edition, contributions FROM publications WHERE edition = ? ${NEWEST_FIRST} LIMIT 1`,
      ),
      publication: db.prepare<[string], PublicationRecordRow<string>>(
        'SELECT id, published_at, edition, contributions, figures, ledger FROM publications WHERE id = ?',
      ),
      listPublications: db.prepare<[], PublicationSummaryRow<string>>(
        `SELECT id, published_at, edition, contributions FROM publications ${NEWEST_FIRST}`,
      ),
      probeWrite: db.prepare('UPDATE schema_version SET description = description WHERE version = (SELECT MAX(version) FROM schema_version)'),
      prunePublications: db.prepare<[string, string, number]>(
        `DELETE FROM publications WHERE edition = ? AND id NOT IN
           (SELECT id FROM publications WHERE edition = ? ${NEWEST_FIRST} LIMIT ?)`,
      ),
    };
  }

  /**
   * Opens (creating if needed) a database file, checks it (see {@link openSqliteDatabase}) and
   * brings its schema up to date. A file the server must not run on throws a one-line
   * `DatabaseStartupError`.
   */
  static open(options: SqliteStoreOptions): SqliteContributionStore {
    return openSqliteDatabase(options.path, (db) => {
      try {
        migrate(db);
      } catch (error) {
        if (error instanceof SchemaTooNewError) throw new DatabaseStartupError(error.describe(options.path));
        throw error;
      }
      options.onOpen?.(db);
      const store = new SqliteContributionStore(db, options.path);
      // The first write: a read-only file that slipped past the checks is refused here, at start.
      store.#sweep(new Date().toISOString());
      return store;
    });
  }

  /** What SQLite's checker finds wrong in the file (nothing: an empty list). */
  async integrity(mode: IntegrityMode): Promise<string[]> {
    return integrityProblems(this.#db, mode);
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
    // An expired attestation is refused before its id is looked up: its record can go.
    this.#statements.sweepAttestations.run(now);
  }

  async status(siren: string, theme: ThemeId, edition: string): Promise<{ exists: false } | { exists: true; updatedAt: string }> {
    const row = this.#statements.status.get(siren, theme, edition);
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
              // Some errors (SQLITE_FULL, SQLITE_IOERR…) make SQLite roll back the whole
              // transaction, not just the savepoint: the group fails with that error, which names
              // the fault, and no submission of it is answered as written.
              if (!this.#db.inTransaction) throw error;
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
    return this.#db.transaction(() => runNow(submitSequence(this.#transaction, request, respond)))();
  }

  /** The statements of {@link submitSequence} and the decisions, run inside a transaction of the caller's. */
  get #transaction(): SubmissionTransaction<string> {
    const statements = this.#statements;
    return {
      iso: read.iso,
      claimKey: (keyHash, claim, now) =>
        statements.claimIdempotency.run(keyHash, claim.route, claim.requestHash, now).changes === 1,
      seenKey: (keyHash) => statements.idempotency.get(keyHash),
      answerKey: (keyHash, status, sealedResponse) => {
        statements.answerIdempotency.run(status, sealedResponse, keyHash);
      },
      releaseKey: (keyHash) => {
        statements.releaseIdempotency.run(keyHash);
      },
      claimAttestation: (use) => statements.claimAttestation.run(use.issuer, use.id, use.expiresAt).changes === 1,
      releaseAttestation: (use) => {
        statements.releaseAttestation.run(use.issuer, use.id);
      },
      insertFirst: (columns, editTokenHash, now) =>
        statements.insertFirst.run({ ...columns, edit_token_hash: editTokenHash, created_at: now, updated_at: now })
          .changes === 1,
      current: (siren, theme, edition) => statements.current.get(siren, theme, edition),
      replace: (existing, columns, editTokenHash, now, by) => {
        statements.toHistory.run({ id: existing.id, replaced_at: now, replaced_by: by });
        statements.replace.run({ ...columns, id: existing.id, edit_token_hash: editTokenHash, updated_at: now });
      },
      recordWrongCode: (existing, wrongCodes, lockedUntil) => {
        statements.recordWrongCode.run(wrongCodes, lockedUntil, existing.id);
      },
      // Transactions are serial on SQLite: nothing runs beside this one.
      lockPendingQueue: () => undefined,
      dropPendingOfClient: (siren, theme, edition, client) => {
        const ids = statements.pendingOfClient.all(siren, theme, edition, client).map((row) => row.id);
        for (const id of ids) statements.dropPending.run(id);
        return ids;
      },
      countPending: (target) =>
        target === undefined ? statements.countPendingAll.get()!.n : statements.countPendingFor.get(target.siren, target.theme, target.edition)!.n,
      insertPending: (id, columns, now, client) => {
        statements.insertPending.run({ ...columns, id, client_hash: client, received_at: now });
      },
      pending: (id) => statements.pendingById.get(id),
      decide: (pending, status, now) => {
        statements.decidePending.run(status, now, pending.id);
        statements.adminAction.run(status === 'accepted' ? 'accept' : 'reject', pending.id, pending.siren, pending.theme, now);
      },
    };
  }

  async openContribution(
    key: { siren: string; theme: ThemeId; edition: string },
    presentedCode: string | undefined,
    now: string,
  ): Promise<ContributionAccess<StoredRecord>> {
    const access = this.#db.transaction(() => runNow(openContributionSequence(this.#transaction, key, presentedCode, now))).immediate();
    return access.kind === 'open' ? { kind: 'open', record: read.stored(access.record) } : access;
  }

  async get(siren: string, theme: ThemeId, edition: string): Promise<StoredRecord | undefined> {
    const row = this.#statements.current.get(siren, theme, edition);
    return row ? read.stored(row) : undefined;
  }

  async history(siren: string, theme: ThemeId, edition: string): Promise<HistoryRecord[]> {
    return this.#statements.history.all(siren, theme, edition).map(read.history);
  }

  async listPending(options: { all?: boolean } = {}): Promise<PendingRecord[]> {
    const rows = options.all ? this.#statements.pendingAll.all() : this.#statements.pendingOpen.all();
    return rows.map(read.pending);
  }

  async pendingPage(query: PendingQuery): Promise<PendingPage> {
    const { sql, values } = pendingPageStatement(query, { parameter: () => '?', seq: 'rowid', date: (placeholder) => placeholder });
    const rows = this.#db.prepare<unknown[], PendingRow<string>>(sql).all(...values);
    const records = rows.slice(0, query.limit).map((row) => ({ ...read.pending(row), position: read.position(row) }));
    return { records, more: rows.length > query.limit };
  }

  async acceptPending(id: string, newEditCode: string, now: string): Promise<PendingDecision> {
    return this.#db.transaction(() => runNow(acceptSequence(this.#transaction, id, newEditCode, now))).immediate();
  }

  async rejectPending(id: string, now: string): Promise<PendingDecision> {
    return this.#db.transaction(() => runNow(rejectSequence(this.#transaction, id, now))).immediate();
  }

  async listContributions(theme: ThemeId, edition?: string): Promise<StoredRecord[]> {
    const rows = edition === undefined ? this.#statements.list.all(theme) : this.#statements.listOfEdition.all(theme, edition);
    return rows.map(read.stored);
  }

  async count(theme?: ThemeId, edition?: string): Promise<number> {
    // NULL matches every theme or edition: one statement serves the four questions.
    return this.#statements.countOf.get({ theme: theme ?? null, edition: edition ?? null })!.n;
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
          ...columnsOf({ ...record, edition: bulkEdition(record) }),
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
  async publicationRows(theme: ThemeId, options: { edition: string; countUnverified?: boolean }): Promise<PublicationRow[]> {
    const statement = options.countUnverified === false ? this.#statements.verifiedPublicationRows : this.#statements.publicationRows;
    return statement.all(theme, options.edition).map(read.publicationRow);
  }

  async contributionVersion(siren: string, theme: ThemeId, edition: string, updatedAt: string): Promise<PublicationRow | undefined> {
    const row = this.#statements.contributionVersion.get(siren, theme, edition, updatedAt, siren, theme, edition, updatedAt);
    return row ? read.publicationRow(row) : undefined;
  }

  /** Refuses a date not in the canonical ISO form (see {@link checkPublication}) and an id already used. */
  async savePublication(record: PublicationRecord): Promise<void> {
    checkPublication(record);
    this.#statements.insertPublication.run(record.id, record.publishedAt, record.edition, record.contributions, record.figures, record.ledger);
  }

  async latestPublication(edition?: string): Promise<PublicationSummary | undefined> {
    const row = edition === undefined ? this.#statements.latestPublication.get() : this.#statements.latestPublicationOf.get(edition);
    return row ? read.summary(row) : undefined;
  }

  async publication(id: string): Promise<PublicationRecord | undefined> {
    const row = this.#statements.publication.get(id);
    return row ? read.publication(row) : undefined;
  }

  async listPublications(): Promise<PublicationSummary[]> {
    return this.#statements.listPublications.all().map(read.summary);
  }

  /** `keep` below 1 keeps one: the newest is what is being served. */
  async prunePublications(keep: number, edition?: string): Promise<number> {
    const of = edition ?? (await this.latestPublication())?.edition;
    if (of === undefined) return 0;
    return this.#statements.prunePublications.run(of, of, publicationsKept(keep)).changes;
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

  /**
   * A real write, rolled back at once: a read-only file, mount or connection refuses it as it
   * would refuse a submission (SQLITE_READONLY), which is thrown.
   */
  async probe(): Promise<StoreProbe> {
    const db = this.#db;
    db.exec('SAVEPOINT readiness_probe');
    try {
      this.#statements.probeWrite.run();
    } finally {
      db.exec('ROLLBACK TO readiness_probe; RELEASE readiness_probe');
    }
    return { kind: 'sqlite', writable: true, ...(this.#path === ':memory:' ? {} : { dataDirectory: dirname(this.#path) }) };
  }

  async close(): Promise<void> {
    // Submissions already accepted for the next group are written, not dropped.
    while (this.#queue.length > 0 && this.#db.open) this.#flush();
    if (this.#db.open) this.#db.close();
  }
}
