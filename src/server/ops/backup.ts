import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import Database from 'better-sqlite3';
import { loadToolConfig } from '../config.js';
import { MIGRATIONS } from '../store/sqlite/migrations.js';
import { damagedMessage, integrityProblems } from '../store/sqlite/open-database.js';
import { RECOVERY_DOC } from '../store/startup-error.js';

/**
 * `npm run backup -- <file>` and `npm run restore -- <file>`, for the SQLite database the
 * server's environment names (`BAROMETRE_DB`).
 *
 * A backup goes through SQLite's online backup API (better-sqlite3's `backup()`), never a file
 * copy: a copy of a database being written — its file and its `-wal` read at different
 * instants — can be inconsistent, while the backup API copies one consistent state, the server
 * writing on meanwhile. The copy is written beside its place, checked, then renamed into it.
 *
 * A restore replaces the database by a checked backup. The server must be stopped: it keeps
 * the database open. What was there is first kept beside it (`<file>.before-restore-<date>`), so
 * a restore loses nothing, and the journal files of the old database are removed with it: left
 * beside the restored file they would be replayed into it.
 */

interface Output {
  log(message: string): void;
  error(message: string): void;
}

export const USAGE = `Usage: npm run backup -- <file>     a consistent copy of the running server's SQLite database
       npm run restore -- <file>    puts a backup back in place (stop the server first)
The database is BAROMETRE_DB. On PostgreSQL, use pg_dump and pg_restore (${RECOVERY_DOC}).`;

/** A date safe in a file name, e.g. 2026-12-06T14-00-00Z. */
function stamp(now: Date): string {
  return now.toISOString().replace(/\.\d+Z$/, 'Z').replaceAll(':', '-');
}

/** What a sound backup holds, to say in one line; throws a line when it is not one. */
function describeBackup(path: string, mode: 'quick' | 'full'): string {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    const problems = integrityProblems(db, mode);
    if (problems.length > 0) throw new Error(damagedMessage(path, problems).replace(/, then restore.*$/, ': it cannot be used.'));
    const version = (db.prepare('SELECT MAX(version) AS v FROM schema_version').get() as { v: number | null }).v ?? 0;
    const latest = MIGRATIONS.at(-1)?.version ?? 0;
    if (version > latest) throw new Error(`${path} has schema version ${version}, newer than this release knows (${latest}).`);
    const contributions = (db.prepare('SELECT COUNT(*) AS n FROM contributions').get() as { n: number }).n;
    const latestPublication = db.prepare('SELECT id FROM publications ORDER BY published_at DESC, id DESC LIMIT 1').get() as
      | { id: string }
      | undefined;
    return `${contributions} contributions, latest publication ${latestPublication?.id ?? 'none'}, schema version ${version}`;
  } catch (error) {
    if (error instanceof Database.SqliteError) throw new Error(`${path} is not a backup of the server's database (${error.message}).`);
    throw error;
  } finally {
    db.close();
  }
}

/** Writes a consistent copy of `source` to `target`; returns the line to print. */
export async function backupDatabase(source: string, target: string): Promise<string> {
  if (!existsSync(source) || statSync(source).isDirectory()) throw new Error(`There is no SQLite database at ${source}: check BAROMETRE_DB.`);
  if (existsSync(target)) throw new Error(`${target} exists already: choose another file (a backup never replaces one).`);
  if (resolve(target) === resolve(source)) throw new Error('The backup cannot be the database itself.');
  const partial = join(dirname(target), `.${basename(target)}.partial`);
  rmSync(partial, { force: true });
  const db = new Database(source, { fileMustExist: true });
  try {
    // The server's connection waits up to its busy timeout for the backup's brief locks; this one too.
    db.pragma('busy_timeout = 5000');
    await db.backup(partial);
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  } finally {
    db.close();
  }
  let summary: string;
  try {
    summary = describeBackup(partial, 'quick');
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  }
  renameSync(partial, target);
  return `ok: ${source} backed up to ${target} (${summary}).`;
}

/** The journal files SQLite keeps beside a database. */
function journalFiles(path: string): string[] {
  return ['-wal', '-shm', '-journal'].map((suffix) => `${path}${suffix}`).filter((file) => existsSync(file));
}

/** Puts the backup `source` in place of the database `target`; returns the lines to print. */
export async function restoreDatabase(source: string, target: string, now = new Date()): Promise<string[]> {
  if (!existsSync(source) || statSync(source).isDirectory()) throw new Error(`There is no backup file at ${source}.`);
  if (resolve(source) === resolve(target)) throw new Error('The backup to restore is the database itself.');
  // Fully checked before anything is touched: a damaged backup is refused, the database left as it is.
  const summary = describeBackup(source, 'full');
  const lines: string[] = [];
  mkdirSync(dirname(target), { recursive: true });
  const restoring = join(dirname(target), `.${basename(target)}.restoring`);
  rmSync(restoring, { force: true });
  const backup = new Database(source, { readonly: true, fileMustExist: true });
  try {
    await backup.backup(restoring);
  } catch (error) {
    rmSync(restoring, { force: true });
    throw error;
  } finally {
    backup.close();
  }
  if (existsSync(target)) {
    // The database being replaced, with its journal, is kept as it is: byte for byte, damaged or not.
    const kept = `${target}.before-restore-${stamp(now)}`;
    for (const file of [target, ...journalFiles(target)]) renameSync(file, `${kept}${file.slice(target.length)}`);
    lines.push(`The database that was there is kept as ${kept}.`);
  }
  for (const file of journalFiles(target)) rmSync(file);
  renameSync(restoring, target);
  lines.unshift(`ok: ${source} restored to ${target} (${summary}). Start the server again.`);
  return lines;
}

/** Runs `backup` or `restore` with its arguments; returns the exit status. */
export async function runBackupCli(
  command: 'backup' | 'restore',
  argv: readonly string[],
  env: Record<string, string | undefined>,
  output: Output = console,
): Promise<number> {
  const file = argv.find((arg) => !arg.startsWith('-'));
  if (file === undefined || argv.includes('--help')) {
    output.error(USAGE);
    return file === undefined ? 1 : 0;
  }
  const config = loadToolConfig(env, output);
  if (config === undefined) return 1;
  if (config.postgres !== undefined) {
    output.error(`BAROMETRE_DATABASE_URL names a PostgreSQL database: back it up with pg_dump and restore it with pg_restore (${RECOVERY_DOC}).`);
    return 1;
  }
  if (config.databasePath === ':memory:') {
    output.error('BAROMETRE_DB is :memory:, which has nothing to back up or restore.');
    return 1;
  }
  try {
    if (command === 'backup') output.log(await backupDatabase(config.databasePath, resolve(file)));
    else for (const line of await restoreDatabase(resolve(file), config.databasePath)) output.log(line);
    return 0;
  } catch (error) {
    output.error(error instanceof Error ? error.message : String(error));
    return 1;
  }
}

/** Leftovers of a backup or restore interrupted half-way, in a database's folder. */
export function leftovers(folder: string): string[] {
  return readdirSync(folder).filter((name) => /^\..*\.(partial|restoring)$/.test(name));
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [command, ...rest] = process.argv.slice(2);
  if (command !== 'backup' && command !== 'restore') {
    console.error(USAGE);
    process.exitCode = 1;
  } else {
    process.exitCode = await runBackupCli(command, rest, process.env);
  }
}
