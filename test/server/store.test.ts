import assert from 'node:assert/strict';
import { join } from 'node:path';
import { rmSync } from 'node:fs';
import { after, describe, test } from 'node:test';
import Database from 'better-sqlite3';
import { Client } from 'pg';
import type { Answers } from '../../src/core/schema/questionnaire.js';
import { MIGRATIONS as POSTGRES_MIGRATIONS } from '../../src/server/store/postgres/migrations.js';
import { PostgresContributionStore } from '../../src/server/store/postgres/postgres-store.js';
import { MIGRATIONS } from '../../src/server/store/sqlite/migrations.js';
import { SqliteContributionStore } from '../../src/server/store/sqlite/sqlite-store.js';
import { hashToken, newEditToken } from '../../src/server/security/tokens.js';
import type { BulkRecord, ContributionInput, ContributionStore, SubmitOutcome, SubmitRequest } from '../../src/server/store/types.js';
import { createTestDatabase, cyberAnswers, dropTestDatabase, onStore, openTestStore, tempDir, TEST_STORE } from './helpers.js';

const dir = tempDir();
after(() => rmSync(dir, { recursive: true, force: true }));

function input(siren: string, overrides: Partial<ContributionInput> = {}): ContributionInput {
  return {
    siret: `${siren}00012`,
    siren,
    theme: 'cybersecurite',
    version: '1.0.0',
    role: 'agent',
    answers: cyberAnswers(),
    placement: {
      name: `Commune ${siren}`,
      kind: 'commune',
      band: '0-499',
      communeCode: '35001',
      epciCode: '243500139',
      departementCode: '35',
      regionCode: '53',
    },
    ...overrides,
  };
}

const respond = (outcome: SubmitOutcome) => ({ status: outcome.kind === 'created' ? 201 : outcome.kind === 'replaced' ? 200 : 409, body: outcome });
let keys = 0;
const claim = () => ({ key: `k${++keys}-${process.pid}-${Date.now()}`, route: 'PUT /x', requestHash: 'h' });

/** A submission of `siren` at `now`, with a fresh key unless one is given. */
function submission(siren: string, now: string, extra: Partial<SubmitRequest> = {}, overrides: Partial<ContributionInput> = {}): SubmitRequest {
  return { contribution: input(siren, overrides), newTokenHash: newEditToken().hash, idempotency: claim(), now, ...extra };
}

function outcomeOf(result: Awaited<ReturnType<ContributionStore['submit']>>): string {
  return result.kind === 'done' ? result.outcome.kind : result.kind;
}

/** Revisions as `région/département=revision`, sorted. */
async function revisions(store: ContributionStore): Promise<string[]> {
  return (await store.blockRevisions('cybersecurite')).map((b) => `${b.regionCode}/${b.departementCode}=${b.revision}`).sort();
}

/** Runs a test on a store of its own, on the database the tests run on. */
function withStore(run: (store: ContributionStore, openAnother: () => Promise<ContributionStore>) => Promise<void>) {
  return async () => {
    const opened = await openTestStore();
    try {
      await run(opened.store, opened.openAnother);
    } finally {
      await opened.dispose();
    }
  };
}

