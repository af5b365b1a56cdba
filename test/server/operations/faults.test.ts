// Faults of the server's own machine — a full disk, a read-only database, a lost PostgreSQL
// connection — answer 503 with a code of their own, in the request's language, with Retry-After;
// nothing acknowledged is lost, and the server works again once the fault is gone.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import type Database from 'better-sqlite3';
import { Client } from 'pg';
import { SqliteContributionStore } from '../../../src/server/store/sqlite/sqlite-store.js';
import {
  collectivites,
  cyberSubmission,
  json,
  newKey,
  onStore,
  putContribution,
  RENNES_SIRET,
  startServer,
  TEST_STORE,
  tempDir,
} from '../helpers.js';

/** A server on a SQLite file whose connection the test holds, to set SQLite's own limits on it. */
async function sqliteServer() {
  const dir = tempDir();
  let connection: Database.Database | undefined;
  const store = SqliteContributionStore.open({ path: join(dir, 'barometre.db'), onOpen: (db) => (connection = db) });
  const server = await startServer({}, { store }, dir);
  return {
    server,
    db: connection!,
    async close() {
      await server.close();
      await store.close();
    },
  };
}

function assertFault(response: Awaited<ReturnType<typeof json>>, code: string, retryAfter: string | null): void {
  assert.equal(response.status, 503, JSON.stringify(response.body));
  assert.equal(response.body.error, code);
  assert.equal(response.headers.get('retry-after'), retryAfter);
  assert.equal(response.headers.get('x-content-type-options'), 'nosniff');
  assert.equal(response.headers.get('cache-control'), 'no-store');
}

