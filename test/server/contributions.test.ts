import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  adminGet,
  communeSiret,
  cyberSubmission,
  json,
  newKey,
  onStore,
  putContribution,
  RENNES_SIRET,
  startServer,
  storedData,
  type TestServer,
} from './helpers.js';

describe(onStore('PUT and GET /contributions/:siret/:theme'), () => {
  let server: TestServer;
  before(async () => {
    server = await startServer();
  });
  after(async () => {
    await server.close();
  });

  test('a first contribution is created, with an edit code given once', async () => {
    const status = await json(await fetch(`${server.url}/api/v1/contributions/${RENNES_SIRET}/cybersecurite`));
    assert.equal(status.status, 200);
    assert.deepEqual(status.body, { exists: false });

    const created = await json(await putContribution(server.url, RENNES_SIRET, 'cybersecurite', cyberSubmission()));
    assert.equal(created.status, 201);
    assert.equal(created.body.status, 'created');
    // Four groups of four characters of Crockford's base 32: no I, L, O nor U.
    assert.match(created.body.editCode, /^[0-9A-HJKMNP-TV-Z]{4}(?:-[0-9A-HJKMNP-TV-Z]{4}){3}$/);
    assert.equal(created.body.editToken, created.body.editCode, 'the former name still carries it');
    assert.equal(created.body.verification, 'unverified');
    assert.ok(!Number.isNaN(Date.parse(created.body.updatedAt)));

    const after = await json(await fetch(`${server.url}/api/v1/contributions/${RENNES_SIRET}/cybersecurite`));
    assert.equal(after.headers.get('cache-control'), 'no-store');
    // The status says that an answer exists, never what, who, nor when: a date would tell anyone
    // comparing two publications whose answers moved the figures.
    assert.deepEqual(after.body, { exists: true });
  });

  test('the edit token replaces the contribution and keeps the previous version in history', async () => {
    const siret = communeSiret('29019');
    const first = await json(await putContribution(server.url, siret, 'cybersecurite', cyberSubmission()));
    assert.equal(first.status, 201);
    const replaced = await json(
      await putContribution(server.url, siret, 'cybersecurite', cyberSubmission({ rssi: 'mutualise' }, 'elu'), {
        token: first.body.editToken,
      }),
    );
    assert.equal(replaced.status, 200);
    assert.equal(replaced.body.status, 'replaced');
    assert.ok(Date.parse(replaced.body.updatedAt) >= Date.parse(first.body.updatedAt));
    assert.equal(replaced.body.editToken, undefined);

    const csv = await (await adminGet(server.url, '/api/v1/export/cybersecurite.csv')).text();
    const row = csv.split('\r\n').find((line) => line.startsWith(siret));
    assert.ok(row?.includes(',elu,'), 'the export shows the new version');

    // The token still works for the next change.
    const again = await putContribution(server.url, siret, 'cybersecurite', cyberSubmission({ rssi: 'interne' }), {
      token: first.body.editToken,
    });
    assert.equal(again.status, 200);
  });

  test('without a code, a second submission is kept aside as pending, never overwriting; a wrong code is an error', async () => {
    const siret = communeSiret('56260');
    const first = await json(await putContribution(server.url, siret, 'cybersecurite', cyberSubmission()));
    assert.equal(first.status, 201);

    const conflict = await json(await putContribution(server.url, siret, 'cybersecurite', cyberSubmission({ rssi: 'interne' })));
    assert.equal(conflict.status, 409);
    assert.equal(conflict.body.error, 'contribution_exists');
    assert.match(conflict.body.message, /déjà répondu/);
    assert.match(conflict.body.details.pendingId, /^[0-9a-f-]{36}$/);
    // Whoever sends answers for any SIRET learns that one exists, not when it was written.
    assert.deepEqual(Object.keys(conflict.body.details), ['pendingId']);
    assert.doesNotMatch(conflict.body.message.replace(conflict.body.details.pendingId, ''), /\d|mise à jour/);

    // A wrong code is said to be wrong, on the code's field, with the choice to send for review.
    const wrong = await json(await putContribution(server.url, siret, 'cybersecurite', cyberSubmission({ rssi: 'interne' }), { token: 'ABCD-EFGH-JKMN-PQRS' }));
    assert.equal(wrong.status, 403);
    assert.equal(wrong.body.error, 'edit_code_wrong');
    assert.deepEqual(wrong.body.details, { field: 'editCode', remainingAttempts: 4, canSendForReview: true });
    const malformed = await json(await putContribution(server.url, siret, 'cybersecurite', cyberSubmission(), { token: 'not-the-token' }));
    assert.equal(malformed.status, 400);
    assert.equal(malformed.body.error, 'edit_code_malformed');
    // Sent for review knowingly: set aside, in place of the same client's earlier submission.
    const knowingly = await json(
      await putContribution(server.url, siret, 'cybersecurite', { ...cyberSubmission({ rssi: 'mutualise' }), review: true }, { token: 'ABCD-EFGH-JKMN-PQRS' }),
    );
    assert.equal(knowingly.status, 409);
    assert.equal(knowingly.body.details.replacedPendingId, conflict.body.details.pendingId);

    const pending = await json(await adminGet(server.url, '/api/v1/admin/pending'));
    const mine = pending.body.pending.filter((p: { siret: string }) => p.siret === siret);
    assert.equal(mine.length, 1);
    assert.equal(mine[0].answers.rssi, 'mutualise');

    const csv = await (await adminGet(server.url, '/api/v1/export/cybersecurite.csv')).text();
    const row = csv.split('\r\n').find((line) => line.startsWith(siret))!;
    assert.ok(row.includes(',aucun,'), 'the first contribution is untouched');
  });

  test('the same Idempotency-Key gives the same answer and stores nothing twice', async () => {
    const siret = communeSiret('22278');
    const key = newKey();
    const first = await json(await putContribution(server.url, siret, 'cybersecurite', cyberSubmission(), { key }));
    const second = await json(await putContribution(server.url, siret, 'cybersecurite', cyberSubmission(), { key }));
    assert.equal(first.status, 201);
    assert.equal(second.status, 201);
    assert.deepEqual(second.body, first.body);
    assert.equal(second.headers.get('idempotent-replayed'), 'true');

    // A retried conflict gives the same pending id, and only one pending submission.
    const conflictKey = newKey();
    const c1 = await json(await putContribution(server.url, siret, 'cybersecurite', cyberSubmission({ rssi: 'interne' }), { key: conflictKey }));
    const c2 = await json(await putContribution(server.url, siret, 'cybersecurite', cyberSubmission({ rssi: 'interne' }), { key: conflictKey }));
    assert.equal(c1.status, 409);
    assert.deepEqual(c2, { ...c2, status: 409, body: c1.body });
    const pending = await json(await adminGet(server.url, '/api/v1/admin/pending'));
    assert.equal(pending.body.pending.filter((p: { siret: string }) => p.siret === siret).length, 1);

    const health = await json(await fetch(`${server.url}/api/v1/health`));
    const before = health.body.contributions;
    await putContribution(server.url, siret, 'cybersecurite', cyberSubmission(), { key });
    assert.equal((await json(await fetch(`${server.url}/api/v1/health`))).body.contributions, before);
  });

  test('the same Idempotency-Key with another body or path is refused', async () => {
    const key = newKey();
    const siret = communeSiret('29232');
    assert.equal((await putContribution(server.url, siret, 'cybersecurite', cyberSubmission(), { key })).status, 201);
    const otherBody = await json(await putContribution(server.url, siret, 'cybersecurite', cyberSubmission({ rssi: 'interne' }), { key }));
    assert.equal(otherBody.status, 422);
    assert.equal(otherBody.body.error, 'idempotency_key_reused');
    const otherPath = await json(await putContribution(server.url, '21350238800019', 'cybersecurite', cyberSubmission(), { key }));
    assert.equal(otherPath.status, 422);
    assert.equal(otherPath.body.error, 'idempotency_key_reused');
  });

  test('an Idempotency-Key is required', async () => {
    const missing = await json(await putContribution(server.url, RENNES_SIRET, 'cybersecurite', cyberSubmission(), { key: null }));
    assert.equal(missing.status, 400);
    assert.equal(missing.body.error, 'idempotency_key_required');
    const invalid = await json(await putContribution(server.url, RENNES_SIRET, 'cybersecurite', cyberSubmission(), { key: 'é'.repeat(3) }));
    assert.equal(invalid.status, 400);
    assert.equal(invalid.body.error, 'idempotency_key_invalid');
  });

  test('answers are validated strictly, each problem reported by question id', async () => {
    const body = cyberSubmission({
      surprise: 'oui', // unknown question
      rssi: 'peut-etre', // unknown code
      types_attaques: ['rancongiciel'], // hidden: no attack declared
      formation_elus: undefined, // required, missing
      pca_pra: 3, // wrong type
    });
    const response = await json(await putContribution(server.url, communeSiret('29019'), 'cybersecurite', body));
    assert.equal(response.status, 422);
    assert.equal(response.body.error, 'invalid_answers');
    const byQuestion = new Map(response.body.details.problems.map((p: { questionId: string; code: string }) => [p.questionId, p.code]));
    assert.deepEqual(Object.fromEntries(byQuestion), {
      surprise: 'unknown_question',
      rssi: 'unknown_code',
      types_attaques: 'hidden',
      formation_elus: 'required',
      pca_pra: 'type',
    });
    for (const problem of response.body.details.problems) assert.ok(problem.message.length > 10);
    assert.match(response.body.message, /5 réponses/);
  });

  test('a version other than the served one is refused with an explanation', async () => {
    const response = await json(
      await putContribution(server.url, RENNES_SIRET, 'cybersecurite', { ...cyberSubmission(), version: '0.9.0' }),
    );
    assert.equal(response.status, 422);
    assert.equal(response.body.error, 'version_mismatch');
    assert.match(response.body.message, /0\.9\.0/);
    assert.match(response.body.message, /2\.0\.0/);
  });

  test('a malformed envelope, JSON or media type is refused in JSON', async () => {
    const envelope = await json(await putContribution(server.url, RENNES_SIRET, 'cybersecurite', { role: 'maire', answers: {} }));
    assert.equal(envelope.status, 400);
    assert.equal(envelope.body.error, 'validation_failed');
    assert.ok(envelope.body.details.fields.some((f: { path: string }) => f.path === 'role'));

    const broken = await json(await putContribution(server.url, RENNES_SIRET, 'cybersecurite', '{"role": "agent",'));
    assert.equal(broken.status, 400);
    assert.equal(broken.body.error, 'invalid_json');

    const text = await json(
      await putContribution(server.url, RENNES_SIRET, 'cybersecurite', 'role=agent', { headers: { 'content-type': 'text/plain' } }),
    );
    assert.equal(text.status, 415);
    assert.equal(text.body.error, 'unsupported_media_type');
  });

  test('a body over 64 kB is refused with 413 in JSON', async () => {
    const body = cyberSubmission({ padding: 'x'.repeat(70 * 1024) });
    const response = await json(await putContribution(server.url, RENNES_SIRET, 'cybersecurite', body));
    assert.equal(response.status, 413);
    assert.equal(response.body.error, 'payload_too_large');
  });

  test('SIRET and theme are checked in the path', async () => {
    const cases: [string, string, number, string][] = [
      ['2135023880001', 'cybersecurite', 400, 'siret_length'],
      ['2135023880001X', 'cybersecurite', 400, 'siret_digits'],
      ['21350238800018', 'cybersecurite', 400, 'siret_checksum'],
      ['35600000000048', 'cybersecurite', 404, 'collectivite_not_found'],
      [RENNES_SIRET, 'astrologie', 404, 'theme_not_found'],
    ];
    for (const [siret, theme, status, error] of cases) {
      for (const method of ['GET', 'PUT']) {
        const response =
          method === 'GET'
            ? await json(await fetch(`${server.url}/api/v1/contributions/${siret}/${theme}`))
            : await json(await putContribution(server.url, siret, theme, cyberSubmission()));
        assert.equal(response.status, status, `${method} ${siret} ${theme}`);
        assert.equal(response.body.error, error);
      }
    }
  });

  test('errors speak English when asked', async () => {
    const response = await json(
      await putContribution(server.url, RENNES_SIRET, 'cybersecurite', cyberSubmission({ rssi: 'x' }), { lang: 'en-GB,en;q=0.9' }),
    );
    assert.equal(response.status, 422);
    assert.match(response.body.message, /answer is not accepted/);
    assert.equal(response.body.details.problems[0].message, 'Choose one of the answers offered.');
    const siret = await json(await fetch(`${server.url}/api/v1/contributions/2135023880001/cybersecurite`, { headers: { 'accept-language': 'en' } }));
    assert.match(siret.body.message, /A SIRET has 14 digits/);
  });

  test('edit tokens and idempotency keys are never stored readable', async () => {
    const key = newKey();
    const created = await json(await putContribution(server.url, communeSiret('44109'), 'cybersecurite', cyberSubmission(), { key }));
    assert.equal(created.status, 201);
    // Every SQLite file, or every PostgreSQL table.
    const stored = await storedData(server);
    assert.ok(stored.length > 0);
    for (const { source, bytes } of stored) {
      assert.equal(bytes.includes(Buffer.from(created.body.editToken)), false, `token found in ${source}`);
      assert.equal(bytes.includes(Buffer.from(key)), false, `idempotency key found in ${source}`);
    }
  });
});
