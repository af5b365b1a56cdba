import { DatabaseError, Pool, type PoolClient } from 'pg';
import type { ThemeId } from '../../../core/schema/questionnaire.js';
import { IDEMPOTENCY_TTL_MS } from '../../security/idempotency.js';
import { columnsOf, CONTRIBUTION_COLUMNS, PUBLICATION_COLUMNS, type ContributionColumns } from '../columns.js';
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
import { runLater } from '../steps.js';
import { openContributionSequence, type ContributionAccess } from '../contribution-access.js';
import {
  acceptSequence,
  rejectSequence,
  RetryTransaction,
  submitSequence,
  type SubmissionTransaction,
} from '../submission.js';
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
import { holdConnection } from './held-connection.js';
import { migrate } from './migrations.js';
import { PostgresSharedDraftStore } from './shared-drafts.js';

/** PostgreSQL gives its `timestamptz` columns as `Date`s. */
const read = rowReader((date: Date) => date.toISOString());

/** Options of {@link PostgresContributionStore.open}. */
export interface PostgresStoreOptions {
  /** `postgres://user:password@host:port/database?sslmode=…`, as libpq and `pg` read it. */
  url: string;
  /** Connections this instance keeps at most; each transaction holds one until it commits. */
  poolSize?: number;
  /**
   * Told when an idle connection fails (the database restarted, a network cut). The pool
   * replaces such connections by itself; without a listener the failure would crash the process.
   */
  onIdleError?: (error: Error) => void;
}

/** Default of {@link PostgresStoreOptions.poolSize}. */
export const DEFAULT_POOL_SIZE = 10;

/** How often (in submissions, per instance) expired idempotency records are swept. */
const SWEEP_EVERY = 500;

/** Transactions that lost a race (deadlock, serialisation, unique key) are run again, this many times at most. */
const MAX_ATTEMPTS = 5;

/**
 * SQLSTATEs of a transaction that lost a race and may simply be run again: serialization_failure,
 * deadlock_detected, unique_violation. Nothing was committed when they are raised.
 */
const RETRYABLE = new Set(['40001', '40P01', '23505']);

/** Rows a bulk insert sends per statement: large enough to be quick, small enough to bound memory. */
const BULK_BATCH = 2000;

/** Held by bulk inserts (seeding), so that instances seeding an empty database together take turns. */
const BULK_LOCK: readonly [number, number] = [0x6261726f, 0x62756c6b];

/**
 * Held by a transaction adding to the review queue until it ends ("baro" "pend"), so that
 * instances adding at once cannot pass the queue's limits together.
 */
const PENDING_LOCK: readonly [number, number] = [0x6261726f, 0x70656e64];

/**
 * The session-level advisory lock whoever publishes holds (see
 * {@link PostgresContributionStore.withPublicationLock}). Any fixed 64-bit number would do; this
 * one spells "baropubl" in ASCII, like the other locks' "baro…". PostgreSQL keeps one-key
 * (bigint) and two-key (integer, integer) advisory locks apart, so it cannot meet those either.
 * Sent as text: it is beyond what a JavaScript number holds exactly.
 */
export const PUBLICATION_LOCK = 0x6261726f7075626cn;

const COLUMNS = CONTRIBUTION_COLUMNS;
const COLUMN_LIST = COLUMNS.join(', ');
/** A replacement keeps the collectivité, theme and edition: they are the contribution's identity. */
const REPLACED_COLUMNS = COLUMNS.filter((column) => column !== 'siren' && column !== 'theme' && column !== 'edition');

/** `$from, $from+1, …`: numbered placeholders for a list of parameters (never values). */
function placeholders(from: number, count: number): string {
  return Array.from({ length: count }, (_, index) => `$${from + index}`).join(', ');
}

const INSERT_CONTRIBUTION = `INSERT INTO contributions (${COLUMN_LIST}, edit_token_hash, created_at, updated_at)
  VALUES (${placeholders(1, COLUMNS.length)}, $${COLUMNS.length + 1}, $${COLUMNS.length + 2}, $${COLUMNS.length + 2})
  ON CONFLICT (siren, theme, edition) DO NOTHING`;