describe(onStore('faults of the machine'), () => {
  test('a full disk answers 503 storage_full; what was acknowledged stays, and writes resume once there is room', { skip: TEST_STORE === 'postgres' }, async () => {
    const { server, db, close } = await sqliteServer();
    try {
      const first = await json(await putContribution(server.url, RENNES_SIRET, 'cybersecurite', cyberSubmission()));
      assert.equal(first.status, 201);
      // The file may not grow by a page more: SQLite answers SQLITE_FULL, as on a full disk.
      db.pragma(`max_page_count = ${Number(db.pragma('page_count', { simple: true }))}`);
      const targets = collectivites((c) => c.kind === 'commune' && c.siret !== RENNES_SIRET, 200);
      let refused: Awaited<ReturnType<typeof json>> | undefined;
      let refusedTarget: (typeof targets)[number] | undefined;
      for (const target of targets) {
        const response = await json(await putContribution(server.url, target.siret, 'cybersecurite', cyberSubmission(), { lang: 'en' }));
        if (response.status !== 503) {
          assert.equal(response.status, 201, JSON.stringify(response.body));
          continue;
        }
        refused = response;
        refusedTarget = target;
        break;
      }
      assert.ok(refused && refusedTarget, 'the "disk" never filled');
      assertFault(refused, 'storage_full', '300');
      assert.match(refused.body.message, /storage is full\. Nothing was saved/);

      // Readiness tells the load balancer at once, though the disk itself has room left.
      const readiness = await json(await fetch(`${server.url}/api/v1/health/ready`));
      assert.equal(readiness.status, 503);
      assert.equal(readiness.body.checks.faults.last.fault, 'storage_full');

      // Reads go on, and the first contribution is there as acknowledged.
      const status = await json(await fetch(`${server.url}/api/v1/contributions/${RENNES_SIRET}/cybersecurite`));
      assert.deepEqual(status.body, { exists: true });

      // Room again: the refused submission goes through (its key was not used up).
      db.pragma('max_page_count = 1073741823');
      const retried = await json(await putContribution(server.url, refusedTarget.siret, 'cybersecurite', cyberSubmission()));
      assert.equal(retried.status, 201, JSON.stringify(retried.body));
    } finally {
      await close();
    }
  });

  test('a read-only database answers 503 storage_read_only, in French by default', { skip: TEST_STORE === 'postgres' }, async () => {
    const { server, db, close } = await sqliteServer();
    try {
      db.pragma('query_only = ON');
      const key = newKey();
      const refused = await json(await putContribution(server.url, RENNES_SIRET, 'cybersecurite', cyberSubmission(), { key }));
      assertFault(refused, 'storage_read_only', '300');
      assert.match(refused.body.message, /lecture seule\. Rien n’a été enregistré/);
      db.pragma('query_only = OFF');
      const accepted = await json(await putContribution(server.url, RENNES_SIRET, 'cybersecurite', cyberSubmission(), { key }));
      assert.equal(accepted.status, 201);
    } finally {
      await close();
    }
  });

  test('lost PostgreSQL connections answer 503 database_unavailable, and the pool reconnects', { skip: TEST_STORE !== 'postgres' }, async () => {
    const server = await startServer();
    const name = new URL(server.databaseUrl!).pathname.slice(1);
    const admin = new Client({ connectionString: process.env.BAROMETRE_TEST_DATABASE_URL });
    await admin.connect();
    try {
      // Every connection of the server is cut, and no new one is allowed: the database is "down".
      await admin.query(`ALTER DATABASE "${name}" ALLOW_CONNECTIONS false`);
      await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [name]);
      const key = newKey();
      const refused = await json(await putContribution(server.url, RENNES_SIRET, 'cybersecurite', cyberSubmission(), { key, lang: 'en' }));
      assertFault(refused, 'database_unavailable', '5');
      assert.match(refused.body.message, /not answering for now/);
      const read = await json(await fetch(`${server.url}/api/v1/contributions/${RENNES_SIRET}/cybersecurite`));
      assertFault(read, 'database_unavailable', '5');
      const readiness = await json(await fetch(`${server.url}/api/v1/health/ready`));
      assert.equal(readiness.status, 503);
      assert.deepEqual(readiness.body.checks.database, { ok: false, writable: false, fault: 'database_unavailable' });

      await admin.query(`ALTER DATABASE "${name}" ALLOW_CONNECTIONS true`);
      const accepted = await json(await putContribution(server.url, RENNES_SIRET, 'cybersecurite', cyberSubmission(), { key }));
      assert.equal(accepted.status, 201, JSON.stringify(accepted.body));
    } finally {
      await admin.query(`ALTER DATABASE "${name}" ALLOW_CONNECTIONS true`).catch(() => undefined);
      await admin.end();
      await server.close();
    }
  });

  test('a connection lost in the middle of a submission answers 503, and the server goes on', { skip: TEST_STORE !== 'postgres' }, async () => {
    const server = await startServer();
    // On the server's own database: its lock holds the submission inside its transaction.
    const blocker = new Client({ connectionString: server.databaseUrl });
    await blocker.connect();
    try {
      await blocker.query('BEGIN');
      await blocker.query('LOCK TABLE idempotency_keys IN ACCESS EXCLUSIVE MODE');
      const key = newKey();
      const pending = putContribution(server.url, RENNES_SIRET, 'cybersecurite', cyberSubmission(), { key, lang: 'en' });
      // The submission's transaction waits for the lock on its first statement: its connection is cut there.
      let terminated = 0;
      for (let attempt = 0; terminated === 0; attempt++) {
        assert.ok(attempt < 200, 'the submission never waited for the lock');
        await new Promise((resolve) => setTimeout(resolve, 25));
        const { rows } = await blocker.query<{ terminated: boolean }>(
          `SELECT pg_terminate_backend(pid) AS terminated FROM pg_stat_activity
           WHERE datname = current_database() AND application_name = 'barometre-api' AND wait_event_type = 'Lock'`,
        );
        terminated = rows.filter((row) => row.terminated).length;
      }
      const refused = await json(await pending);
      assertFault(refused, 'database_unavailable', '5');
      await blocker.query('ROLLBACK');

      // The same process answers on: the submission goes through with its key, and reads work.
      const accepted = await json(await putContribution(server.url, RENNES_SIRET, 'cybersecurite', cyberSubmission(), { key }));
      assert.equal(accepted.status, 201, JSON.stringify(accepted.body));
      const status = await json(await fetch(`${server.url}/api/v1/contributions/${RENNES_SIRET}/cybersecurite`));
      assert.deepEqual(status.body, { exists: true });
    } finally {
      await blocker.end();
      await server.close();
    }
  });
});
