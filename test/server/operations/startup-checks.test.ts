// Start-up checks: a database the server must not run on stops it with one line naming the
// database and what to do, instead of a server that listens and answers 500s (or writes into a
// damaged file).
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, closeSync, mkdirSync, openSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import Database from 'better-sqlite3';
import { Client } from 'pg';
import { testConfig } from '../../../src/server/config.js';
import { runCheckDb } from '../../../src/server/ops/check-db.js';
import { openStore } from '../../../src/server/store/open.js';
import { SqliteContributionStore } from '../../../src/server/store/sqlite/sqlite-store.js';
import { DatabaseStartupError } from '../../../src/server/store/startup-error.js';
import { createTestDatabase, dropTestDatabase, onStore, TEST_STORE, tempDir as newTempDir } from '../helpers.js';

const dirs: string[] = [];
after(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = newTempDir();
  dirs.push(dir);
  return dir;
}

const sqliteOnly = { skip: TEST_STORE === 'postgres' ? 'a SQLite file' : false };

/** A server database with a few megabytes of rows, so that damage in its middle hits real pages. */
async function populatedFile(): Promise<string> {
  const path = join(tempDir(), 'barometre.db');
  await (SqliteContributionStore.open({ path })).close();
  const db = new Database(path);
  db.exec('CREATE TABLE filler (id INTEGER PRIMARY KEY, value TEXT); CREATE INDEX filler_value ON filler (value)');
  const insert = db.prepare('INSERT INTO filler (value) VALUES (?)');
  db.transaction(() => {
    for (let i = 0; i < 20_000; i++) insert.run(`row ${i} ${'x'.repeat(60)}`);
  })();
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  return path;
}

/** Overwrites 40 kB in the middle of a file, as a failing disk or a careless copy would. */
function damage(path: string): void {
  const middle = Math.floor(statSync(path).size / 2);
  const fd = openSync(path, 'r+');
  writeSync(fd, Buffer.alloc(40 * 1024, 0x5a), 0, 40 * 1024, middle);
  closeSync(fd);
}

function refusal(path: string): string {
  try {
    SqliteContributionStore.open({ path });
  } catch (error) {
    assert.ok(error instanceof DatabaseStartupError, `not a start-up refusal: ${String(error)}`);
    assert.doesNotMatch(error.message, /\n/, 'one line');
    return error.message;
  }
  assert.fail(`${path} was accepted`);
}

/** Runs `src/server/main.ts` to its exit; returns its code and everything it wrote. */
/** `nobody`, to run the server without root's right to write through permissions. */
const ORDINARY_USER = 65534;

function runMain(env: Record<string, string>, options: { uid?: number; gid?: number } = {}): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', BAROMETRE_SEED: 'none', BAROMETRE_LOG: 'off', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    ...options,
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, output })));
}

/** Whether the server's code can be loaded by an ordinary user (a clone inside a private folder cannot). */
function ordinaryUserCanRun(): boolean {
  const probe = spawnSync(process.execPath, ['--import', 'tsx', '-e', ''], { uid: ORDINARY_USER, gid: ORDINARY_USER, stdio: 'ignore' });
  return probe.status === 0;
}

