// Backups of the SQLite database are made online, with SQLite's backup API, while the server
// writes; a restored database serves the same publication and accepts the same edit codes.
import assert from 'node:assert/strict';
import { closeSync, existsSync, openSync, readdirSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { leftovers, runBackupCli } from '../../../src/server/ops/backup.js';
import {
  collectivites,
  cyberSubmission,
  json,
  onStore,
  publications,
  publishNow,
  putContribution,
  RENNES_SIRET,
  servedPublication,
  startServer,
  TEST_STORE,
  tempDir,
} from '../helpers.js';

function cli(command: 'backup' | 'restore', file: string, databasePath: string) {
  const lines: string[] = [];
  const status = runBackupCli(command, [file], { BAROMETRE_DB: databasePath }, { log: (l) => lines.push(l), error: (l) => lines.push(l) });
  return status.then((code) => ({ code, output: lines.join('\n') }));
}

describe(onStore('backup and restore'), { skip: TEST_STORE === 'postgres' ? 'SQLite: PostgreSQL has pg_dump' : false }, () => {
  test('a backup made while the server writes restores a database serving the same publication and edit codes', async () => {
    const source = await startServer();
    const backups = tempDir();
    const backup = join(backups, 'barometre-backup.db');
    const created = await json(await putContribution(source.url, RENNES_SIRET, 'cybersecurite', cyberSubmission()));
    assert.equal(created.status, 201);
    const published = await publishNow(source.url);
    // Writes go on during the backup: it copies one consistent state all the same.
    const writes = collectivites((c) => c.kind === 'commune' && c.siret !== RENNES_SIRET, 40).map((c) =>
      putContribution(source.url, c.siret, 'cybersecurite', cyberSubmission()),
    );
    const made = await cli('backup', backup, source.config.databasePath);
    await Promise.all(writes);
    assert.equal(made.code, 0, made.output);
    assert.match(made.output, /^ok: .* backed up to .*latest publication/);
    assert.deepEqual(leftovers(backups), []);
    // A backup never replaces a file.
    const again = await cli('backup', backup, source.config.databasePath);
    assert.equal(again.code, 1);
    assert.match(again.output, /exists already/);
    const listed = await publications(source.url);
    await source.close();

    // A new machine: the backup restored where its server will look.
    const dir = tempDir();
    const restoredPath = join(dir, 'barometre.db');
    const restored = await cli('restore', backup, restoredPath);
    assert.equal(restored.code, 0, restored.output);
    const server = await startServer({}, {}, dir);
    try {
      assert.deepEqual(await publications(server.url), listed);
      assert.equal((await servedPublication(server.url)).id, published.id);
      // The edit code given before the backup still opens the contribution.
      const edited = await putContribution(server.url, RENNES_SIRET, 'cybersecurite', cyberSubmission({ rssi: 'interne' }), {
        token: created.body.editCode,
      });
      assert.equal(edited.status, 200);
    } finally {
      await server.close({ keepFiles: true });
    }

    // Restoring over a database keeps that one aside, with its journal.
    const over = await cli('restore', backup, restoredPath);
    assert.equal(over.code, 0, over.output);
    assert.match(over.output, /The database that was there is kept as .*before-restore-/);
    const kept = readdirSync(dir).filter((name) => name.startsWith('barometre.db.before-restore-'));
    assert.ok(kept.some((name) => /before-restore-[\dTZ-]+$/.test(name)), kept.join(', '));
    assert.ok(!existsSync(`${restoredPath}-wal`));
  });

  test('a damaged backup is refused and the database left as it was', async () => {
    const server = await startServer({}, {}, undefined, { awaitPublication: false });
    const backup = join(tempDir(), 'backup.db');
    assert.equal((await cli('backup', backup, server.config.databasePath)).code, 0);
    await server.close({ keepFiles: true });
    const fd = openSync(backup, 'r+');
    writeSync(fd, Buffer.alloc(4096, 0x5a), 0, 4096, Math.floor(statSync(backup).size / 2));
    closeSync(fd);
    const before = statSync(server.config.databasePath).mtimeMs;
    const refused = await cli('restore', backup, server.config.databasePath);
    assert.equal(refused.code, 1);
    assert.match(refused.output, /damaged|not a backup/);
    assert.equal(statSync(server.config.databasePath).mtimeMs, before);
    assert.deepEqual(leftovers(server.dir), []);
  });
});
