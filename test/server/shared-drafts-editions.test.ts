import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { cyberSubmission, json, onStore, putContribution, RENNES_SIRET, startServer, testClock, type TestServer } from './helpers.js';

/**
 * A shared draft belongs to the edition whose wave was open when it was shared: it is shared only
 * within a wave, a late submission of it is refused with the wave's error and loses nothing, and
 * it ends when the next edition's wave opens. The server's clock is moved by the tests.
 */

const path = `/api/v1/brouillons/${RENNES_SIRET}/cybersecurite`;
const YEAR = 365 * 86_400_000;

describe(onStore('shared drafts and editions'), () => {
  let server: TestServer;
  const clock = testClock('2025-03-10T10:00:00Z');
  const setNow = clock.set;
  before(async () => {
    // A year's lifetime: only the editions end the draft here.
    server = await startServer({ sharedDrafts: { key: randomBytes(32), ttlMs: YEAR } }, { now: clock.now }, undefined, { awaitPublication: false });
  });
  after(async () => server?.close());

  const call = async (method: string, code?: string, body?: unknown) =>
    json(
      await fetch(`${server.url}${path}`, {
        method,
        headers: { ...(body ? { 'content-type': 'application/json' } : {}), ...(code ? { authorization: `Bearer ${code}` } : {}) },
        ...(body ? { body: JSON.stringify(body) } : {}),
      }),
    );
  const share = () => call('POST', undefined, { version: '2.0.0', author: { name: 'Marie' }, answers: { rssi: 'aucun' } });

  test('before the first wave opens, sharing is refused as a submission is: 409 wave_not_open with the wave’s days', async () => {
    setNow('2025-01-15T10:00:00Z');
    const refused = await share();
    assert.equal(refused.status, 409);
    assert.equal(refused.body.error, 'wave_not_open');
    assert.deepEqual(refused.body.details, { edition: '2025', state: 'upcoming', opens: '2025-02-03', closes: '2025-04-30' });
  });

  test('a draft shared in the 2025 wave outlives its close, where a late submission is refused and the draft kept; it ends when 2026 opens', async () => {
    setNow('2025-03-10T10:00:00Z');
    const created = await share();
    assert.equal(created.status, 201, JSON.stringify(created.body));
    // The 2026 wave of the theme opens on 2 February 2026, midnight in Paris.
    assert.equal(created.body.draft.expiresAt, '2026-02-01T23:00:00.000Z');
    const { code } = created.body as { code: string };

    setNow('2025-06-02T10:00:00Z');
    const late = await putContribution(server.url, RENNES_SIRET, 'cybersecurite', cyberSubmission());
    const refusal = await json(late);
    assert.equal(refusal.status, 409);
    // Between two editions, the refusal names the wave to come.
    assert.equal(refusal.body.error, 'wave_not_open');
    assert.deepEqual(refusal.body.details, { edition: '2026', state: 'upcoming', opens: '2026-02-02', closes: '2027-03-31' });
    const kept = await call('GET', code);
    assert.equal(kept.status, 200, 'the draft is kept');
    assert.deepEqual(
      kept.body.draft.entries.map((entry: { key: string; value: unknown }) => [entry.key, entry.value]),
      [['rssi', 'aucun']],
    );

    setNow('2026-02-02T08:00:00Z');
    const ended = await call('GET', code);
    assert.equal(ended.status, 410);
    assert.equal(ended.body.error, 'shared_draft_expired');
    // The 2026 edition's draft is shared afresh, and a submission of it closes it.
    const fresh = await share();
    assert.equal(fresh.status, 201);
    const { createdAt, expiresAt } = fresh.body.draft as { createdAt: string; expiresAt: string };
    assert.equal(Date.parse(expiresAt) - Date.parse(createdAt), YEAR, 'no later edition: its lifetime');
    assert.equal((await putContribution(server.url, RENNES_SIRET, 'cybersecurite', cyberSubmission())).status, 201);
    const sent = await call('GET', fresh.body.code);
    assert.equal(sent.status, 410);
    assert.equal(sent.body.error, 'shared_draft_sent');
    assert.equal(sent.body.details.closedAt.slice(0, 10), '2026-02-02', 'closed at the server’s time');
  });
});