describe(onStore('start-up checks'), () => {
  test('a damaged file is refused at start, with one line naming it and saying to restore a backup', sqliteOnly, async () => {
    const path = await populatedFile();
    damage(path);
    const message = refusal(path);
    assert.ok(message.includes(path), message);
    assert.match(message, /damaged/);
    assert.match(message, /npm run restore/);

    // The full check on demand says the same, and fails.
    const lines: string[] = [];
    const status = await runCheckDb({ BAROMETRE_DB: path }, { log: (line) => lines.push(line), error: (line) => lines.push(line) });
    assert.equal(status, 1);
    assert.match(lines.join('\n'), /damaged/);

    // And the server itself prints that one line and exits with 1, never listening.
    const run = await runMain({ BAROMETRE_DB: path });
    assert.equal(run.code, 1);
    assert.equal(run.output.trim().split('\n').length, 1, run.output);
    assert.ok(run.output.includes(path), run.output);
  });

  test('a sound file passes the full check', sqliteOnly, async () => {
    const path = await populatedFile();
    const lines: string[] = [];
    const status = await runCheckDb({ BAROMETRE_DB: path }, { log: (line) => lines.push(line), error: (line) => lines.push(line) });
    assert.equal(status, 0, lines.join('\n'));
    assert.match(lines[0]!, /^ok: .*full integrity check/);
  });

  test('a random file, a folder and a file of a newer release are refused, each saying what it is', sqliteOnly, () => {
    const dir = tempDir();
    const random = join(dir, 'random.db');
    writeFileSync(random, Buffer.alloc(16_384, 7));
    const notADatabase = refusal(random);
    assert.ok(notADatabase.includes(random));
    assert.match(notADatabase, /not a SQLite database/);

    const folder = join(dir, 'folder');
    mkdirSync(folder);
    assert.match(refusal(folder), /names a folder, not a file: .*folder\. Point it at the database file/);

    const newer = join(dir, 'newer.db');
    const db = new Database(newer);
    db.exec("CREATE TABLE schema_version (version INTEGER NOT NULL, applied_at TEXT NOT NULL, description TEXT NOT NULL); INSERT INTO schema_version VALUES (999, '', 'future')");
    db.close();
    assert.match(refusal(newer), /has schema version 999, newer than this release knows/);
  });

  test('a file the server cannot write is refused at start', sqliteOnly, async (t) => {
    // Root writes through permissions: the server then runs as an ordinary user, who cannot.
    const asRoot = process.getuid?.() === 0;
    if (asRoot && !ordinaryUserCanRun()) {
      t.skip('the project lies in a folder an ordinary user cannot read, so the server cannot run as one here');
      return;
    }
    const dir = tempDir();
    const path = join(dir, 'barometre.db');
    await SqliteContributionStore.open({ path }).close();
    chmodSync(path, 0o444);
    chmodSync(dir, 0o555);
    if (asRoot) chownSync(dir, 0, 0);
    try {
      const run = await runMain({ BAROMETRE_DB: path }, asRoot ? { uid: ORDINARY_USER, gid: ORDINARY_USER } : {});
      assert.equal(run.code, 1, run.output);
      assert.equal(run.output.trim().split('\n').length, 1, run.output);
      assert.ok(run.output.includes(path), run.output);
      assert.match(run.output, /cannot be written/);
    } finally {
      chmodSync(dir, 0o755);
    }
  });
});

describe(onStore('start-up checks on PostgreSQL'), { skip: TEST_STORE === 'postgres' ? false : 'PostgreSQL only' }, () => {
  test('a database written by a newer release is refused, named without its password', async () => {
    const database = await createTestDatabase();
    try {
      const client = new Client({ connectionString: database.url });
      await client.connect();
      await client.query(
        "CREATE TABLE schema_version (version integer NOT NULL, applied_at timestamptz NOT NULL, description text NOT NULL); INSERT INTO schema_version VALUES (999, now(), 'future')",
      );
      await client.end();
      await assert.rejects(openStore(testConfig({ postgres: { url: database.url, poolSize: 2 } })), (error: Error) => {
        assert.ok(error instanceof DatabaseStartupError);
        assert.match(error.message, /has schema version 999, newer than this release knows/);
        assert.ok(error.message.includes(database.name));
        return true;
      });
      const lines: string[] = [];
      const status = await runCheckDb({ BAROMETRE_DATABASE_URL: database.url }, { log: (l) => lines.push(l), error: (l) => lines.push(l) });
      assert.equal(status, 1);
      assert.match(lines[0]!, /schema version 999/);
    } finally {
      await dropTestDatabase(database.name);
    }
  });

  test('an unreachable server is refused with a hint, and check-db says so too', async () => {
    const url = 'postgres://barometre:s3cr3t@127.0.0.1:1/barometre';
    await assert.rejects(openStore(testConfig({ postgres: { url, poolSize: 2 } })), (error: Error) => {
      assert.match(error.message, /postgres:\/\/barometre@127\.0\.0\.1:1\/barometre: .*nothing answers at that address/);
      assert.doesNotMatch(error.message, /s3cr3t/);
      return true;
    });
    const lines: string[] = [];
    assert.equal(await runCheckDb({ BAROMETRE_DATABASE_URL: url }, { log: (l) => lines.push(l), error: (l) => lines.push(l) }), 1);
    assert.match(lines[0]!, /nothing answers/);
  });
});
