import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { definitions } from '../../src/questionnaires/all.js';
import { EDIT_CODE_BITS, editCodeDigest, editCodeMatches, newEditCode, readEditCode } from '../../src/server/security/edit-codes.js';
import { LOCK_MS, MAX_WRONG_CODES } from '../../src/server/security/lockout.js';
import { hashToken } from '../../src/server/security/tokens.js';
import type { ContributionInput, SubmitOutcome, SubmitRequest } from '../../src/server/store/types.js';
import {
  adminGet,
  collectivites,
  communeSiret,
  cyberAnswers,
  cyberSubmission,
  json,
  onStore,
  openTestStore,
  putContribution,
  startServer,
  type TestServer,
} from './helpers.js';
import { answersWithFreeText } from './hardening/free-text.js';

describe('edit codes', () => {
  test('are four groups of four Crockford characters, 80 random bits, read as people type them', () => {
    assert.equal(EDIT_CODE_BITS, 80);
    const codes = new Set(Array.from({ length: 2000 }, () => newEditCode()));
    assert.equal(codes.size, 2000);
    for (const code of codes) assert.match(code, /^[0-9A-HJKMNP-TV-Z]{4}(?:-[0-9A-HJKMNP-TV-Z]{4}){3}$/);
    // Lower case, spaces instead of hyphens, and the look-alikes Crockford reads as digits.
    assert.deepEqual(readEditCode(' 7kq4 m2xd 9hct rofb '), { kind: 'code', code: '7KQ4-M2XD-9HCT-R0FB' });
    assert.deepEqual(readEditCode('1LI1-0O00-AAAA-BBBB'), { kind: 'code', code: '1111-0000-AAAA-BBBB' });
    assert.deepEqual(readEditCode('7KQ4-M2XD-9HCT-R0F'), { kind: 'malformed' });
    assert.deepEqual(readEditCode('UUUU-M2XD-9HCT-R0FB'), { kind: 'malformed' });
    // Tokens handed out before codes still open their contribution.
    const legacy = 'a'.repeat(43);
    assert.equal(editCodeMatches(readEditCode(legacy), '200000001', 'cybersecurite', hashToken(legacy)), true);
  });

  test('are stored salted with the contribution they open', () => {
    const code = newEditCode();
    const digest = editCodeDigest(code, '200000001', 'cybersecurite');
    assert.equal(editCodeMatches(readEditCode(code.toLowerCase()), '200000001', 'cybersecurite', digest), true);
    assert.equal(editCodeMatches(readEditCode(code), '200000002', 'cybersecurite', digest), false);
    assert.equal(editCodeMatches(readEditCode(code), '200000001', 'inclusion', digest), false);
    assert.notDeepEqual(digest, hashToken(code));
  });
});

function input(siren: string): ContributionInput {
  return {
    siret: `${siren}00012`,
    siren,
    theme: 'cybersecurite',
    edition: '2026',
    version: '1.0.0',
    role: 'agent',
    answers: cyberAnswers(),
    placement: { name: 'Commune', kind: 'commune', band: '0-499', communeCode: '35001', epciCode: '243500139', departementCode: '35', regionCode: '53' },
  };
}

let keys = 0;
const request = (siren: string, now: string, extra: Partial<SubmitRequest> = {}): SubmitRequest => ({
  contribution: input(siren),
  newEditCode: newEditCode(),
  idempotency: { key: `lock-${process.pid}-${++keys}`, route: 'PUT /x', requestHash: 'h' },
  now,
  ...extra,
});
const respond = (outcome: SubmitOutcome) => ({ status: 200, body: outcome });