describe(onStore('store contract'), () => {
  test('replacing with the edit token keeps history; a wrong token sets the submission aside', withStore(async (store) => {
    const token = newEditToken();
    const first = await store.submit({ contribution: input('200000001'), newTokenHash: token.hash, idempotency: claim(), now: '2024-01-01T00:00:00.000Z' }, respond);
    assert.equal(first.kind === 'done' && first.outcome.kind, 'created');
    const replaced = await store.submit(
      { contribution: input('200000001', { role: 'elu' }), presentedToken: token.token, newTokenHash: newEditToken().hash, idempotency: claim(), now: '2024-02-01T00:00:00.000Z' },
      respond,
    );
    assert.equal(replaced.kind === 'done' && replaced.outcome.kind, 'replaced');
    const pending = await store.submit(
      { contribution: input('200000001', { role: 'agent' }), presentedToken: 'wrong', newTokenHash: newEditToken().hash, idempotency: claim(), now: '2024-03-01T00:00:00.000Z' },
      respond,
    );
    assert.equal(pending.kind === 'done' && pending.outcome.kind, 'pending');
    assert.equal(pending.kind === 'done' && pending.outcome.kind === 'pending' && pending.outcome.existingUpdatedAt, '2024-02-01T00:00:00.000Z');

    const current = await store.get('200000001', 'cybersecurite');
    assert.equal(current?.role, 'elu');
    assert.equal(current?.createdAt, '2024-01-01T00:00:00.000Z');
    assert.equal(current?.updatedAt, '2024-02-01T00:00:00.000Z');
    assert.deepEqual(await store.status('200000001', 'cybersecurite'), { exists: true, updatedAt: '2024-02-01T00:00:00.000Z' });
    assert.deepEqual(await store.status('200000002', 'cybersecurite'), { exists: false });
    const history = await store.history('200000001', 'cybersecurite');
    assert.equal(history.length, 1);
    assert.equal(history[0]!.role, 'agent');
    assert.equal(history[0]!.replacedBy, 'edit_token');
    assert.equal(history[0]!.replacedAt, '2024-02-01T00:00:00.000Z');

    // The administrator accepts the pending one: the current version goes to history too.
    const [waiting] = await store.listPending();
    assert.equal(waiting!.receivedAt, '2024-03-01T00:00:00.000Z');
    assert.equal(waiting!.status, 'pending');
    const adminToken = newEditToken();
    const decision = await store.acceptPending(waiting!.id, adminToken.hash, '2024-04-01T00:00:00.000Z');
    assert.deepEqual(decision, { kind: 'accepted', updatedAt: '2024-04-01T00:00:00.000Z', siret: '20000000100012', theme: 'cybersecurite' });
    assert.deepEqual(await store.acceptPending(waiting!.id, adminToken.hash, '2024-04-02T00:00:00.000Z'), { kind: 'already_decided', status: 'accepted' });
    assert.deepEqual(await store.rejectPending(waiting!.id, '2024-04-02T00:00:00.000Z'), { kind: 'already_decided', status: 'accepted' });
    assert.deepEqual(await store.acceptPending('no-such-id', adminToken.hash, '2024-04-02T00:00:00.000Z'), { kind: 'not_found' });
    assert.deepEqual(await store.rejectPending('nul\u0000id', '2024-04-02T00:00:00.000Z'), { kind: 'not_found' });
    const afterAccept = await store.history('200000001', 'cybersecurite');
    assert.deepEqual(afterAccept.map((h) => [h.role, h.replacedBy]), [['agent', 'edit_token'], ['elu', 'admin']]);
    assert.equal((await store.get('200000001', 'cybersecurite'))?.updatedAt, '2024-04-01T00:00:00.000Z');
    assert.deepEqual(await store.listPending(), []);
    const [decided] = await store.listPending({ all: true });
    assert.equal(decided!.status, 'accepted');
    assert.equal(decided!.decidedAt, '2024-04-01T00:00:00.000Z');
    // The accepted submission's author gets the administrator's new token, not the old one.
    const byOldToken = await store.submit(submission('200000001', '2024-05-01T00:00:00.000Z', { presentedToken: token.token }), respond);
    assert.equal(outcomeOf(byOldToken), 'pending');
    const byNewToken = await store.submit(submission('200000001', '2024-05-02T00:00:00.000Z', { presentedToken: adminToken.token }), respond);
    assert.equal(outcomeOf(byNewToken), 'replaced');
    // A rejected submission changes nothing.
    const [second] = await store.listPending();
    assert.deepEqual(await store.rejectPending(second!.id, '2024-05-03T00:00:00.000Z'), { kind: 'rejected' });
    assert.equal((await store.get('200000001', 'cybersecurite'))?.updatedAt, '2024-05-02T00:00:00.000Z');
    assert.deepEqual(await store.listPending(), []);
    assert.equal((await store.listPending({ all: true })).length, 2);
  }));

  test('an idempotency key replays its answer, refuses another request, and is never written twice', withStore(async (store) => {
    const idempotency = { key: 'same-key', route: 'PUT /x', requestHash: 'h1' };
    const first = await store.submit(submission('200000011', '2024-01-01T00:00:00.000Z', { idempotency }), respond);
    assert.equal(outcomeOf(first), 'created');
    const again = await store.submit(submission('200000011', '2024-01-01T00:00:05.000Z', { idempotency }), respond);
    assert.equal(again.kind, 'replay');
    assert.deepEqual(again.kind === 'replay' && again.response, first.kind === 'done' && first.response);
    const reused = await store.submit(submission('200000011', '2024-01-01T00:00:06.000Z', { idempotency: { ...idempotency, requestHash: 'h2' } }), respond);
    assert.equal(reused.kind, 'key_reused');
    assert.equal(await store.count(), 1);
    assert.deepEqual(await store.listPending({ all: true }), []);
  }));

  test('block revisions grow with every change to contributions, in the writing transaction', withStore(async (store) => {
    assert.deepEqual(await revisions(store), []);
    const token = newEditToken();
    await store.submit(submission('200000021', '2024-01-01T00:00:00.000Z', { newTokenHash: token.hash }), respond);
    await store.submit(submission('200000022', '2024-01-01T00:00:00.000Z'), respond);
    assert.deepEqual(await revisions(store), ['53/35=2']);
    // A submission set aside changes nothing that results count.
    await store.submit(submission('200000021', '2024-01-02T00:00:00.000Z'), respond);
    assert.deepEqual(await revisions(store), ['53/35=2']);
    // A replacement that moves the contribution changes both blocks.
    const moved = await store.submit(
      submission('200000021', '2024-01-03T00:00:00.000Z', { presentedToken: token.token }, {
        placement: { ...input('200000021').placement, departementCode: '29', communeCode: '29019' },
      }),
      respond,
    );
    assert.equal(outcomeOf(moved), 'replaced');
    assert.deepEqual(await revisions(store), ['53/29=1', '53/35=3']);
    // An accepted pending submission (placed in Ille-et-Vilaine) moves it back.
    const [pending] = await store.listPending();
    await store.acceptPending(pending!.id, newEditToken().hash, '2024-01-04T00:00:00.000Z');
    assert.deepEqual(await revisions(store), ['53/29=2', '53/35=4']);
    // A rejection changes nothing.
    await store.submit(submission('200000022', '2024-01-05T00:00:00.000Z'), respond);
    const [other] = await store.listPending();
    await store.rejectPending(other!.id, '2024-01-06T00:00:00.000Z');
    assert.deepEqual(await revisions(store), ['53/29=2', '53/35=4']);
    // A région's own block, with no département, is stored and read back with a null code.
    await store.submit(submission('200000023', '2024-01-07T00:00:00.000Z', {}, {
      placement: { ...input('200000023').placement, kind: 'region', communeCode: null, epciCode: null, departementCode: null },
    }), respond);
    assert.ok((await store.blockRevisions('cybersecurite')).some((b) => b.regionCode === '53' && b.departementCode === null && b.revision === 1));
    assert.equal((await store.respondents('cybersecurite', { level: 'block', block: { regionCode: '53', departementCode: null, band: '0-499' } })).length, 1);
    assert.equal((await store.respondents('cybersecurite', { level: 'block', block: { regionCode: '53', departementCode: '35', band: '0-499' } })).length, 2);
    assert.deepEqual(await store.blockRevisions('inclusion'), []);
    // The theme's revision is the sum of its blocks', read in one number.
    const sum = (await store.blockRevisions('cybersecurite')).reduce((total, block) => total + block.revision, 0);
    assert.equal(await store.revision('cybersecurite'), sum);
    assert.equal(await store.revision('inclusion'), 0);
  }));

  test('answers come back as they were written, whatever their text holds', withStore(async (store) => {
    // NUL and a lone surrogate: valid in a JavaScript string, refused by PostgreSQL's jsonb.
    const answers = { ...cyberAnswers(), note: 'a\u0000b \ud800 "quoted" \\ é', nested: { list: ['x', 'y'] } } as unknown as Answers;
    await store.submit(submission('200000031', '2024-01-01T00:00:00.000Z', {}, { answers, contactEmail: 'dpo@example.fr' }), respond);
    const stored = await store.get('200000031', 'cybersecurite');
    assert.deepEqual(stored?.answers, answers);
    assert.equal(stored?.contactEmail, 'dpo@example.fr');
    assert.deepEqual(stored?.placement, input('200000031').placement);
    const [respondent] = await store.respondents('cybersecurite', { level: 'france' });
    assert.deepEqual(respondent?.answers, answers);
    const [listed] = await store.listContributions('cybersecurite');
    assert.deepEqual(listed?.answers, answers);
    assert.equal(listed?.contactEmail, 'dpo@example.fr');
  }));

  test('two connections to one database agree on who was first', withStore(async (a, openAnother) => {
    const b = await openAnother();
    try {
      const [first, second] = await Promise.all([
        a.submit({ contribution: input('200000009'), newTokenHash: newEditToken().hash, idempotency: claim(), now: '2024-01-01T00:00:00.000Z' }, respond),
        b.submit({ contribution: input('200000009'), newTokenHash: newEditToken().hash, idempotency: claim(), now: '2024-01-01T00:00:01.000Z' }, respond),
      ]);
      const kinds = [first, second].map(outcomeOf).sort();
      assert.deepEqual(kinds, ['created', 'pending']);
      assert.equal((await b.listPending()).length, 1);
      // The same key on both at once: one write, and both hold the same answer.
      const idempotency = { key: 'shared-key', route: 'PUT /x', requestHash: 'h' };
      const results = await Promise.all(
        Array.from({ length: 8 }, (_, i) => (i % 2 ? a : b).submit(submission('200000010', '2024-01-01T00:00:02.000Z', { idempotency }), respond)),
      );
      assert.deepEqual(results.map((r) => r.kind).sort(), ['done', ...Array<string>(7).fill('replay')]);
      const responses = results.map((r) => (r.kind === 'key_reused' ? undefined : r.response));
      for (const response of responses) assert.deepEqual(response, responses[0]);
      assert.equal(await a.count(), 2);
      assert.deepEqual(await revisions(b), ['53/35=2']);
    } finally {
      await b.close();
    }
  }));

  test('bulk inserts skip collectivités that already answered; respondents filter by territory', withStore(async (store) => {
    const at = '2024-01-01T00:00:00.000Z';
    const record = (siren: string, placement: Partial<ContributionInput['placement']> = {}): BulkRecord => {
      const base = input(siren);
      return { ...base, placement: { ...base.placement, ...placement }, createdAt: at, updatedAt: at, editTokenHash: hashToken(siren) };
    };
    assert.deepEqual(await store.blockRevisions('cybersecurite'), []);
    const inserted = await store.bulkInsert([
      record('200000001'),
      record('200000001'),
      record('200000002', { departementCode: '29', communeCode: '29019', epciCode: null }),
      record('200000003', { kind: 'epci', band: '100000+', communeCode: null, epciCode: '200000003', regionCode: '52', departementCode: '44' }),
    ]);
    assert.equal(inserted, 3);
    // Each block's revision grew by its new rows; a block of another région is its own.
    assert.deepEqual(await revisions(store), ['52/44=1', '53/29=1', '53/35=1']);
    assert.equal(await store.count(), 3);
    assert.equal(await store.count('cybersecurite'), 3);
    assert.equal(await store.count('inclusion'), 0);
    assert.deepEqual(await store.countByTheme(), { cybersecurite: 3 });
    const count = async (scope: Parameters<typeof store.respondents>[1]) => (await store.respondents('cybersecurite', scope)).length;
    assert.equal(await count({ level: 'france' }), 3);
    assert.equal(await count({ level: 'region', code: '53' }), 2);
    assert.equal(await count({ level: 'departement', code: '35' }), 1);
    assert.equal(await count({ level: 'epci', code: '243500139' }), 1);
    assert.equal(await count({ level: 'commune', code: '29019' }), 1);
    assert.equal(await count({ level: 'france', kind: 'epci' }), 1);
    assert.equal(await count({ level: 'france', band: '0-499' }), 2);
    assert.equal(await count({ level: 'region', code: '53', kind: 'commune', band: '0-499' }), 2);
    assert.equal(await count({ level: 'block', block: { regionCode: '53', departementCode: '35', band: '0-499' } }), 1);
    assert.equal(await count({ level: 'block', block: { regionCode: '53', departementCode: null, band: '0-499' } }), 0);
    const [one] = await store.respondents('cybersecurite', { level: 'departement', code: '35' });
    assert.deepEqual(Object.keys(one!).sort(), ['answers', 'band', 'departementCode', 'id', 'kind', 'regionCode', 'version']);
    assert.equal(typeof one!.id, 'number');
    // Again: nothing new, nothing bumped.
    assert.equal(await store.bulkInsert([record('200000002'), record('200000003')]), 0);
    assert.deepEqual(await revisions(store), ['52/44=1', '53/29=1', '53/35=1']);
    // The export lists by SIRET.
    assert.deepEqual((await store.listContributions('cybersecurite')).map((r) => r.siren), ['200000001', '200000002', '200000003']);
    // A generator is read once, in batches.
    function* many() {
      for (let i = 0; i < 4500; i++) yield record(String(300000000 + i));
    }
    assert.equal(await store.bulkInsert(many()), 4500);
    assert.equal(await store.count(), 4503);
    assert.deepEqual(await revisions(store), ['52/44=1', '53/29=1', '53/35=4501']);
  }));
});