/** $1 is the row id; the replaced columns follow, then the token digest (NULL keeps it) and the date. */
const REPLACE_CONTRIBUTION = `UPDATE contributions
  SET (${REPLACED_COLUMNS.join(', ')}) = (${placeholders(2, REPLACED_COLUMNS.length)}),
    edit_token_hash = COALESCE($${REPLACED_COLUMNS.length + 2}::bytea, edit_token_hash),
    wrong_codes = 0, locked_until = NULL,
    updated_at = $${REPLACED_COLUMNS.length + 3}
  WHERE id = $1`;

const TO_HISTORY = `INSERT INTO contribution_history (${COLUMN_LIST}, created_at, updated_at, replaced_at, replaced_by)
  SELECT ${COLUMN_LIST}, created_at, updated_at, $2, $3 FROM contributions WHERE id = $1`;

const INSERT_PENDING = `INSERT INTO pending_submissions (id, ${COLUMN_LIST}, client_hash, received_at)
  VALUES ($1, ${placeholders(2, COLUMNS.length)}, $${COLUMNS.length + 2}, $${COLUMNS.length + 3})`;

/** One multi-row statement per batch: each column travels as one array parameter. */
const BULK_INSERT = `INSERT INTO contributions (${COLUMN_LIST}, edit_token_hash, created_at, updated_at)
  SELECT * FROM unnest(${COLUMNS.map((_, index) => `$${index + 1}::text[]`).join(', ')},
    $${COLUMNS.length + 1}::bytea[], $${COLUMNS.length + 2}::timestamptz[], $${COLUMNS.length + 3}::timestamptz[])
  ON CONFLICT (siren, theme, edition) DO NOTHING`;

const PUBLICATION_LIST = PUBLICATION_COLUMNS.join(', ');

/** Byte order on ids, as SQLite sorts, whatever the database's collation. */
const NEWEST_FIRST = 'ORDER BY published_at DESC, id COLLATE "C" DESC';

/** A theme's contributions in an edition, in SIREN order (byte order, as SQLite sorts). */
const PUBLICATION_ROWS = `SELECT ${PUBLICATION_LIST} FROM contributions WHERE theme = $1 AND edition = $2 ORDER BY siren COLLATE "C"`;

/** A theme's verified contributions in an edition, in the same order. */
const VERIFIED_PUBLICATION_ROWS = `SELECT ${PUBLICATION_LIST} FROM contributions
  WHERE theme = $1 AND edition = $2 AND verified_by IS NOT NULL ORDER BY siren COLLATE "C"`;

/**
 * One version of a contribution, in one statement (one snapshot: a replacement committing
 * meanwhile cannot hide it from both tables): the current version first, and among history rows
 * of the same stamp the latest replaced. $4 is compared as an instant.
 */
const CONTRIBUTION_VERSION = `SELECT ${PUBLICATION_LIST} FROM (
    SELECT ${PUBLICATION_LIST}, 0 AS source, id::bigint AS id FROM contributions
      WHERE siren = $1 AND theme = $2 AND edition = $3 AND updated_at = $4::timestamptz
    UNION ALL
    SELECT ${PUBLICATION_LIST}, 1 AS source, id FROM contribution_history
      WHERE siren = $1 AND theme = $2 AND edition = $3 AND updated_at = $4::timestamptz
  ) AS version
  ORDER BY source, id DESC LIMIT 1`;

function retryable(error: unknown): boolean {
  return error instanceof RetryTransaction || (error instanceof DatabaseError && error.code !== undefined && RETRYABLE.has(error.code));
}

/** A short random pause, so transactions that collided do not collide again in step. */
function jitter(attempt: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.random() * 5 * attempt));
}

/**
 * The store for several stateless API instances sharing one PostgreSQL database. Everything an
 * instance decides is decided by the database: the unique (siren, theme) key picks the first
 * submission, the idempotency key's primary key lets one request per key write, and row locks
 * serialise replacements and an administrator's decisions. Each submission is its own
 * transaction on a pooled connection, answered after COMMIT (PostgreSQL makes it durable with
 * its own WAL and `synchronous_commit`).
 */
