import { existsSync, statSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import Database from 'better-sqlite3';
import { Client } from 'pg';
import { loadToolConfig } from '../config.js';
import { describeDatabaseUrl } from '../store/open.js';
import { MIGRATIONS as POSTGRES_MIGRATIONS } from '../store/postgres/migrations.js';
import { postgresStartupMessage } from '../store/postgres/startup-message.js';
import { MIGRATIONS as SQLITE_MIGRATIONS } from '../store/sqlite/migrations.js';
import { damagedMessage, integrityProblems } from '../store/sqlite/open-database.js';
import { RECOVERY_DOC, SchemaTooNewError } from '../store/startup-error.js';

/**
 * `npm run check-db`: the full check the server does not do at every start, on the database its
 * environment names. SQLite: `integrity_check` (every page, every index against its table),
 * read-only, safe beside a running server (WAL lets readers and the writer go on together).
 * PostgreSQL: reachable, and its schema version one this release knows. One line; exit code 0
 * when sound, 1 otherwise.
 */

interface Output {
  log(message: string): void;
  error(message: string): void;
}

function schemaVersion(rows: { version: number | null }[]): number {
  return rows[0]?.version ?? 0;
}

function checkSqlite(path: string, output: Output): number {
  if (!existsSync(path) || statSync(path).isDirectory()) {
    output.error(`There is no SQLite database file at ${path}: check BAROMETRE_DB (${RECOVERY_DOC}).`);
    return 1;
  }
  let db: Database.Database;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true });
  } catch (error) {
    output.error(`The SQLite database ${path} cannot be opened (${error instanceof Error ? error.message : error}) (${RECOVERY_DOC}).`);
    return 1;
  }
  try {
    const problems = integrityProblems(db, 'full');
    if (problems.length > 0) {
      output.error(damagedMessage(path, problems));
      return 1;
    }
    const version = schemaVersion(db.prepare('SELECT MAX(version) AS version FROM schema_version').all() as { version: number | null }[]);
    const latest = SQLITE_MIGRATIONS.at(-1)?.version ?? 0;
    if (version > latest) {
      output.error(new SchemaTooNewError(version, latest).describe(path));
      return 1;
    }
    output.log(`ok: ${path} passed SQLite's full integrity check (schema version ${version} of ${latest}).`);
    return 0;
  } catch (error) {
    // A sound SQLite file that is not the server's (no schema_version table), say.
    output.error(`The SQLite database ${path} is not the server's (${error instanceof Error ? error.message : error}) (${RECOVERY_DOC}).`);
    return 1;
  } finally {
    db.close();
  }
}

async function checkPostgres(url: string, output: Output): Promise<number> {
  const name = describeDatabaseUrl(url);
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 10_000, application_name: 'barometre-check-db' });
  // A connection cut under the query is also emitted as an event: the query's own failure reports it.
  client.on('error', () => undefined);
  try {
    await client.connect();
    const { rows } = await client.query<{ version: number | null }>(
      "SELECT CASE WHEN to_regclass('schema_version') IS NULL THEN NULL ELSE (SELECT MAX(version) FROM schema_version) END AS version",
    );
    const version = schemaVersion(rows);
    const latest = POSTGRES_MIGRATIONS.at(-1)?.version ?? 0;
    if (version > latest) throw new SchemaTooNewError(version, latest);
    const pending = latest - version;
    output.log(
      `ok: PostgreSQL ${name} answers, schema version ${version} of ${latest}` +
        (pending > 0 ? ` (${pending} step(s) will be applied when the server starts).` : '.'),
    );
    return 0;
  } catch (error) {
    output.error(postgresStartupMessage(name, error));
    return 1;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Runs the check; returns the exit status. */
export async function runCheckDb(env: Record<string, string | undefined>, output: Output = console): Promise<number> {
  const config = loadToolConfig(env, output);
  if (config === undefined) return 1;
  return config.postgres === undefined ? checkSqlite(config.databasePath, output) : checkPostgres(config.postgres.url, output);
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await runCheckDb(process.env);
}
