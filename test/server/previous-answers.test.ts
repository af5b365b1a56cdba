import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { QuestionnaireDefinition } from '../../src/core/schema/questionnaire.js';
import { cybersecuriteDefinition } from '../../src/questionnaires/cybersecurite.js';
import { definitions } from '../../src/questionnaires/all.js';
import {
  communeSiret,
  cyberAnswers,
  cyberSubmission,
  json,
  onStore,
  putContribution,
  RENNES_SIRET,
  startServer,
  tempDir,
  testClock,
  type TestServer,
} from './helpers.js';
import { attest, newPortal, type TestPortal } from './portal.js';

/**
 * A new edition's questionnaire starts from the collectivité's answers to the previous one
 * (`GET /contributions/:siret/:theme/precedente`): only for whoever proves who they are, and only
 * for questions asked the same way in both editions. The server's clock moves from the 2025
 * edition's first wave to the 2026 one's, as a year does.
 */

const IN_2025 = '2025-03-10T10:00:00Z';
const IN_2026 = '2026-12-06T12:00:00Z';

/** A server on `dir` whose clock reads `instant` and runs on from there. */
function serverAt(instant: string, dir: string, overrides: Parameters<typeof startServer>[0] = {}, dependencies: Parameters<typeof startServer>[1] = {}) {
  return startServer(overrides, { now: testClock(instant).now, ...dependencies }, dir);
}

function previous(server: TestServer, siret: string, headers: Record<string, string> = {}) {
  return fetch(`${server.url}/api/v1/contributions/${siret}/cybersecurite/precedente`, { headers }).then(json);
}

const withCode = (code: string) => ({ authorization: `Bearer ${code}` });

/** A 2025 cybersecurity contribution, sent while its wave was open; its edit code. */
async function answer2025(server: TestServer, siret: string, body: unknown = cyberSubmission()): Promise<string> {
  const created = await json(await putContribution(server.url, siret, 'cybersecurite', body));
  assert.equal(created.status, 201, JSON.stringify(created.body));
  return created.body.editCode as string;
}

describe(onStore('previous answers: who may take them up'), () => {
  const dir = tempDir();
  let server: TestServer;
  let portal: TestPortal;
  let rennesCode = '';
  const LOCKED = communeSiret('35047');
  let lockedCode = '';

  before(async () => {
    portal = await newPortal('megalis-test');
    const portals = [{ name: portal.name, jwks: portal.jwks }];
    const last = await serverAt(IN_2025, dir, { portals });
    rennesCode = await answer2025(last, RENNES_SIRET, cyberSubmission({ rssi: 'mutualise', nis2: 'non_concernee' }));
    lockedCode = await answer2025(last, LOCKED);
    await last.close({ keepFiles: true });
    server = await serverAt(IN_2026, dir, { portals });
  });
  after(async () => {
    await server.close();
  });

  test('the status says which earlier edition holds answers to take up, and only then', async () => {
    const rennes = await json(await fetch(`${server.url}/api/v1/contributions/${RENNES_SIRET}/cybersecurite`));
    assert.deepEqual(rennes.body, { exists: false, previous: { edition: '2025' } });
    const other = await json(await fetch(`${server.url}/api/v1/contributions/${communeSiret('35001')}/cybersecurite`));
    assert.deepEqual(other.body, { exists: false });
  });

  test('with the 2025 edit code: the answers to unchanged questions, nothing marked when nothing changed', async () => {
    const taken = await previous(server, RENNES_SIRET, withCode(rennesCode));
    assert.equal(taken.status, 200);
    assert.equal(taken.headers.get('cache-control'), 'no-store');
    assert.deepEqual(taken.body, {
      edition: '2025',
      current: '2026',
      version: '2.0.0',
      answers: cyberAnswers({ rssi: 'mutualise', nis2: 'non_concernee' }),
      changes: {},
    });
    // Typed as a person may, in lower case and without hyphens.
    const typed = await previous(server, RENNES_SIRET, withCode(rennesCode.toLowerCase().replace(/-/g, '')));
    assert.equal(typed.status, 200);
  });

  test('without credentials 401, a code that cannot be one 400, and nothing is said of the answers', async () => {
    const none = await previous(server, RENNES_SIRET);
    assert.equal(none.status, 401);
    assert.equal(none.body.error, 'previous_credentials_required');
    assert.match(none.body.message, /code de modification reçu alors/);
    assert.equal(none.body.answers, undefined);
    const malformed = await previous(server, RENNES_SIRET, withCode('1234'));
    assert.equal(malformed.status, 400);
    assert.equal(malformed.body.error, 'edit_code_malformed');
  });

  test('a wrong code: 403 with the tries left, in French and English', async () => {
    const wrong = await previous(server, RENNES_SIRET, withCode('7KQ4-M2XD-9HCT-R0FB'));
    assert.equal(wrong.status, 403);
    assert.equal(wrong.body.error, 'previous_code_wrong');
    assert.deepEqual(wrong.body.details, { field: 'editCode', remainingAttempts: 4 });
    assert.match(wrong.body.message, /l’édition 2025/);
    const english = await previous(server, RENNES_SIRET, { ...withCode('7KQ4-M2XD-9HCT-R0FA'), 'accept-language': 'en' });
    assert.equal(english.body.details.remainingAttempts, 3);
    assert.match(english.body.message, /2025 edition/);
    // The right code clears the count.
    assert.equal((await previous(server, RENNES_SIRET, withCode(rennesCode))).status, 200);
    assert.equal((await previous(server, RENNES_SIRET, withCode('7KQ4-M2XD-9HCT-R0FB'))).body.details.remainingAttempts, 4);
  });

  test('five wrong codes lock the 2025 answers for an hour, the right code included', async () => {
    for (let attempt = 0; attempt < 4; attempt++) assert.equal((await previous(server, LOCKED, withCode('7KQ4-M2XD-9HCT-R0FB'))).status, 403);
    const locked = await previous(server, LOCKED, withCode('7KQ4-M2XD-9HCT-R0FB'));
    assert.equal(locked.status, 423);
    assert.equal(locked.body.error, 'previous_code_locked');
    assert.ok(Number(locked.headers.get('retry-after')) > 3500);
    const right = await previous(server, LOCKED, withCode(lockedCode));
    assert.equal(right.status, 423);
    assert.equal(right.body.answers, undefined);
  });

  test('no 2025 contribution: 404, whatever the code', async () => {
    const absent = await previous(server, communeSiret('35001'), withCode(rennesCode));
    assert.equal(absent.status, 404);
    assert.equal(absent.body.error, 'previous_contribution_absent');
    assert.deepEqual(absent.body.details, { edition: '2025' });
  });

  test('with an attestation for the SIRET no code is needed; one for another SIRET is refused', async () => {
    const attested = await previous(server, RENNES_SIRET, { 'barometre-attestation': await attest(portal, { siret: RENNES_SIRET }) });
    assert.equal(attested.status, 200);
    assert.equal(attested.body.answers.rssi, 'mutualise');
    const elsewhere = await previous(server, RENNES_SIRET, { 'barometre-attestation': await attest(portal, { siret: LOCKED }) });
    assert.equal(elsewhere.status, 403);
    assert.equal(elsewhere.body.error, 'attestation_siret_mismatch');
    const forged = await previous(server, RENNES_SIRET, { 'barometre-attestation': 'not.a.token' });
    assert.equal(forged.status, 401);
    assert.equal(forged.body.error, 'attestation_invalid');
  });

  test('the attestation read here still serves the submission that follows', async () => {
    const token = await attest(portal, { siret: RENNES_SIRET, role: 'agent' });
    assert.equal((await previous(server, RENNES_SIRET, { 'barometre-attestation': token })).status, 200);
    const sent = await json(await putContribution(server.url, RENNES_SIRET, 'cybersecurite', { ...cyberSubmission(), attestation: token }));
    assert.equal(sent.status, 201);
    assert.equal(sent.body.verification, 'verified');
  });
});

