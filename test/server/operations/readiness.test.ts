// Readiness (`/api/v1/health/ready`) tells a load balancer whether to send traffic here: 503 when
// the database cannot take writes or the disk is nearly full, 200 `degraded` when only the
// publication is stale; liveness (`/api/v1/health`) stays as it was.
import assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import type Database from 'better-sqlite3';
import { SqliteContributionStore } from '../../../src/server/store/sqlite/sqlite-store.js';
import { json, onStore, openTestStore, startServer, TEST_STORE, tempDir } from '../helpers.js';

async function ready(url: string) {
  return json(await fetch(`${url}/api/v1/health/ready`));
}

describe(onStore('readiness'), () => {
  test('a sound instance is ready, and says what it checked', async () => {
    const server = await startServer();
    try {
      const answer = await ready(server.url);
      assert.equal(answer.status, 200);
      assert.equal(answer.body.status, 'ready');
      const { database, disk, faults, publication, shutdown } = answer.body.checks;
      assert.deepEqual(database, { ok: true, kind: TEST_STORE === 'postgres' ? 'postgresql' : 'sqlite', writable: true });
      if (TEST_STORE === 'sqlite') {
        assert.equal(disk.ok, true);
        assert.ok(disk.freeBytes > 0);
        assert.equal(disk.minFreeBytes, 100 * 1024 * 1024);
      } else {
        assert.deepEqual(disk, { ok: true, watched: false });
      }
      assert.deepEqual(faults, { ok: true, last: null });
      assert.deepEqual(shutdown, { ok: true });
      assert.equal(publication.ok, true);
      assert.match(publication.id, /^\d{4}-/);
      assert.ok(publication.ageSeconds >= 0);
      assert.equal(answer.headers.get('cache-control'), 'no-store');
      // Liveness is unchanged.
      assert.equal((await json(await fetch(`${server.url}/api/v1/health`))).body.status, 'ok');
    } finally {
      await server.close();
    }
  });

  test('a disk under the free-space threshold makes the instance not ready', { skip: TEST_STORE === 'postgres' }, async () => {
    const server = await startServer({ minFreeDiskBytes: Number.MAX_SAFE_INTEGER });
    try {
      const answer = await ready(server.url);
      assert.equal(answer.status, 503);
      assert.equal(answer.body.status, 'not_ready');
      assert.equal(answer.body.checks.disk.ok, false);
      assert.equal(answer.body.checks.database.ok, true);
    } finally {
      await server.close();
    }
  });

  test('a database that takes no write makes it not ready, and ready again once it does', { skip: TEST_STORE === 'postgres' }, async () => {
    const dir = tempDir();
    let db: Database.Database | undefined;
    const store = SqliteContributionStore.open({ path: join(dir, 'barometre.db'), onOpen: (connection) => (db = connection) });
    const server = await startServer({}, { store }, dir);
    try {
      db!.pragma('query_only = ON');
      const refused = await ready(server.url);
      assert.equal(refused.status, 503);
      assert.deepEqual(refused.body.checks.database, { ok: false, writable: false, fault: 'storage_read_only' });
      db!.pragma('query_only = OFF');
      assert.equal((await ready(server.url)).status, 200);
    } finally {
      await server.close();
      await store.close();
    }
  });

  test('a stale publication degrades the instance but keeps it in the pool', async () => {
    const { store, dispose } = await openTestStore();
    const publishedAt = new Date(Date.now() - 24 * 3_600_000).toISOString();
    const empty = gzipSync(JSON.stringify({}));
    await store.savePublication({ id: publishedAt.replaceAll(':', '-').replace('.', '-'), publishedAt, edition: '2026', contributions: 0, figures: empty, ledger: empty });
    const server = await startServer({ publicationIntervalMs: 3_600_000 }, { store });
    try {
      const answer = await ready(server.url);
      assert.equal(answer.status, 200);
      assert.equal(answer.body.status, 'degraded');
      const { publication } = answer.body.checks;
      assert.equal(publication.ok, false);
      assert.ok(publication.ageSeconds >= 24 * 3600 - 5);
      assert.equal(publication.maxAgeSeconds, 3 * 3600 + 600);
    } finally {
      await server.close();
      await dispose();
    }
  });
});
