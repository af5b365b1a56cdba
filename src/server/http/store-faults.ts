import Database from 'better-sqlite3';
import { DatabaseError } from 'pg';
import { ApiError } from './errors.js';

/**
 * Faults of the server's own machine, as opposed to its clients' mistakes: each has a code of
 * its own, so that clients, operators and metrics can tell a full disk from a bug. None is the
 * client's doing and the answer is the same whichever route met it.
 */
export type StoreFault = 'storage_full' | 'storage_read_only' | 'database_unavailable' | 'database_damaged';

/** Every fault, for metrics that show zeros before the first one. */
export const STORE_FAULTS: readonly StoreFault[] = ['storage_full', 'storage_read_only', 'database_unavailable', 'database_damaged'];

/**
 * Seconds a client should wait before trying again. A full disk or a read-only mount needs an
 * operator, so minutes; a lost connection is usually back within seconds (the pool reconnects).
 * A damaged database will not heal by waiting: no `Retry-After`.
 */
const RETRY_AFTER: Record<StoreFault, number | undefined> = {
  storage_full: 300,
  storage_read_only: 300,
  database_unavailable: 5,
  database_damaged: undefined,
};

/** Errors of Node's sockets that mean the database's connection is gone or cannot be made. */
const CONNECTION_ERRNOS = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);

/** What `pg` says, without a code, when a connection ends under a query or cannot be made in time. */
const PG_CONNECTION_MESSAGES = /^(Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Connection terminated unexpectedly)/;

function sqliteFault(code: string): StoreFault | undefined {
  if (code === 'SQLITE_FULL') return 'storage_full';
  if (code.startsWith('SQLITE_READONLY')) return 'storage_read_only';
  if (code === 'SQLITE_CORRUPT' || code.startsWith('SQLITE_CORRUPT_') || code === 'SQLITE_NOTADB') return 'database_damaged';
  // An I/O error (a disk gone, a network mount cut) or a lock held longer than the busy timeout.
  if (code.startsWith('SQLITE_IOERR') || code.startsWith('SQLITE_BUSY') || code === 'SQLITE_CANTOPEN') return 'database_unavailable';
  return undefined;
}

function postgresFault(error: DatabaseError): StoreFault | undefined {
  const code = error.code ?? '';
  // 53100 disk_full; 53200 out_of_memory and 53300 too_many_connections pass with time.
  if (code === '53100') return 'storage_full';
  if (code === '53200' || code === '53300') return 'database_unavailable';
  // 25006 read_only_sql_transaction: a standby, or default_transaction_read_only.
  if (code === '25006') return 'storage_read_only';
  // 08 connection exceptions; 57P01–57P03 a server shutting down, terminated or starting.
  if (code.startsWith('08') || code === '57P01' || code === '57P02' || code === '57P03') return 'database_unavailable';
  // XX001 data_corrupted, XX002 index_corrupted.
  if (code === 'XX001' || code === 'XX002') return 'database_damaged';
  // A FATAL error ends the session: whatever its code, this connection is lost.
  if (error.severity === 'FATAL' || error.severity === 'PANIC') return 'database_unavailable';
  return undefined;
}

/** The fault an error from a store stands for, if it is one. */
export function storeFault(error: unknown): StoreFault | undefined {
  if (error instanceof Database.SqliteError) return sqliteFault(error.code);
  if (error instanceof DatabaseError) return postgresFault(error);
  if (!(error instanceof Error)) return undefined;
  const { code } = error as { code?: unknown };
  if (typeof code === 'string' && CONNECTION_ERRNOS.has(code)) return 'database_unavailable';
  if (PG_CONNECTION_MESSAGES.test(error.message)) return 'database_unavailable';
  return undefined;
}

/** The answer to a fault: 503, in the request's language, with `Retry-After` when waiting helps. */
export function faultError(fault: StoreFault): ApiError {
  const seconds = RETRY_AFTER[fault];
  return new ApiError(503, fault, seconds === undefined ? {} : { headers: { 'retry-after': String(seconds) } });
}
