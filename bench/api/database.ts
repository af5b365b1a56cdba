import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { PostgresContributionStore } from '../../src/server/store/postgres/postgres-store.js';
import { SqliteContributionStore } from '../../src/server/store/sqlite/sqlite-store.js';
import type { ContributionStore } from '../../src/server/store/types.js';

/**
 * The database the API section runs against: how the servers are told about it (environment) and
 * how the benchmark loads contributions into it in bulk (the store's `bulkInsert`).
 */
export interface DatabaseTarget {
  /** For the report; never a password. */
  label: string;
  env: Record<string, string>;
  /** A store on the same database, to bulk-load it between runs while no server is up. */
  openStore(): Promise<ContributionStore>;
  dispose(): void;
}

/** The default: a SQLite file of its own (WAL, synchronous=FULL, as the server opens it) in `dir`. */
export function sqliteTarget(dir: string): DatabaseTarget {
  const path = join(dir, 'api.db');
  return {
    label: 'SQLite file on disk (the server opens it in WAL mode with synchronous=FULL)',
    env: { BAROMETRE_DB: path },
    openStore: async () => SqliteContributionStore.open({ path }),
    dispose: () => rmSync(path, { force: true }),
  };
}

/**
 * A PostgreSQL database given by URL (`--database-url=postgres://…`, or the throwaway server the
 * benchmark starts), handed to every server as
 * `BAROMETRE_DATABASE_URL`; it should be empty at start. BAROMETRE_DB points at a throwaway file,
 * so a server that does not read the URL cannot touch ./data/barometre.db: the contribution count
 * checked after each start then tells it did not see the loaded data.
 */
export function urlTarget(url: string, dir: string): DatabaseTarget {
  const shown = withoutSecrets(url);
  return {
    label: `database ${shown}`,
    env: { BAROMETRE_DATABASE_URL: url, BAROMETRE_DB: join(dir, 'unused.db') },
    openStore: async () => PostgresContributionStore.open({ url }),
    dispose: () => undefined,
  };
}

/** A connection URL without its password or query (which may hold secrets too). */
function withoutSecrets(url: string): string {
  if (!URL.canParse(url)) return '(unreadable URL)';
  const parsed = new URL(url);
  return `${parsed.protocol}//${parsed.host}${parsed.pathname}`;
}

/**
 * A new empty database on the PostgreSQL server of `url` (whose role may create databases), so
 * that each run starts from nothing; returns its URL.
 */
export async function freshDatabase(url: string, name: string): Promise<string> {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    // Identifiers cannot be parameters: the name is ours, made of [a-z0-9_] only.
    if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`Not a database name: ${name}`);
    await client.query(`DROP DATABASE IF EXISTS ${name}`);
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  const target = new URL(url);
  target.pathname = `/${name}`;
  return target.toString();
}