if (TEST_STORE === 'sqlite') describe('SQLite store', () => {
  test('creates its schema with numbered migrations, WAL and synchronous=FULL', async () => {
    const path = join(dir, 'schema.db');
    const store = SqliteContributionStore.open({ path });
    await store.close();
    // Opening again applies nothing twice.
    await SqliteContributionStore.open({ path }).close();
    const db = new Database(path, { readonly: true });
    try {
      const versions = db.prepare('SELECT version FROM schema_version ORDER BY version').all() as { version: number }[];
      assert.deepEqual(versions.map((v) => v.version), MIGRATIONS.map((m) => m.version));
      assert.equal(db.pragma('journal_mode', { simple: true }), 'wal');
      const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((t) => t.name);
      for (const table of ['contributions', 'contribution_history', 'pending_submissions', 'idempotency_keys', 'admin_actions']) {
        assert.ok(tables.includes(table), table);
      }
    } finally {
      db.close();
    }
    // synchronous is a setting of the connection, so ask the store's own.
    const open = SqliteContributionStore.open({ path: join(dir, 'pragma.db') });
    try {
      assert.deepEqual(open.durability(), { journalMode: 'wal', synchronous: 'full' });
    } finally {
      await open.close();
    }
  });

  test('refuses a database from a newer release', async () => {
    const path = join(dir, 'newer.db');
    await SqliteContributionStore.open({ path }).close();
    const db = new Database(path);
    db.prepare('INSERT INTO schema_version (version, applied_at, description) VALUES (?, ?, ?)').run(999, 'now', 'future');
    db.close();
    assert.throws(() => SqliteContributionStore.open({ path }), /newer/);
  });
});