export class PostgresContributionStore implements ContributionStore {
  readonly #pool: Pool;
  #closed = false;
  readonly #onIdleError: (error: Error) => void;
  /** Submissions written by this instance, to sweep idempotency records now and then. */
  #writes = 0;

  /** Shared drafts, in the same database. */
  readonly sharedDrafts: PostgresSharedDraftStore;

  private constructor(pool: Pool, onIdleError: (error: Error) => void) {
    this.#pool = pool;
    this.#onIdleError = onIdleError;
    this.sharedDrafts = new PostgresSharedDraftStore((work) => this.#transaction(work));
  }

  /** Connects, brings the schema up to date (one instance at a time) and returns the store. */
  static async open(options: PostgresStoreOptions): Promise<PostgresContributionStore> {
    const pool = new Pool({
      connectionString: options.url,
      max: options.poolSize ?? DEFAULT_POOL_SIZE,
      // A database that does not answer fails the request rather than hanging it for ever.
      connectionTimeoutMillis: 30_000,
      application_name: 'barometre-api',
    });
    const onIdleError =
      options.onIdleError ?? ((error: Error) => console.error(`PostgreSQL: an idle connection failed (${error.message})`));
    let store: PostgresContributionStore | undefined;
    // The pool's end does not wait for its connections to be gone: one cut after close is no news.
    pool.on('error', (error) => {
      if (store === undefined || !store.#closed) onIdleError(error);
    });
    try {
      await migrate(pool);
      store = new PostgresContributionStore(pool, onIdleError);
      await store.#sweep(new Date().toISOString());
      return store;
    } catch (error) {
      await pool.end().catch(() => undefined);
      throw error;
    }
  }

  /**
   * Runs `work` in a transaction on one pooled connection, and runs it again (a few times at
   * most) when it lost a race that PostgreSQL reports as such; nothing of a failed attempt stays.
   */
  async #transaction<T>(work: (client: PoolClient) => Promise<T>, attempts = MAX_ATTEMPTS): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      const held = await holdConnection(this.#pool);
      const { client } = held;
      let broken = false;
      try {
        // Stated, not left to the database's default: the writes rely on each statement seeing
        // what others committed before it (a key claimed, a contribution inserted meanwhile).
        await client.query('BEGIN ISOLATION LEVEL READ COMMITTED');
        const result = await work(client);
        await client.query('COMMIT');
        return result;
      } catch (error) {
        try {
          await client.query('ROLLBACK');
        } catch {
          // The connection is unusable: it is closed instead of going back to the pool.
          broken = true;
        }
        if (attempt >= attempts || !retryable(error)) throw error;
      } finally {
        held.release(broken);
      }
      await jitter(attempt);
    }
  }

