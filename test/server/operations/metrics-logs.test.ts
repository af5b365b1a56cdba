// `/metrics` (Prometheus text, administrator only) counts requests per route, submissions by
// outcome, publications and database faults; the request log is JSON lines with a request id
// and no personal data.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import type Database from 'better-sqlite3';
import { SqliteContributionStore } from '../../../src/server/store/sqlite/sqlite-store.js';
import {
  ADMIN_TOKEN,
  adminGet,
  collectivites,
  cyberSubmission,
  json,
  onStore,
  publishNow,
  putContribution,
  RENNES_SIRET,
  startServer,
  TEST_STORE,
  tempDir,
} from '../helpers.js';

/** The value of one sample of the exposition, 0 when absent. */
function sample(text: string, series: string): number {
  const line = text.split('\n').find((candidate) => candidate.startsWith(`${series} `));
  return line === undefined ? 0 : Number(line.slice(series.length + 1));
}

describe(onStore('metrics and logs'), () => {
  test('/metrics needs the token and counts requests, submissions, publications and faults', async () => {
    const dir = tempDir();
    let db: Database.Database | undefined;
    const store =
      TEST_STORE === 'sqlite' ? SqliteContributionStore.open({ path: join(dir, 'barometre.db'), onOpen: (c) => (db = c) }) : undefined;
    const server = await startServer({}, store ? { store } : {}, dir);
    try {
      assert.equal((await fetch(`${server.url}/metrics`)).status, 401);
      const created = await json(await putContribution(server.url, RENNES_SIRET, 'cybersecurite', cyberSubmission()));
      assert.equal(created.status, 201);
      assert.equal((await putContribution(server.url, RENNES_SIRET, 'cybersecurite', cyberSubmission())).status, 409);
      assert.equal((await putContribution(server.url, RENNES_SIRET, 'cybersecurite', cyberSubmission(), { token: created.body.editCode })).status, 200);
      assert.equal((await putContribution(server.url, RENNES_SIRET, 'cybersecurite', { role: 'agent' })).status, 400);
      await publishNow(server.url);
      if (db) {
        db.pragma('query_only = ON');
        assert.equal((await putContribution(server.url, collectivites((c) => c.kind === 'epci', 1)[0]!.siret, 'cybersecurite', cyberSubmission())).status, 503);
        db.pragma('query_only = OFF');
      }

      const response = await adminGet(server.url, '/metrics');
      assert.equal(response.status, 200);
      assert.match(response.headers.get('content-type') ?? '', /^text\/plain; version=0\.0\.4/);
      const text = await response.text();
      assert.equal(sample(text, 'barometre_submissions_total{outcome="created"}'), 1);
      assert.equal(sample(text, 'barometre_submissions_total{outcome="pending"}'), 1);
      assert.equal(sample(text, 'barometre_submissions_total{outcome="updated"}'), 1);
      assert.ok(sample(text, 'barometre_submissions_total{outcome="refused"}') >= 1);
      assert.equal(sample(text, 'barometre_http_requests_total{route="/api/v1/contributions/:siret/:theme",method="PUT",status="201"}'), 1);
      assert.ok(sample(text, 'barometre_http_request_duration_seconds_count{route="/api/v1/contributions/:siret/:theme",method="PUT"}') >= 4);
      // The first publication at start and the one asked for.
      assert.ok(sample(text, 'barometre_publication_duration_seconds_count{outcome="published"}') >= 1);
      assert.ok(sample(text, 'barometre_last_publication_timestamp_seconds') > 1_700_000_000);
      assert.equal(sample(text, 'barometre_database_errors_total{fault="storage_read_only"}'), db ? 1 : 0);
      assert.equal(sample(text, 'barometre_database_errors_total{fault="storage_full"}'), 0);
      // Routes as declared, never a SIRET.
      assert.doesNotMatch(text, new RegExp(RENNES_SIRET));
    } finally {
      await server.close();
      await store?.close();
    }
  });

  test('the log is JSON lines with a request id, and holds no SIRET, answers, e-mail nor edit code', async () => {
    const lines: string[] = [];
    const server = await startServer({ logger: true }, { logStream: { write: (line) => lines.push(line) } });
    try {
      const email = 'secretaire.mairie@rennes.example';
      const created = await json(
        await putContribution(server.url, RENNES_SIRET, 'cybersecurite', { ...cyberSubmission({ rssi: 'interne' }), contactEmail: email }, {
          headers: { 'x-request-id': 'proxy-id-123' },
        }),
      );
      assert.equal(created.status, 201);
      assert.equal(created.headers.get('x-request-id'), 'proxy-id-123');
      const replaced = await putContribution(server.url, RENNES_SIRET, 'cybersecurite', cyberSubmission(), { token: created.body.editCode });
      assert.equal(replaced.status, 200);
      assert.match(replaced.headers.get('x-request-id') ?? '', /^[0-9a-f-]{36}$/);
      await fetch(`${server.url}/api/v1/collectivites/${RENNES_SIRET}?token=${ADMIN_TOKEN}`);

      const entries = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
      const ours = entries.filter((entry) => entry.requestId === 'proxy-id-123');
      assert.ok(ours.length >= 2, 'the request and its answer');
      assert.ok(ours.some((entry) => (entry.req as { route?: string } | undefined)?.route === '/api/v1/contributions/:siret/:theme'));
      const all = lines.join('\n');
      for (const secret of [RENNES_SIRET, RENNES_SIRET.slice(0, 9), email, created.body.editCode, 'rssi', ADMIN_TOKEN]) {
        assert.ok(!all.includes(secret), `the log holds ${secret}: ${lines.find((line) => line.includes(secret))}`);
      }
      // Nor the client's address (personal data too), nor a URL.
      assert.doesNotMatch(all, /remoteAddress|"url"/);
    } finally {
      await server.close();
    }
  });
});