if (TEST_STORE === 'postgres') describe('PostgreSQL store', () => {
  /** Runs SQL on a test database directly. */
  async function withClient<T>(url: string, run: (client: Client) => Promise<T>): Promise<T> {
    const client = new Client({ connectionString: url });
    await client.connect();
    try {
      return await run(client);
    } finally {
      await client.end();
    }
  }

  test('creates its schema with numbered migrations, applied once by instances starting together', async () => {
    const { name, url } = await createTestDatabase();
    try {
      // Five instances start at once on an empty database: the advisory lock makes them take turns.
      const stores = await Promise.all(Array.from({ length: 5 }, () => PostgresContributionStore.open({ url, poolSize: 2 })));
      await Promise.all(stores.map((store) => store.close()));
      await (await PostgresContributionStore.open({ url })).close();
      await withClient(url, async (client) => {
        const versions = await client.query<{ version: number }>('SELECT version FROM schema_version ORDER BY version');
        assert.deepEqual(versions.rows.map((v) => v.version), POSTGRES_MIGRATIONS.map((m) => m.version));
        assert.deepEqual(POSTGRES_MIGRATIONS.map((m) => m.version), MIGRATIONS.map((m) => m.version), 'the same steps as SQLite');
        const columns = await client.query<{ table_name: string; column_name: string; data_type: string }>(
          "SELECT table_name, column_name, data_type FROM information_schema.columns WHERE table_schema = 'public'",
        );
        const type = (table: string, column: string) => columns.rows.find((c) => c.table_name === table && c.column_name === column)?.data_type;
        for (const table of ['contributions', 'contribution_history', 'pending_submissions', 'idempotency_keys', 'admin_actions', 'block_revisions']) {
          assert.ok(columns.rows.some((c) => c.table_name === table), table);
        }
        assert.equal(type('contributions', 'edit_token_hash'), 'bytea');
        assert.equal(type('idempotency_keys', 'key_hash'), 'bytea');
        assert.equal(type('idempotency_keys', 'sealed_response'), 'bytea');
        assert.equal(type('contributions', 'updated_at'), 'timestamp with time zone');
      });
    } finally {
      await dropTestDatabase(name);
    }
  });

  test('refuses a database from a newer release', async () => {
    const { name, url } = await createTestDatabase();
    try {
      await (await PostgresContributionStore.open({ url })).close();
      await withClient(url, (client) =>
        client.query("INSERT INTO schema_version (version, applied_at, description) VALUES (999, now(), 'future')"),
      );
      await assert.rejects(PostgresContributionStore.open({ url }), /newer/);
    } finally {
      await dropTestDatabase(name);
    }
  });

  test('a failed connection says so without the password', async () => {
    const url = new URL(process.env.BAROMETRE_TEST_DATABASE_URL!);
    url.password = 'not-the-password-s3cr3t';
    await assert.rejects(PostgresContributionStore.open({ url: url.toString() }), (error: Error) => {
      assert.doesNotMatch(error.message, /s3cr3t/);
      return true;
    });
  });
});
