import { accessSync, constants, existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { DatabaseStartupError, RECOVERY_DOC } from '../startup-error.js';

/** How deep an integrity check goes: `quick` at every start, `full` on demand (`npm run check-db`). */
export type IntegrityMode = 'quick' | 'full';

/**
 * What SQLite's own checker finds wrong, empty when the file is sound. `quick_check` skips the
 * comparison of indexes with their tables, which makes it several times faster on a large file;
 * `integrity_check` does everything. Both read every page. SQLite may also refuse to go on and
 * throw (SQLITE_CORRUPT): that is reported as one problem.
 */
export function integrityProblems(db: Database.Database, mode: IntegrityMode): string[] {
  try {
    const rows = db.pragma(mode === 'quick' ? 'quick_check(20)' : 'integrity_check(100)') as Record<string, string>[];
    const lines = rows.map((row) => String(Object.values(row)[0]));
    return lines.length === 1 && lines[0] === 'ok' ? [] : lines;
  } catch (error) {
    return [error instanceof Error ? error.message : String(error)];
  }
}

/** The line an operator reads when the file is damaged. */
export function damagedMessage(path: string, problems: readonly string[]): string {
  const first = problems[0] ?? 'unknown damage';
  const more = problems.length > 1 ? ` and ${problems.length - 1} more problem(s)` : '';
  return (
    `The SQLite database ${path} is damaged (${first}${more}): keep a copy of it, then restore the last backup ` +
    `with npm run restore -- <backup file> (${RECOVERY_DOC}).`
  );
}

/** The one line said for an error SQLite raised while opening `path`. */
function openingMessage(path: string, error: unknown): string {
  const code = (error as { code?: unknown }).code;
  const reason = error instanceof Error ? error.message : String(error);
  switch (code) {
    case 'SQLITE_NOTADB':
      return (
        `${path} is not a SQLite database (${reason}): point BAROMETRE_DB at the database file, or restore it ` +
        `from a backup with npm run restore -- <backup file> (${RECOVERY_DOC}).`
      );
    case 'SQLITE_CORRUPT':
      return damagedMessage(path, [reason]);
    case 'SQLITE_CANTOPEN':
      return (
        `The SQLite database ${path} cannot be opened (${reason}): check that it is a file in an existing folder the ` +
        `server's user may read and write (${RECOVERY_DOC}).`
      );
    default:
      if (typeof code === 'string' && code.startsWith('SQLITE_READONLY')) return readOnlyMessage(path);
      return `The SQLite database ${path} cannot be opened (${reason}) (${RECOVERY_DOC}).`;
  }
}

function readOnlyMessage(path: string): string {
  return (
    `The SQLite database ${path} cannot be written (a read-only file or mount): give the server's user write ` +
    `access to it and to its folder ${dirname(path)}, where SQLite keeps its journal (${RECOVERY_DOC}).`
  );
}

/**
 * Checks what can be checked before SQLite touches the file, so that the refusal names the
 * problem rather than SQLite's "unable to open database file": a folder given as the file, a
 * file or folder that cannot be written (a read-only mount refuses even root).
 */
function checkPlace(path: string): void {
  const folder = dirname(path);
  try {
    mkdirSync(folder, { recursive: true });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new DatabaseStartupError(`The folder ${folder} of the SQLite database cannot be created (${reason}) (${RECOVERY_DOC}).`);
  }
  if (existsSync(path) && statSync(path).isDirectory()) {
    throw new DatabaseStartupError(
      `BAROMETRE_DB names a folder, not a file: ${path}. Point it at the database file inside, e.g. ${path}/barometre.db (${RECOVERY_DOC}).`,
    );
  }
  try {
    // The journal (-wal, -shm) is created beside the file: the folder must be writable too.
    accessSync(folder, constants.W_OK);
    if (existsSync(path)) accessSync(path, constants.R_OK | constants.W_OK);
  } catch {
    throw new DatabaseStartupError(readOnlyMessage(path));
  }
}

/**
 * Opens a SQLite file for the server: WAL, `synchronous=FULL`, a busy timeout, then a quick
 * integrity check. Anything that makes the file unusable — a folder, a random file, a damaged
 * file, a read-only one — throws a {@link DatabaseStartupError} of one line naming the file and
 * what to do, rather than letting the server start and answer 500s (or write into a damaged file).
 * `setup` runs on the open connection (migrations, a first write) under the same translation.
 */
export function openSqliteDatabase<T>(path: string, setup: (db: Database.Database) => T): T {
  const memory = path === ':memory:';
  if (!memory) checkPlace(path);
  let db: Database.Database;
  try {
    db = new Database(path);
  } catch (error) {
    throw new DatabaseStartupError(openingMessage(path, error));
  }
  try {
    if (!memory) db.pragma('journal_mode = WAL');
    // FULL: the WAL is synced at every commit, so an acknowledged write is on disk.
    db.pragma('synchronous = FULL');
    // Another process (a backup, a second server) may hold the lock briefly: wait rather than fail.
    db.pragma('busy_timeout = 5000');
    if (!memory) {
      const problems = integrityProblems(db, 'quick');
      if (problems.length > 0) throw new DatabaseStartupError(damagedMessage(path, problems));
    }
    return setup(db);
  } catch (error) {
    db.close();
    if (error instanceof DatabaseStartupError) throw error;
    if (error instanceof Database.SqliteError) throw new DatabaseStartupError(openingMessage(path, error));
    throw error;
  }
}
