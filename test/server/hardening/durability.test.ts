// Durability: the server process is killed with SIGKILL in the middle of a burst of concurrent
// contributions. After a restart on the same database file, every contribution the client saw
// acknowledged is there, exactly as sent, and nothing is half-written: a contribution never
// exists without the idempotency record that answers its retry, and every row is complete.
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import Database from 'better-sqlite3';
import { ADMIN_TOKEN, collectivites, createTestDatabase, cyberSubmission, dropTestDatabase, onStore, TEST_STORE, tempDir } from '../helpers.js';
import { startServerProcess } from './server-process.js';
import { parseCsv } from '../../helpers/csv.js';

const TARGETS = 300;
const IN_FLIGHT = 64;
/** Acknowledgements received before the kill: enough to matter, with plenty still in flight. */
const KILL_AFTER = 40;

const RSSI = ['aucun', 'interne', 'mutualise'] as const;

test(onStore('a SIGKILL during a burst of writes loses no acknowledged contribution and leaves nothing half-written'), async (t) => {
  const dir = tempDir();
  const databasePath = join(dir, 'barometre.db');
  // The store the tests run on: the SQLite file, or a fresh PostgreSQL database both processes use.
  const database = TEST_STORE === 'postgres' ? await createTestDatabase() : undefined;
  const env: Record<string, string> = {
    ...(database ? { BAROMETRE_DATABASE_URL: database.url } : { BAROMETRE_DB: databasePath }),
    BAROMETRE_ADMIN_TOKEN: ADMIN_TOKEN,
    BAROMETRE_RATE_LIMIT: '100000',
  };
  t.after(async () => {
    if (database) await dropTestDatabase(database.name);
    rmSync(dir, { recursive: true, force: true });
  });
  const targets = collectivites((c) => c.kind === 'commune', TARGETS).map((collectivite, i) => ({
    siret: collectivite.siret,
    key: `durability-${i}`,
    // Each one different, so what is read back can be told apart from a neighbour's.
    body: JSON.stringify({ ...cyberSubmission({ rssi: RSSI[i % RSSI.length] }, i % 2 ? 'elu' : 'agent'), contactEmail: `contact-${i}@mairie.example` }),
    rssi: RSSI[i % RSSI.length],
  }));
  const put = (api: string, target: (typeof targets)[number]) =>
    fetch(`${api}/contributions/${target.siret}/cybersecurite`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', 'idempotency-key': target.key },
      body: target.body,
    });

  const first = await startServerProcess(env);
  const acknowledged = new Map<number, { updatedAt: string; editToken: string }>();
  const attempted = new Set<number>();
  let next = 0;
  let killed = false;
  try {
    const worker = async () => {
      while (next < targets.length && !killed) {
        const index = next++;
        attempted.add(index);
        try {
          const response = await put(first.api, targets[index]!);
          const body = (await response.json()) as { status: string; updatedAt: string; editToken: string };
          // Only a complete answer counts as an acknowledgement: status and body both received.
          assert.equal(response.status, 201, `${targets[index]!.siret}: ${JSON.stringify(body)}`);
          acknowledged.set(index, { updatedAt: body.updatedAt, editToken: body.editToken });
          if (acknowledged.size >= KILL_AFTER && !killed) {
            killed = true;
            first.child.kill('SIGKILL');
          }
        } catch (error) {
          // After the kill a request fails on the wire; before it, nothing may fail.
          if (!killed) throw error;
        }
      }
    };
    await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
    await first.stop('SIGKILL');
  } catch (error) {
    await first.stop('SIGKILL');
    throw new Error(`${String(error)}\n${first.output()}`);
  }
  assert.ok(killed, 'the burst ended before the kill');
  const unacknowledged = [...attempted].filter((index) => !acknowledged.has(index));
  t.diagnostic(`${acknowledged.size} acknowledged, ${unacknowledged.length} cut off by the kill`);
  assert.ok(unacknowledged.length > 0, 'nothing was in flight when the process was killed');

  const second = await startServerProcess(env);
  try {
    // Every acknowledged contribution is there (its date, which the public is not told, is checked in the export below).
    for (const index of acknowledged.keys()) {
      const response = await fetch(`${second.api}/contributions/${targets[index]!.siret}/cybersecurite`);
      assert.deepEqual(await response.json(), { exists: true }, targets[index]!.siret);
    }

    // Every stored row is complete and is exactly what one request sent.
    const exported = await fetch(`${second.api}/export/cybersecurite.csv`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
    assert.equal(exported.status, 200);
    const [header, ...rows] = parseCsv(await exported.text());
    const column = (name: string) => header!.indexOf(name);
    const bySiret = new Map(targets.map((target, index) => [target.siret, index]));
    for (const row of rows) {
      const index = bySiret.get(row[column('siret')]!);
      assert.ok(index !== undefined && attempted.has(index), `a row nobody sent: ${row.join(',')}`);
      const target = targets[index]!;
      assert.equal(row[column('rssi')], target.rssi, target.siret);
      assert.equal(row[column('email_contact')], `contact-${index}@mairie.example`);
      assert.equal(row[column('role')], index % 2 ? 'elu' : 'agent');
      assert.equal(row[column('version')], '2.0.0');
      assert.notEqual(row[column('nom')], '');
      assert.match(row[column('mis_a_jour_le')]!, /^\d{4}-\d\d-\d\dT/);
      // An acknowledged contribution carries the date its author was given.
      const ack = acknowledged.get(index);
      if (ack) assert.equal(row[column('mis_a_jour_le')], ack.updatedAt, target.siret);
    }
    for (const index of acknowledged.keys()) assert.ok(rows.some((row) => row[column('siret')] === targets[index]!.siret));
    const health = (await (await fetch(`${second.api}/health`)).json()) as { contributions: number };
    assert.equal(health.contributions, rows.length);

    // Retrying with the same key: an acknowledged write answers as it did; one cut off is either
    // answered from its record (it was committed) or stored now. A 409 would mean a contribution
    // written without its idempotency record — half a transaction.
    for (const index of attempted) {
      const response = await put(second.api, targets[index]!);
      const body = (await response.json()) as { updatedAt: string; editToken: string };
      assert.equal(response.status, 201, `retry of ${targets[index]!.siret}: ${JSON.stringify(body)}`);
      const ack = acknowledged.get(index);
      if (ack) {
        assert.equal(response.headers.get('idempotent-replayed'), 'true');
        assert.deepEqual({ updatedAt: body.updatedAt, editToken: body.editToken }, ack);
      }
    }
    const after = (await (await fetch(`${second.api}/health`)).json()) as { contributions: number };
    assert.equal(after.contributions, attempted.size);
  } finally {
    await second.stop('SIGTERM');
  }
  if (!database) {
    // The file itself survived the kill intact, beyond what the API shows.
    const db = new Database(databasePath, { readonly: true, fileMustExist: true });
    try {
      assert.equal(db.pragma('integrity_check', { simple: true }), 'ok');
    } finally {
      db.close();
    }
  }
});