describe(onStore('edit code lock-out'), () => {
  test('wrong codes in a row lock the contribution for an hour, right code included; then it opens again', async () => {
    const { store, dispose } = await openTestStore();
    try {
      const code = newEditCode();
      const start = Date.parse('2025-01-01T00:00:00.000Z');
      const at = (ms: number) => new Date(start + ms).toISOString();
      assert.equal((await store.submit(request('200000101', at(0), { newEditCode: code }), respond)).kind, 'done');
      for (let attempt = 1; attempt < MAX_WRONG_CODES; attempt++) {
        const wrong = await store.submit(request('200000101', at(attempt), { presentedCode: newEditCode() }), respond);
        assert.deepEqual(wrong, { kind: 'refused', refusal: { kind: 'wrong_code', remainingAttempts: MAX_WRONG_CODES - attempt } });
      }
      const locking = await store.submit(request('200000101', at(10), { presentedCode: newEditCode() }), respond);
      assert.deepEqual(locking, { kind: 'refused', refusal: { kind: 'code_locked', lockedUntil: at(10 + LOCK_MS) } });
      // While locked even the right code is refused: the lock must not tell which guess was right.
      const right = await store.submit(request('200000101', at(20), { presentedCode: code }), respond);
      assert.deepEqual(right, { kind: 'refused', refusal: { kind: 'code_locked', lockedUntil: at(10 + LOCK_MS) } });
      // Sending for review stays open.
      const review = await store.submit(request('200000101', at(30), { presentedCode: code, review: true }), respond);
      assert.equal(review.kind === 'done' && review.outcome.kind, 'pending');
      // After the lock, the right code opens it and clears the count.
      const opened = await store.submit(request('200000101', at(11 + LOCK_MS), { presentedCode: code }), respond);
      assert.equal(opened.kind === 'done' && opened.outcome.kind, 'replaced');
      const counted = await store.submit(request('200000101', at(12 + LOCK_MS), { presentedCode: newEditCode() }), respond);
      assert.deepEqual(counted, { kind: 'refused', refusal: { kind: 'wrong_code', remainingAttempts: MAX_WRONG_CODES - 1 } });
    } finally {
      await dispose();
    }
  });
});