  async #sweep(now: string): Promise<void> {
    const limit = new Date(Date.parse(now) - IDEMPOTENCY_TTL_MS).toISOString();
    await this.#pool.query('DELETE FROM idempotency_keys WHERE created_at < $1', [limit]);
    // An expired attestation is refused before its id is looked up: its record can go.
    await this.#pool.query('DELETE FROM attestation_ids WHERE expires_at < $1', [now]);
  }

  async status(siren: string, theme: ThemeId, edition: string): Promise<{ exists: false } | { exists: true; updatedAt: string }> {
    const { rows } = await this.#pool.query<{ updated_at: Date }>(
      'SELECT updated_at FROM contributions WHERE siren = $1 AND theme = $2 AND edition = $3',
      [siren, theme, edition],
    );
    const row = rows[0];
    return row ? { exists: true, updatedAt: row.updated_at.toISOString() } : { exists: false };
  }

  async submit(request: SubmitRequest, respond: (outcome: SubmitOutcome) => StoredResponse): Promise<SubmitResult> {
    const result = await this.#transaction((client) => runLater(submitSequence(transactionOn(client), request, respond)));
    if (result.kind === 'done') {
      this.#writes++;
      if (this.#writes % SWEEP_EVERY === 0) {
        // The submission is committed: a failed sweep is retried at the next round, not reported.
        await this.#sweep(request.now).catch(() => undefined);
      }
    }
    return result;
  }

  async openContribution(
    key: { siren: string; theme: ThemeId; edition: string },
    presentedCode: string | undefined,
    now: string,
  ): Promise<ContributionAccess<StoredRecord>> {
    const access = await this.#transaction((client) => runLater(openContributionSequence(transactionOn(client), key, presentedCode, now)));
    return access.kind === 'open' ? { kind: 'open', record: read.stored(access.record) } : access;
  }

  async get(siren: string, theme: ThemeId, edition: string): Promise<StoredRecord | undefined> {
    const { rows } = await this.#pool.query<ContributionRow<Date>>(
      'SELECT * FROM contributions WHERE siren = $1 AND theme = $2 AND edition = $3',
      [siren, theme, edition],
    );
    const row = rows[0];
    return row ? read.stored(row) : undefined;
  }

  async history(siren: string, theme: ThemeId, edition: string): Promise<HistoryRecord[]> {
    const { rows } = await this.#pool.query<HistoryRow<Date>>(
      'SELECT * FROM contribution_history WHERE siren = $1 AND theme = $2 AND edition = $3 ORDER BY id',
      [siren, theme, edition],
    );
    return rows.map(read.history);
  }

  async listPending(options: { all?: boolean } = {}): Promise<PendingRecord[]> {
    const where = options.all ? '' : "WHERE status = 'pending'";
    const { rows } = await this.#pool.query<PendingRow<Date>>(`SELECT * FROM pending_submissions ${where} ORDER BY received_at, seq`);
    return rows.map(read.pending);
  }

  async pendingPage(query: PendingQuery): Promise<PendingPage> {
    const { sql, values } = pendingPageStatement(query, {
      parameter: (n) => `$${n}`,
      seq: 'seq',
      date: (placeholder) => `${placeholder}::timestamptz`,
    });
    const { rows } = await this.#pool.query<PendingRow<Date>>(sql, values);
    const records = rows.slice(0, query.limit).map((row) => ({ ...read.pending(row), position: read.position(row) }));
    return { records, more: rows.length > query.limit };
  }

  async acceptPending(id: string, newEditCode: string, now: string): Promise<PendingDecision> {
    // PostgreSQL text cannot hold NUL, and no id this store made contains one.
    if (id.includes('\u0000')) return { kind: 'not_found' };
    return this.#transaction((client) => runLater(acceptSequence(transactionOn(client), id, newEditCode, now)));
  }

  async rejectPending(id: string, now: string): Promise<PendingDecision> {
    if (id.includes('\u0000')) return { kind: 'not_found' };
    return this.#transaction((client) => runLater(rejectSequence(transactionOn(client), id, now)));
  }

  async listContributions(theme: ThemeId, edition?: string): Promise<StoredRecord[]> {
    // Byte order, as SQLite sorts: the database's collation must not change the export.
    const { rows } =
      edition === undefined
        ? await this.#pool.query<ContributionRow<Date>>(
            'SELECT * FROM contributions WHERE theme = $1 ORDER BY siret COLLATE "C", edition COLLATE "C"',
            [theme],
          )
        : await this.#pool.query<ContributionRow<Date>>(
            'SELECT * FROM contributions WHERE theme = $1 AND edition = $2 ORDER BY siret COLLATE "C"',
            [theme, edition],
          );
    return rows.map(read.stored);
  }

  async count(theme?: ThemeId, edition?: string): Promise<number> {
    // NULL matches every theme or edition: one statement serves the four questions.
    const { rows } = await this.#pool.query<{ n: number }>(
      'SELECT COUNT(*)::integer AS n FROM contributions WHERE theme = COALESCE($1, theme) AND edition = COALESCE($2, edition)',
      [theme ?? null, edition ?? null],
    );
    return rows[0]?.n ?? 0;
  }

  async countByTheme(): Promise<Partial<Record<ThemeId, number>>> {
    const { rows } = await this.#pool.query<{ theme: string; n: number }>(
      'SELECT theme, COUNT(*)::integer AS n FROM contributions GROUP BY theme',
    );
    const counts: Partial<Record<ThemeId, number>> = {};
    for (const row of rows) counts[row.theme as ThemeId] = row.n;
    return counts;
  }

  async bulkInsert(records: Iterable<BulkRecord>): Promise<number> {
    // Not retried: the records may be a one-shot iterator. The lock leaves nothing to race for.
    return this.#transaction(async (client) => {
      await client.query('SELECT pg_advisory_xact_lock($1, $2)', [...BULK_LOCK]);
      let inserted = 0;
      let batch: BulkRecord[] = [];
      const flush = async () => {
        const rows = batch.map((record) => columnsOf({ ...record, edition: bulkEdition(record) }));
        const parameters: unknown[] = COLUMNS.map((column) => rows.map((row) => row[column]));
        parameters.push(
          batch.map((record) => record.editTokenHash),
          batch.map((record) => record.createdAt),
          batch.map((record) => record.updatedAt),
        );
        batch = [];
        inserted += (await client.query(BULK_INSERT, parameters)).rowCount ?? 0;
      };
      for (const record of records) {
        batch.push(record);
        if (batch.length === BULK_BATCH) await flush();
      }
      if (batch.length > 0) await flush();
      return inserted;
    }, 1);
  }

  /** One statement, fetched in one go: one consistent snapshot, no round trip per row. */
  async publicationRows(theme: ThemeId, options: { edition: string; countUnverified?: boolean }): Promise<PublicationRow[]> {
    const statement = options.countUnverified === false ? VERIFIED_PUBLICATION_ROWS : PUBLICATION_ROWS;
    const { rows } = await this.#pool.query<PublicationRowColumns<Date>>(statement, [theme, options.edition]);
    return rows.map(read.publicationRow);
  }

  /** A stamp PostgreSQL cannot read (or a NUL in a key) names no stored version: `undefined`, as with SQLite. */
  async contributionVersion(siren: string, theme: ThemeId, edition: string, updatedAt: string): Promise<PublicationRow | undefined> {
    try {
      const { rows } = await this.#pool.query<PublicationRowColumns<Date>>(CONTRIBUTION_VERSION, [siren, theme, edition, updatedAt]);
      const row = rows[0];
      return row ? read.publicationRow(row) : undefined;
    } catch (error) {
      if (error instanceof DatabaseError && error.code?.startsWith('22')) return undefined;
      throw error;
    }
  }

  /** Refuses a date not in the canonical ISO form (see {@link checkPublication}) and an id already used. */
  async savePublication(record: PublicationRecord): Promise<void> {
    checkPublication(record);
    await this.#pool.query('INSERT INTO publications (id, published_at, edition, contributions, figures, ledger) VALUES ($1, $2, $3, $4, $5, $6)', [
      record.id,
      record.publishedAt,
      record.edition,
      record.contributions,
      record.figures,
      record.ledger,
    ]);
  }

  async latestPublication(edition?: string): Promise<PublicationSummary | undefined> {
    const { rows } =
      edition === undefined
        ? await this.#pool.query<PublicationSummaryRow<Date>>(`SELECT id, published_at, edition, contributions FROM publications ${NEWEST_FIRST} LIMIT 1`)
        : await this.#pool.query<PublicationSummaryRow<Date>>(
            `SELECT id, published_at, edition, contributions FROM publications WHERE edition = $1 ${NEWEST_FIRST} LIMIT 1`,
            [edition],
          );
    const row = rows[0];
    return row ? read.summary(row) : undefined;
  }

  async publication(id: string): Promise<PublicationRecord | undefined> {
    // PostgreSQL text cannot hold NUL, and no id stored here contains one.
    if (id.includes('\u0000')) return undefined;
    const { rows } = await this.#pool.query<PublicationRecordRow<Date>>(
      'SELECT id, published_at, edition, contributions, figures, ledger FROM publications WHERE id = $1',
      [id],
    );
    const row = rows[0];
    return row ? read.publication(row) : undefined;
  }

  async listPublications(): Promise<PublicationSummary[]> {
    const { rows } = await this.#pool.query<PublicationSummaryRow<Date>>(
      `SELECT id, published_at, edition, contributions FROM publications ${NEWEST_FIRST}`,
    );
    return rows.map(read.summary);
  }

  /**
   * `keep` below 1 keeps one: the newest is what is being served. One statement: a publication
   * saved meanwhile is outside its snapshot, so it is neither counted nor deleted.
   */
  async prunePublications(keep: number, edition?: string): Promise<number> {
    const of = edition ?? (await this.latestPublication())?.edition;
    if (of === undefined) return 0;
    const { rowCount } = await this.#pool.query(
      `DELETE FROM publications WHERE edition = $1 AND id NOT IN
         (SELECT id FROM publications WHERE edition = $1 ${NEWEST_FIRST} LIMIT $2)`,
      [of, publicationsKept(keep)],
    );
    return rowCount ?? 0;
  }

  /**
   * Several instances share the database and each may decide to publish (a timer, an
   * administrator's request): the database arbitrates with a session-level advisory lock, tried
   * without waiting. It is held by one pooled connection kept for the whole task and released in
   * `finally` however the task ends; if the release cannot be confirmed, the connection is closed
   * instead of returned to the pool, which ends its session and so frees the lock.
   *
   * The task should not need every connection of the pool: this one is taken for its whole length
   * (with a pool of one, a task that queries the store waits for a connection until it times out).
   * If the connection breaks during the task, PostgreSQL frees the lock at once and another
   * instance may start publishing before this task ends; the failure is reported like an idle
   * connection's, and the task is not interrupted.
   */
  async withPublicationLock<T>(task: () => Promise<T>): Promise<{ ran: true; value: T } | { ran: false }> {
    // Its failure while the task runs (no query of its own in flight) is reported like an idle one's.
    const held = await holdConnection(this.#pool, (error) => {
      if (!this.#closed) this.#onIdleError(error);
    });
    const { client } = held;
    let locked: boolean;
    try {
      const { rows } = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1::bigint) AS locked', [
        PUBLICATION_LOCK.toString(),
      ]);
      locked = rows[0]?.locked === true;
    } catch (error) {
      // Whether the lock was taken is unknown: closing the session is the sure way to leave none.
      held.release(true);
      throw error;
    }
    if (!locked) {
      held.release();
      return { ran: false };
    }
    try {
      return { ran: true, value: await task() };
    } finally {
      held.release(!(await this.#unlockPublication(client)));
    }
  }

  /** Releases the publication lock on `client`; false when that could not be confirmed. */
  async #unlockPublication(client: PoolClient): Promise<boolean> {
    try {
      const { rows } = await client.query<{ unlocked: boolean }>('SELECT pg_advisory_unlock($1::bigint) AS unlocked', [
        PUBLICATION_LOCK.toString(),
      ]);
      return rows[0]?.unlocked === true;
    } catch {
      return false;
    }
  }

  /** A standby, or a database set read-only, takes no write; an unreachable one throws. */
  async probe(): Promise<StoreProbe> {
    const { rows } = await this.#pool.query<{ read_only: string; recovery: boolean }>(
      "SELECT current_setting('transaction_read_only') AS read_only, pg_is_in_recovery() AS recovery",
    );
    const row = rows[0];
    return { kind: 'postgresql', writable: row !== undefined && row.read_only === 'off' && !row.recovery };
  }

  async close(): Promise<void> {
    // The pool refuses a second end; closing twice is harmless elsewhere, so here too.
    if (this.#closed) return;
    this.#closed = true;
    // Waits for transactions in progress to finish before closing their connections.
    await this.#pool.end();
  }
}