/**
 * The 2025 questionnaire as a release before this one might have asked it: version 1.9.0, without
 * the NIS 2 question, and `rssi` without "Je ne sais pas".
 */
function cyberOf2025(): QuestionnaireDefinition {
  const copy = structuredClone(cybersecuriteDefinition) as QuestionnaireDefinition;
  copy.version = '1.9.0';
  for (const section of copy.sections) {
    section.questions = section.questions.filter((question) => question.id !== 'nis2');
    for (const question of section.questions) {
      if (question.id === 'rssi' && 'options' in question) question.options = question.options.filter((option) => option.code !== 'nsp');
    }
  }
  return copy;
}

describe(onStore('previous answers: only unchanged questions are carried over'), () => {
  const dir = tempDir();
  let server: TestServer;
  let code = '';
  const earlier = cyberOf2025();

  before(async () => {
    const last = await serverAt(IN_2025, dir, {}, { definitions: { ...definitions, cybersecurite: earlier } });
    code = await answer2025(last, RENNES_SIRET, { role: 'agent', version: '1.9.0', answers: cyberAnswers({ rssi: 'interne', nis2: undefined }) });
    await last.close({ keepFiles: true });
    server = await serverAt(IN_2026, dir, {}, { earlierDefinitions: [earlier] });
  });
  after(async () => {
    await server.close();
  });

  test('a question asked with other answers is marked changed, one the 2025 questionnaire lacked new; neither is prefilled', async () => {
    const taken = await previous(server, RENNES_SIRET, withCode(code));
    assert.equal(taken.status, 200);
    assert.equal(taken.body.version, '1.9.0');
    assert.deepEqual(taken.body.changes, { rssi: 'changed', nis2: 'new' });
    assert.deepEqual(taken.body.answers, cyberAnswers({ rssi: undefined, nis2: undefined }));
  });

  test('a version the server does not hold: nothing can be shown unchanged, so nothing is carried', async () => {
    const blind = await serverAt(IN_2026, dir, {}, {});
    try {
      const taken = await previous(blind, RENNES_SIRET, withCode(code));
      assert.equal(taken.status, 200);
      assert.deepEqual(taken.body.answers, {});
      assert.equal(taken.body.changes.rssi, 'changed');
      assert.equal(Object.keys(taken.body.changes).length, Object.values(cybersecuriteDefinition.sections).flatMap((s) => s.questions).length);
    } finally {
      await blind.close({ keepFiles: true });
    }
  });
});
