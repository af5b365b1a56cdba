// The client against the reference server itself: what the questionnaire relies on must hold
// on both sides of the contract, not only against the client's own test server.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createApiClient, type ApiClient } from '../../../src/core/api/client.js';
import { ApiError, answerProblemsOf } from '../../../src/core/api/errors.js';
import { newIdempotencyKey } from '../../../src/core/api/idempotency.js';
import { normalizeAnswers, validateContribution, visibleQuestions } from '../../../src/core/questionnaire/index.js';
import type { Answers, QuestionnaireDefinition } from '../../../src/core/schema/questionnaire.js';
import { cybersecuriteDefinition } from '../../../src/questionnaires/cybersecurite.js';
import { startServer, type TestServer } from '../../server/helpers.js';

const RENNES = '21350238800019';

let server: TestServer;
let api: ApiClient;
before(async () => {
  server = await startServer();
  api = createApiClient({ baseUrl: `${server.url}/api/v1` });
});
after(() => server.close());

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  assert.fail('expected a rejection');
}

/** A plain valid answer to every question visible given the answers so far. */
function answerEverything(definition: QuestionnaireDefinition): Answers {
  const answers: Answers = {};
  for (const question of visibleQuestions(definition, answers)) {
    if (question.kind === 'yesno') answers[question.id] = 'non';
    else if (question.kind === 'single') answers[question.id] = question.options.at(-1)!.code;
    else if (question.kind === 'multiple') answers[question.id] = [question.exclusive ?? question.options[0]!.code];
    else if (question.kind === 'number') answers[question.id] = question.min ?? 0;
    else answers[question.id] = 'Rien à signaler';
  }
  return normalizeAnswers(definition, answers);
}

const definition = cybersecuriteDefinition as QuestionnaireDefinition;
const answers = answerEverything(definition);

describe('the client against the reference server', () => {
  test('reads the definition in service', async () => {
    const definition = await api.definition('cybersecurite');
    assert.equal(definition.version, cybersecuriteDefinition.version);
  });

  test('resolves a commune’s SIRET and refuses an unknown one with 404', async () => {
    const rennes = await api.collectivite(RENNES);
    assert.equal(rennes.kind, 'commune');
    assert.match(rennes.name, /Rennes/);
    const unknown = await rejection(api.collectivite('44306184100047'));
    assert.ok(unknown instanceof ApiError);
    assert.equal(unknown.status, 404);
    const malformed = await rejection(api.collectivite('21350238800017'));
    assert.ok(malformed instanceof ApiError);
    assert.equal(malformed.status, 400);
  });

  test('submits, replays with the same key, reports problems, and sets later answers aside', async () => {
    const version = definition.version;
    assert.deepEqual(validateContribution(definition, answers), []);
    const status = await api.contributionStatus(RENNES, 'cybersecurite');
    assert.equal(status.exists, false);

    const invalid = await rejection(
      api.submit({ siret: RENNES, theme: 'cybersecurite', idempotencyKey: newIdempotencyKey(), submission: { role: 'agent', version, answers: {} } }),
    );
    assert.ok(invalid instanceof ApiError);
    assert.equal(invalid.status, 422);
    assert.ok(answerProblemsOf(invalid).some((problem) => problem.questionId === 'cyberattaque_3ans' && problem.code === 'required'));

    const key = newIdempotencyKey();
    const request = { siret: RENNES, theme: 'cybersecurite', idempotencyKey: key, submission: { role: 'agent' as const, version, answers } };
    const created = await api.submit(request);
    assert.equal(created.status, 'created');
    assert.deepEqual(await api.submit(request), created, 'a retry with the same key gets the same answer');

    const pending = await api.submit({ ...request, idempotencyKey: newIdempotencyKey() });
    assert.equal(pending.status, 'pending');

    assert.ok(created.status === 'created');
    const updated = await api.submit({ ...request, idempotencyKey: newIdempotencyKey(), editToken: created.editToken });
    assert.equal(updated.status, 'updated');
    assert.equal((await api.contributionStatus(RENNES, 'cybersecurite')).exists, true);
  });
});