/** The statements of {@link submitSequence} and the decisions, on the connection of one transaction. */
function transactionOn(client: PoolClient): SubmissionTransaction<Date> {
  const values = (columns: ContributionColumns) => COLUMNS.map((column) => columns[column]);
  return {
    iso: read.iso,
    // Claimed before anything is written: a request under the same key on another instance waits
    // on this row until this transaction ends, then finds the answer kept here.
    claimKey: async (keyHash, claim, now) =>
      (
        await client.query(
          `INSERT INTO idempotency_keys (key_hash, route, request_hash, status, sealed_response, created_at)
           VALUES ($1, $2, $3, 0, '', $4) ON CONFLICT (key_hash) DO NOTHING`,
          [keyHash, claim.route, claim.requestHash, now],
        )
      ).rowCount === 1,
    seenKey: async (keyHash) =>
      (
        await client.query<IdempotencyRow>(
          'SELECT route, request_hash, sealed_response FROM idempotency_keys WHERE key_hash = $1',
          [keyHash],
        )
      ).rows[0],
    answerKey: async (keyHash, status, sealedResponse) => {
      await client.query('UPDATE idempotency_keys SET status = $2, sealed_response = $3 WHERE key_hash = $1', [
        keyHash,
        status,
        sealedResponse,
      ]);
    },
    releaseKey: async (keyHash) => {
      await client.query('DELETE FROM idempotency_keys WHERE key_hash = $1', [keyHash]);
    },
    // A second instance given the same attestation waits here until this transaction ends.
    claimAttestation: async (use) =>
      (
        await client.query(
          'INSERT INTO attestation_ids (issuer, jti, expires_at) VALUES ($1, $2, $3) ON CONFLICT (issuer, jti) DO NOTHING',
          [use.issuer, use.id, use.expiresAt],
        )
      ).rowCount === 1,
    releaseAttestation: async (use) => {
      await client.query('DELETE FROM attestation_ids WHERE issuer = $1 AND jti = $2', [use.issuer, use.id]);
    },
    // A concurrent first submission waits here until the other commits, then inserts nothing.
    insertFirst: async (columns, editTokenHash, now) =>
      (await client.query(INSERT_CONTRIBUTION, [...values(columns), editTokenHash, now])).rowCount === 1,
    // Locked: replacements of one contribution (and an administrator's) happen one after another.
    current: async (siren, theme, edition) =>
      (
        await client.query<ContributionRow<Date>>(
          'SELECT * FROM contributions WHERE siren = $1 AND theme = $2 AND edition = $3 FOR UPDATE',
          [siren, theme, edition],
        )
      ).rows[0],
    replace: async (existing, columns, editTokenHash, now, by) => {
      await client.query(TO_HISTORY, [existing.id, now, by]);
      await client.query(REPLACE_CONTRIBUTION, [
        existing.id,
        ...REPLACED_COLUMNS.map((column) => columns[column]),
        editTokenHash,
        now,
      ]);
    },
    recordWrongCode: async (existing, wrongCodes, lockedUntil) => {
      await client.query('UPDATE contributions SET wrong_codes = $2, locked_until = $3 WHERE id = $1', [
        existing.id,
        wrongCodes,
        lockedUntil,
      ]);
    },
    lockPendingQueue: async () => {
      await client.query('SELECT pg_advisory_xact_lock($1, $2)', [...PENDING_LOCK]);
    },
    dropPendingOfClient: async (siren, theme, edition, clientHash) =>
      (
        await client.query<{ id: string }>(
          `DELETE FROM pending_submissions WHERE siren = $1 AND theme = $2 AND edition = $3 AND client_hash = $4
             AND status = 'pending' RETURNING id`,
          [siren, theme, edition, clientHash],
        )
      ).rows.map((row) => row.id),
    countPending: async (target) =>
      (target === undefined
        ? await client.query<{ n: number }>("SELECT COUNT(*)::integer AS n FROM pending_submissions WHERE status = 'pending'")
        : await client.query<{ n: number }>(
            "SELECT COUNT(*)::integer AS n FROM pending_submissions WHERE siren = $1 AND theme = $2 AND edition = $3 AND status = 'pending'",
            [target.siren, target.theme, target.edition],
          )
      ).rows[0]?.n ?? 0,
    insertPending: async (id, columns, now, clientHash) => {
      await client.query(INSERT_PENDING, [id, ...values(columns), clientHash, now]);
    },
    // Locked: two administrators deciding at once are served one after the other.
    pending: async (id) =>
      (await client.query<PendingRow<Date>>('SELECT * FROM pending_submissions WHERE id = $1 FOR UPDATE', [id])).rows[0],
    decide: async (pending, status, now) => {
      await client.query('UPDATE pending_submissions SET status = $2, decided_at = $3 WHERE id = $1', [pending.id, status, now]);
      await client.query('INSERT INTO admin_actions (action, pending_id, siren, theme, at) VALUES ($1, $2, $3, $4, $5)', [
        status === 'accepted' ? 'accept' : 'reject',
        pending.id,
        pending.siren,
        pending.theme,
        now,
      ]);
    },
  };
}
