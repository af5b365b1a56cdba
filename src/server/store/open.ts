import { readDatabaseUrl, type ServerConfig } from '../config.js';
import { PostgresContributionStore } from './postgres/postgres-store.js';
import { postgresStartupMessage } from './postgres/startup-message.js';
import { SqliteContributionStore } from './sqlite/sqlite-store.js';
import { DatabaseStartupError } from './startup-error.js';
import type { ContributionStore } from './types.js';

/** Options of {@link openStore}. */
export interface OpenStoreOptions {
  /** Told when an idle PostgreSQL connection fails (the pool replaces it); defaults to one line on stderr. */
  onIdleError?: (error: Error) => void;
}

/**
 * Opens the store the configuration asks for: PostgreSQL when `config.postgres` is set (it
 * connects and migrates, hence async), the SQLite file at `config.databasePath` otherwise.
 * A failure throws a one-line `DatabaseStartupError` naming the database without its password.
 */
export async function openStore(config: ServerConfig, options: OpenStoreOptions = {}): Promise<ContributionStore> {
  if (config.postgres === undefined) return SqliteContributionStore.open({ path: config.databasePath });
  try {
    return await PostgresContributionStore.open({
      url: config.postgres.url,
      poolSize: config.postgres.poolSize,
      ...(options.onIdleError ? { onIdleError: options.onIdleError } : {}),
    });
  } catch (error) {
    throw new DatabaseStartupError(postgresStartupMessage(describeDatabaseUrl(config.postgres.url), error), { cause: error });
  }
}

/** Which storage a configuration uses, for the start-up log: never a password. */
export function describeStore(config: ServerConfig): string {
  if (config.postgres === undefined) return `SQLite ${config.databasePath}`;
  return `PostgreSQL ${describeDatabaseUrl(config.postgres.url)} (pool of ${config.postgres.poolSize})`;
}

/** A connection URL with its password and its options (which may hold a password too) left out. */
export function describeDatabaseUrl(url: string): string {
  const parsed = readDatabaseUrl(url);
  if (parsed === undefined) return '(unreadable URL)';
  const user = parsed.username === '' ? '' : `${decodeURIComponent(parsed.username)}@`;
  // A `host` option wins over the URL's host, as in pg: it names a Unix socket's folder.
  const host = parsed.searchParams.get('host') ?? parsed.host;
  return `${parsed.protocol}//${user}${host}${parsed.pathname}`;
}