describe(onStore('edit codes and the review queue over HTTP'), () => {
  let server: TestServer;
  before(async () => {
    // Clients are told apart by the addresses a trusted proxy gives.
    server = await startServer({ trustProxy: true, pendingLimits: { perCollectivite: 2, overall: 6 } });
  });
  after(async () => {
    await server.close();
  });
  const from = (address: string, extra: Record<string, string> = {}) => ({ headers: { 'x-forwarded-for': address, ...extra } });

  test('repeated wrong codes answer 423 with Retry-After; sending for review still works', async () => {
    const siret = communeSiret('35238');
    const created = await json(await putContribution(server.url, siret, 'cybersecurite', cyberSubmission(), from('10.1.0.1')));
    assert.equal(created.status, 201);
    for (let attempt = 1; attempt < MAX_WRONG_CODES; attempt++) {
      const wrong = await json(await putContribution(server.url, siret, 'cybersecurite', cyberSubmission(), { ...from(`10.1.1.${attempt}`), token: newEditCode() }));
      assert.equal(wrong.status, 403);
      assert.equal(wrong.body.details.remainingAttempts, MAX_WRONG_CODES - attempt);
    }
    const locked = await json(await putContribution(server.url, siret, 'cybersecurite', cyberSubmission(), { ...from('10.1.2.1'), token: newEditCode() }));
    assert.equal(locked.status, 423);
    assert.equal(locked.body.error, 'edit_code_locked');
    assert.equal(locked.body.details.field, 'editCode');
    assert.equal(locked.body.details.canSendForReview, true);
    const retryAfter = Number(locked.headers.get('retry-after'));
    assert.ok(retryAfter > 3500 && retryAfter <= 3600, String(retryAfter));
    const right = await json(await putContribution(server.url, siret, 'cybersecurite', cyberSubmission(), { ...from('10.1.0.1'), token: created.body.editCode }));
    assert.equal(right.status, 423);
    const review = await json(
      await putContribution(server.url, siret, 'cybersecurite', { ...cyberSubmission(), review: true }, { ...from('10.1.0.1'), token: created.body.editCode }),
    );
    assert.equal(review.status, 409);
  });

  test('the queue holds a few per collectivité, newer replacing older from the same client, and a bounded total', async () => {
    const [a, b, c] = collectivites((x) => x.kind === 'commune' && x.departementCode === '22', 3).map((x) => x.siret);
    for (const siret of [a!, b!, c!]) {
      assert.equal((await putContribution(server.url, siret, 'inclusion', inclusionSubmission(), from('10.2.0.1'))).status, 201);
    }
    const first = await json(await putContribution(server.url, a!, 'inclusion', inclusionSubmission(), from('10.2.1.1')));
    const second = await json(await putContribution(server.url, a!, 'inclusion', inclusionSubmission(), from('10.2.1.2')));
    assert.deepEqual([first.status, second.status], [409, 409]);
    const third = await json(await putContribution(server.url, a!, 'inclusion', inclusionSubmission(), from('10.2.1.3')));
    assert.equal(third.status, 429);
    assert.equal(third.body.error, 'pending_limit_reached');
    assert.deepEqual(third.body.details, { scope: 'collectivite', limit: 2 });
    // The same client again: its newer submission takes its older one's place, even when full.
    const newer = await json(await putContribution(server.url, a!, 'inclusion', inclusionSubmission(), from('10.2.1.2')));
    assert.equal(newer.status, 409);
    assert.equal(newer.body.details.replacedPendingId, second.body.details.pendingId);

    // Overall: 6 at most (one already waits from the lock-out test, two for a).
    const statuses = [];
    for (const [index, siret] of [b!, b!, c!, c!].entries()) {
      statuses.push((await putContribution(server.url, siret, 'inclusion', inclusionSubmission(), from(`10.2.2.${index}`))).status);
    }
    assert.deepEqual(statuses, [409, 409, 409, 503]);
    const full = await json(await putContribution(server.url, c!, 'inclusion', inclusionSubmission(), from('10.2.3.1')));
    assert.equal(full.status, 503);
    assert.equal(full.body.error, 'pending_queue_full');
    assert.equal(full.headers.get('retry-after'), '3600');
    assert.match(full.body.message, /pleine/);
  });

  test('the administrator lists the queue a page at a time, filtered by theme and territory', async () => {
    const all = await json(await adminGet(server.url, '/api/v1/admin/pending?limit=200'));
    assert.equal(all.status, 200);
    assert.equal(all.body.next, null);
    const total = all.body.pending.length as number;
    assert.equal(total, 6);
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: Awaited<ReturnType<typeof json>> = await json(
        await adminGet(server.url, `/api/v1/admin/pending?limit=4${cursor ? `&cursor=${cursor}` : ''}`),
      );
      assert.equal(page.status, 200);
      assert.ok(page.body.pending.length <= 4);
      seen.push(...page.body.pending.map((p: { id: string }) => p.id));
      cursor = page.body.next;
      pages += 1;
    } while (cursor !== null);
    assert.equal(pages, 2);
    assert.deepEqual(seen, all.body.pending.map((p: { id: string }) => p.id), 'every submission once, oldest first');

    const inclusion = await json(await adminGet(server.url, '/api/v1/admin/pending?theme=inclusion'));
    assert.equal(inclusion.body.pending.length, 5);
    const cotesDArmor = await json(await adminGet(server.url, '/api/v1/admin/pending?territoire=departement:22&theme=inclusion'));
    assert.equal(cotesDArmor.body.pending.length, 5);
    const rennes = await json(await adminGet(server.url, '/api/v1/admin/pending?territoire=commune:35238'));
    assert.equal(rennes.body.pending.length, 1);
    assert.equal(rennes.body.pending[0].theme, 'cybersecurite');
    assert.equal((await json(await adminGet(server.url, '/api/v1/admin/pending?territoire=region:11'))).body.pending.length, 0);

    for (const [query, error] of [
      ['limit=500', 'invalid_query'],
      ['limit=0', 'invalid_query'],
      ['theme=nothing', 'invalid_query'],
      ['territoire=departement:999', 'invalid_territory'],
      ['cursor=not-a-cursor', 'invalid_cursor'],
      [`cursor=${Buffer.from('["x",1]').toString('base64url')}`, 'invalid_cursor'],
    ]) {
      const refused = await json(await adminGet(server.url, `/api/v1/admin/pending?${query}`));
      assert.equal(refused.status, 400, query);
      assert.equal(refused.body.error, error, query);
    }
    assert.equal((await fetch(`${server.url}/api/v1/admin/pending?limit=2`)).status, 401);
  });
});

/** Valid answers to the inclusion questionnaire. */
function inclusionSubmission() {
  return { role: 'agent' as const, version: definitions.inclusion.version, answers: answersWithFreeText(definitions.inclusion, 7, () => 'texte') };
}
