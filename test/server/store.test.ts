import assert from 'node:assert/strict';
import { join } from 'node:path';
import { rmSync } from 'node:fs';
import { after, describe, test } from 'node:test';
import Database from 'better-sqlite3';
import { MIGRATIONS } from '../../src/server/store/sqlite/migrations.js';
import { SqliteContributionStore } from '../../src/server/store/sqlite/sqlite-store.js';
import { hashToken, newEditToken } from '../../src/server/security/tokens.js';
import type { ContributionInput, SubmitOutcome } from '../../src/server/store/types.js';
import { cyberAnswers, tempDir } from './helpers.js';

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
const claim = () => ({ key: `k${++keys}`, route: 'PUT /x', requestHash: 'h' });

describe('SQLite store', () => {
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

  test('replacing with the edit token keeps history; a wrong token sets the submission aside', async () => {
    const store = SqliteContributionStore.open({ path: join(dir, 'history.db') });
    try {
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

      const current = await store.get('200000001', 'cybersecurite');
      assert.equal(current?.role, 'elu');
      assert.equal(current?.createdAt, '2024-01-01T00:00:00.000Z');
      assert.equal(current?.updatedAt, '2024-02-01T00:00:00.000Z');
      const history = await store.history('200000001', 'cybersecurite');
      assert.equal(history.length, 1);
      assert.equal(history[0]!.role, 'agent');
      assert.equal(history[0]!.replacedBy, 'edit_token');

      // The administrator accepts the pending one: the current version goes to history too.
      const [waiting] = await store.listPending();
      const adminToken = newEditToken();
      const decision = await store.acceptPending(waiting!.id, adminToken.hash, '2024-04-01T00:00:00.000Z');
      assert.equal(decision.kind, 'accepted');
      const afterAccept = await store.history('200000001', 'cybersecurite');
      assert.deepEqual(afterAccept.map((h) => [h.role, h.replacedBy]), [['agent', 'edit_token'], ['elu', 'admin']]);
      assert.equal((await store.get('200000001', 'cybersecurite'))?.updatedAt, '2024-04-01T00:00:00.000Z');
      assert.deepEqual(await store.listPending(), []);
      assert.equal((await store.listPending({ all: true }))[0]!.status, 'accepted');
    } finally {
      await store.close();
    }
  });

  test('two connections to one file agree on who was first', async () => {
    const path = join(dir, 'two.db');
    const a = SqliteContributionStore.open({ path });
    const b = SqliteContributionStore.open({ path });
    try {
      const [first, second] = await Promise.all([
        a.submit({ contribution: input('200000009'), newTokenHash: newEditToken().hash, idempotency: claim(), now: '2024-01-01T00:00:00.000Z' }, respond),
        b.submit({ contribution: input('200000009'), newTokenHash: newEditToken().hash, idempotency: claim(), now: '2024-01-01T00:00:01.000Z' }, respond),
      ]);
      const kinds = [first, second].map((r) => (r.kind === 'done' ? r.outcome.kind : r.kind)).sort();
      assert.deepEqual(kinds, ['created', 'pending']);
      assert.equal((await b.listPending()).length, 1);
    } finally {
      await a.close();
      await b.close();
    }
  });

  test('bulk inserts skip collectivités that already answered; respondents filter by territory', async () => {
    const store = SqliteContributionStore.open({ path: ':memory:' });
    try {
      const at = '2024-01-01T00:00:00.000Z';
      const record = (siren: string, placement: Partial<ContributionInput['placement']> = {}) => {
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
      const revisions = await store.blockRevisions('cybersecurite');
      const sorted = revisions.map((b) => `${b.regionCode}/${b.departementCode}=${b.revision}`).sort();
      assert.deepEqual(sorted, ['52/44=1', '53/29=1', '53/35=1']);
      assert.equal(await store.count(), 3);
      assert.deepEqual(await store.countByTheme(), { cybersecurite: 3 });
      const count = async (scope: Parameters<typeof store.respondents>[1]) => (await store.respondents('cybersecurite', scope)).length;
      assert.equal(await count({ level: 'france' }), 3);
      assert.equal(await count({ level: 'region', code: '53' }), 2);
      assert.equal(await count({ level: 'departement', code: '35' }), 1);
      assert.equal(await count({ level: 'epci', code: '243500139' }), 1);
      assert.equal(await count({ level: 'france', kind: 'epci' }), 1);
      assert.equal(await count({ level: 'france', band: '0-499' }), 2);
      assert.equal(await count({ level: 'block', block: { regionCode: '53', departementCode: '35' } }), 1);
      assert.equal(await count({ level: 'block', block: { regionCode: '53', departementCode: null } }), 0);
      const [one] = await store.respondents('cybersecurite', { level: 'departement', code: '35' });
      assert.deepEqual(Object.keys(one!).sort(), ['answers', 'band', 'departementCode', 'id', 'kind', 'regionCode', 'version']);
    } finally {
      await store.close();
    }
  });
});
