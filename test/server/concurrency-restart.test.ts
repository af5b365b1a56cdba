import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  adminGet,
  cyberSubmission,
  json,
  newKey,
  onStore,
  publications,
  publishNow,
  putContribution,
  RENNES_SIRET,
  startServer,
  tempDir,
} from './helpers.js';

describe(onStore('first contribution under concurrency'), () => {
  test('20 simultaneous first submissions: exactly one 201, nineteen 409 kept pending', async () => {
    // Twenty clients (addresses told by a trusted proxy), each with a place in the review queue.
    const server = await startServer({ trustProxy: true, pendingLimits: { perCollectivite: 20, overall: 1000 } });
    try {
      const responses = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          putContribution(server.url, RENNES_SIRET, 'cybersecurite', cyberSubmission({ double_authentification: i % 2 ? 'oui' : 'non' }), {
            headers: { 'x-forwarded-for': `10.0.0.${i + 1}` },
          }).then(json),
        ),
      );
      const statuses = responses.map((r) => r.status).sort();
      assert.deepEqual(statuses, [201, ...Array<number>(19).fill(409)]);
      const pendingIds = new Set(responses.filter((r) => r.status === 409).map((r) => r.body.details.pendingId));
      assert.equal(pendingIds.size, 19);

      const pending = await json(await adminGet(server.url, '/api/v1/admin/pending'));
      assert.equal(pending.body.pending.length, 19);
      assert.deepEqual(new Set(pending.body.pending.map((p: { id: string }) => p.id)), pendingIds);
      const health = await json(await fetch(`${server.url}/api/v1/health`));
      assert.equal(health.body.contributions, 1);
    } finally {
      await server.close();
    }
  });
});

describe(onStore('restart'), () => {
  test('closing and reopening the same database file keeps everything', async () => {
    const dir = tempDir();
    const first = await startServer({}, {}, dir);
    const key = newKey();
    const created = await json(await putContribution(first.url, RENNES_SIRET, 'cybersecurite', cyberSubmission(), { key }));
    assert.equal(created.status, 201);
    const conflict = await json(await putContribution(first.url, RENNES_SIRET, 'cybersecurite', cyberSubmission({ rssi: 'interne' })));
    assert.equal(conflict.status, 409);
    const published = await publishNow(first.url);
    assert.equal(published.contributions, 1);
    await first.close({ keepFiles: true });

    const second = await startServer({}, {}, dir);
    try {
      // The publication is served again as it was: none is computed at start when one exists
      // (the older one is the empty publication the first server made when it started).
      const listed = await publications(second.url);
      assert.deepEqual(listed[0], published);
      assert.deepEqual(listed.map((p) => p.contributions), [1, 0]);
      const results = await json(await fetch(`${second.url}/api/v1/resultats/cybersecurite?territoire=france`));
      assert.equal(results.status, 200);
      assert.deepEqual(results.body.publication, { id: published.id, publishedAt: published.publishedAt, edition: published.edition });
      assert.equal(results.body.series[0].status, 'insuffisant');
      const status = await json(await fetch(`${second.url}/api/v1/contributions/${RENNES_SIRET}/cybersecurite`));
      assert.deepEqual(status.body, { exists: true });
      const health = await json(await fetch(`${second.url}/api/v1/health`));
      assert.equal(health.body.contributions, 1);
      const pending = await json(await adminGet(second.url, '/api/v1/admin/pending'));
      assert.deepEqual(pending.body.pending.map((p: { id: string }) => p.id), [conflict.body.details.pendingId]);
      // The idempotency record survived too: a retry after the restart gets the original answer.
      const replay = await json(await putContribution(second.url, RENNES_SIRET, 'cybersecurite', cyberSubmission(), { key }));
      assert.equal(replay.status, 201);
      assert.deepEqual(replay.body, created.body);
      // And the edit token still works.
      const replaced = await putContribution(second.url, RENNES_SIRET, 'cybersecurite', cyberSubmission({ rssi: 'interne' }), {
        token: created.body.editToken,
      });
      assert.equal(replaced.status, 200);
    } finally {
      await second.close();
    }
  });
});
