import { after, before, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createApiClient } from '../../../src/core/api/client.js';
import { ApiError, NetworkError, answerProblemsOf } from '../../../src/core/api/errors.js';
import { definition, rennes, RENNES_SIRET, submission } from './fixtures.js';
import { json, startServer, type TestServer } from './server.js';

let server: TestServer;
before(async () => {
  server = await startServer();
});
after(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
});

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  assert.fail('expected a rejection');
}

describe('createApiClient — reads', () => {
  test('fetches and validates a definition, asking for JSON in the chosen language', async () => {
    server.handle((_req, res) => json(res, 200, definition));
    const api = createApiClient({ baseUrl: `${server.baseUrl}/`, lang: 'en' });
    assert.deepEqual(await api.definition('cybersecurite'), definition);
    const [request] = server.requests;
    assert.equal(request?.url, '/api/v1/questionnaires/cybersecurite');
    assert.equal(request?.headers['accept-language'], 'en');
    assert.match(String(request?.headers.accept), /application\/json/);
  });

  test('refuses a definition that breaks the schema with an invalid_response ApiError', async () => {
    server.handle((_req, res) => json(res, 200, { ...definition, sections: [] }));
    const error = await rejection(createApiClient({ baseUrl: server.baseUrl }).definition('cybersecurite'));
    assert.ok(error instanceof ApiError);
    assert.equal(error.code, 'invalid_response');
    assert.equal(error.status, 200);
    assert.match(error.message, /réponse inattendue/);
  });

  test('resolves a collectivité to the summary a respondent confirms', async () => {
    server.handle((_req, res) => json(res, 200, rennes));
    const summary = await createApiClient({ baseUrl: server.baseUrl }).collectivite(RENNES_SIRET);
    assert.deepEqual(summary, {
      siren: '213502388',
      siret: RENNES_SIRET,
      name: 'Rennes',
      kind: 'commune',
      departement: '35',
      region: '53',
      population: 227830,
    });
    assert.equal(server.requests[0]?.url, `/api/v1/collectivites/${RENNES_SIRET}`);
  });

  test('prefers place names over codes when the API gives them', async () => {
    server.handle((_req, res) =>
      json(res, 200, { ...rennes, departement: { code: '35', name: 'Ille-et-Vilaine' }, region: 'Bretagne' }),
    );
    const summary = await createApiClient({ baseUrl: server.baseUrl }).collectivite(RENNES_SIRET);
    assert.equal(summary.departement, 'Ille-et-Vilaine');
    assert.equal(summary.region, 'Bretagne');
  });

  test('maps a 404 body to an ApiError with its code, message and status', async () => {
    server.handle((_req, res) =>
      json(res, 404, { error: 'collectivite_inconnue', message: 'Aucune collectivité ne porte ce SIRET.' }),
    );
    const error = await rejection(createApiClient({ baseUrl: server.baseUrl }).collectivite('44306184100047'));
    assert.ok(error instanceof ApiError);
    assert.equal(error.status, 404);
    assert.equal(error.code, 'collectivite_inconnue');
    assert.equal(error.message, 'Aucune collectivité ne porte ce SIRET.');
  });

  test('maps a 400 about the SIRET with its precise code', async () => {
    server.handle((_req, res) => json(res, 400, { error: 'siret_checksum', message: 'Clé de contrôle fausse.' }));
    const error = await rejection(createApiClient({ baseUrl: server.baseUrl }).collectivite('21350238800017'));
    assert.ok(error instanceof ApiError);
    assert.equal(error.code, 'siret_checksum');
  });

  test('gives a non-JSON error page a generic code and a message in the asked language', async () => {
    server.handle((_req, res) => {
      res.writeHead(502, { 'Content-Type': 'text/html' });
      res.end('<h1>Bad gateway</h1>');
    });
    const error = await rejection(createApiClient({ baseUrl: server.baseUrl, lang: 'en' }).collectivite(RENNES_SIRET));
    assert.ok(error instanceof ApiError);
    assert.equal(error.code, 'http_502');
    assert.equal(error.message, 'The Baromètre service answered with an error (HTTP 502). Try again in a moment.');
  });

  test('reads a contribution status', async () => {
    server.handle((_req, res) => json(res, 200, { exists: true, updatedAt: '2025-03-04T10:00:00.000Z' }));
    const status = await createApiClient({ baseUrl: server.baseUrl }).contributionStatus(RENNES_SIRET, 'cybersecurite');
    assert.deepEqual(status, { exists: true, updatedAt: '2025-03-04T10:00:00.000Z' });
    assert.equal(server.requests[0]?.url, `/api/v1/contributions/${RENNES_SIRET}/cybersecurite`);
  });

  test('lets a per-call language override the client’s', async () => {
    server.handle((_req, res) => json(res, 200, { exists: false }));
    await createApiClient({ baseUrl: server.baseUrl }).contributionStatus(RENNES_SIRET, 'cybersecurite', { lang: 'en' });
    assert.equal(server.requests[0]?.headers['accept-language'], 'en');
  });
});

describe('createApiClient — failures without an answer', () => {
  test('turns a request that outlives its deadline into a NetworkError marked timedOut', async () => {
    server.handle(async (_req, res) => {
      await new Promise((resolve) => setTimeout(resolve, 300));
      json(res, 200, definition);
    });
    const error = await rejection(createApiClient({ baseUrl: server.baseUrl, timeoutMs: 50 }).definition('cybersecurite'));
    assert.ok(error instanceof NetworkError);
    assert.equal(error.timedOut, true);
    assert.match(error.message, /trop de temps/);
  });

  test('turns a refused connection into a NetworkError', async () => {
    const closed = await startServer();
    const baseUrl = closed.baseUrl;
    await closed.close();
    const error = await rejection(createApiClient({ baseUrl }).definition('cybersecurite'));
    assert.ok(error instanceof NetworkError);
    assert.equal(error.timedOut, false);
  });

  test('turns a fetch that throws into a NetworkError that keeps the cause', async () => {
    const cause = new TypeError('Failed to fetch');
    const api = createApiClient({ baseUrl: 'https://example.org/api/v1', fetch: () => Promise.reject(cause) });
    const error = await rejection(api.definition('cybersecurite'));
    assert.ok(error instanceof NetworkError);
    assert.equal(error.cause, cause);
  });

  test('passes the caller’s abort through unchanged', async () => {
    server.handle(async (_req, res) => {
      await new Promise((resolve) => setTimeout(resolve, 300));
      json(res, 200, definition);
    });
    const controller = new AbortController();
    const reason = new Error('the respondent typed another SIRET');
    const pending = createApiClient({ baseUrl: server.baseUrl }).definition('cybersecurite', { signal: controller.signal });
    // Abort once the server holds the request, so it is not recorded during a later test.
    while (server.requests.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    controller.abort(reason);
    assert.equal(await rejection(pending), reason);
  });
});

describe('createApiClient — submit', () => {
  const request = { siret: RENNES_SIRET, theme: 'cybersecurite', submission, idempotencyKey: 'key-1' };

  test('PUTs the body with the idempotency key and resolves 201 as created with the edit token', async () => {
    server.handle((_req, res) =>
      json(res, 201, { status: 'created', editToken: 'code-secret', updatedAt: '2025-03-04T10:00:00.000Z' }),
    );
    const result = await createApiClient({ baseUrl: server.baseUrl }).submit(request);
    assert.deepEqual(result, { status: 'created', editToken: 'code-secret', updatedAt: '2025-03-04T10:00:00.000Z' });
    const [sent] = server.requests;
    assert.equal(sent?.method, 'PUT');
    assert.equal(sent?.url, `/api/v1/contributions/${RENNES_SIRET}/cybersecurite`);
    assert.equal(sent?.headers['idempotency-key'], 'key-1');
    assert.equal(sent?.headers.authorization, undefined);
    assert.match(String(sent?.headers['content-type']), /application\/json/);
    assert.deepEqual(sent?.body, submission);
  });

  test('sends the edit code as a bearer token and resolves 200 as updated', async () => {
    server.handle((_req, res) => json(res, 200, { status: 'updated', updatedAt: '2025-03-05T10:00:00.000Z' }));
    const result = await createApiClient({ baseUrl: server.baseUrl }).submit({ ...request, editToken: 'code-secret' });
    assert.deepEqual(result, { status: 'updated', updatedAt: '2025-03-05T10:00:00.000Z' });
    assert.equal(server.requests[0]?.headers.authorization, 'Bearer code-secret');
  });

  test('resolves 409 contribution_exists as pending, with the reference and the server’s message', async () => {
    server.handle((_req, res) =>
      json(res, 409, { error: 'contribution_exists', message: 'Mis de côté.', details: { pendingId: 'p-42' } }),
    );
    const result = await createApiClient({ baseUrl: server.baseUrl }).submit(request);
    assert.deepEqual(result, { status: 'pending', pendingId: 'p-42', message: 'Mis de côté.' });
  });

  test('sends the attestation and a knowing review in the body; reads the edit code, the verification and the replaced pending id', async () => {
    server.handle((_req, res) =>
      json(res, 201, {
        status: 'created',
        editCode: '7KQ4-M2XD-9HCT-R0FB',
        updatedAt: '2025-03-04T10:00:00.000Z',
        verification: 'verified',
        verifiedBy: 'megalis-bretagne',
        replacedUnverified: true,
      }),
    );
    const api = createApiClient({ baseUrl: server.baseUrl });
    const created = await api.submit({ ...request, attestation: 'eyJ.payload.signature' });
    assert.deepEqual(created, {
      status: 'created',
      editToken: '7KQ4-M2XD-9HCT-R0FB',
      updatedAt: '2025-03-04T10:00:00.000Z',
      verifiedBy: 'megalis-bretagne',
      replacedUnverified: true,
    });
    assert.deepEqual(server.requests[0]?.body, { ...submission, attestation: 'eyJ.payload.signature' });

    server.handle((_req, res) =>
      json(res, 409, { error: 'contribution_exists', message: 'Mis de côté.', details: { pendingId: 'p-43', replacedPendingId: 'p-42' } }),
    );
    const pending = await api.submit({ ...request, editToken: 'WRONG-CODE', review: true });
    assert.deepEqual(pending, { status: 'pending', pendingId: 'p-43', replacedPendingId: 'p-42', message: 'Mis de côté.' });
    assert.deepEqual(server.requests[1]?.body, { ...submission, review: true });
  });

  test('refuses a 201 without any edit code', async () => {
    server.handle((_req, res) => json(res, 201, { status: 'created', updatedAt: '2025-03-04T10:00:00.000Z' }));
    const error = await rejection(createApiClient({ baseUrl: server.baseUrl }).submit(request));
    assert.ok(error instanceof ApiError);
    assert.equal(error.code, 'invalid_response');
  });

  test('rejects another 409 as an ApiError', async () => {
    server.handle((_req, res) => json(res, 409, { error: 'idempotency_key_reused', message: 'Clé déjà utilisée.' }));
    const error = await rejection(createApiClient({ baseUrl: server.baseUrl }).submit(request));
    assert.ok(error instanceof ApiError);
    assert.equal(error.code, 'idempotency_key_reused');
  });

  test('rejects 422 with the refused answers readable by answerProblemsOf', async () => {
    const details = [{ questionId: 'cyberattaque', code: 'required', message: 'Choisissez une réponse.' }];
    server.handle((_req, res) => json(res, 422, { error: 'invalid_answers', message: 'Une réponse…', details }));
    const error = await rejection(createApiClient({ baseUrl: server.baseUrl }).submit(request));
    assert.ok(error instanceof ApiError);
    assert.equal(error.status, 422);
    assert.deepEqual(answerProblemsOf(error), details);
  });

  test('reads Retry-After of a 429 in milliseconds', async () => {
    server.handle((_req, res) => json(res, 429, { error: 'rate_limited', message: 'Trop d’envois.' }, { 'Retry-After': '7' }));
    const error = await rejection(createApiClient({ baseUrl: server.baseUrl }).submit(request));
    assert.ok(error instanceof ApiError);
    assert.equal(error.retryAfterMs, 7000);
  });

  test('refuses a 201 without an edit token as an invalid response', async () => {
    server.handle((_req, res) => json(res, 201, { status: 'created', updatedAt: '2025-03-04T10:00:00.000Z' }));
    const error = await rejection(createApiClient({ baseUrl: server.baseUrl }).submit(request));
    assert.ok(error instanceof ApiError);
    assert.equal(error.code, 'invalid_response');
  });
});

describe('createApiClient — tolerated variants of the contract', () => {
  test('reads a 200 whose status says replaced as updated', async () => {
    server.handle((_req, res) => json(res, 200, { status: 'replaced', updatedAt: '2025-03-05T10:00:00.000Z' }));
    const result = await createApiClient({ baseUrl: server.baseUrl }).submit({
      siret: RENNES_SIRET,
      theme: 'cybersecurite',
      submission,
      idempotencyKey: 'key-2',
      editToken: 'code',
    });
    assert.deepEqual(result, { status: 'updated', updatedAt: '2025-03-05T10:00:00.000Z' });
  });

  test('reads 422 problems wrapped in details.problems, with the other-text flag', async () => {
    const problems = [{ questionId: 'types', other: true, code: 'other_required', field: 'answers.types.autre', message: 'Précisez.' }];
    server.handle((_req, res) => json(res, 422, { error: 'invalid_answers', message: 'm', details: { problems, fields: [] } }));
    const error = await rejection(
      createApiClient({ baseUrl: server.baseUrl }).submit({ siret: RENNES_SIRET, theme: 'cybersecurite', submission, idempotencyKey: 'key-3' }),
    );
    assert.deepEqual(answerProblemsOf(error), [{ questionId: 'types', code: 'other_required', message: 'Précisez.', other: true }]);
  });
});

describe('createApiClient — config', () => {
  test('reads what the server offers, the ProConnect sign-in as an absolute address', async () => {
    server.handle((_req, res) =>
      json(res, 200, {
        attestation: { enabled: true },
        proconnect: { enabled: true, loginUrl: '/api/v1/auth/proconnect/login' },
        editCode: { pattern: '^…$', maxWrongCodes: 5 },
        countUnverified: true,
      }),
    );
    const offer = await createApiClient({ baseUrl: server.baseUrl }).config();
    assert.deepEqual(offer, {
      attestation: true,
      proconnectLogin: `${new URL(server.baseUrl).origin}/api/v1/auth/proconnect/login`,
      maxWrongCodes: 5,
    });
    assert.equal(server.requests[0]?.url, '/api/v1/config');
  });

  test('offers nothing more on a server without the route', async () => {
    server.handle((_req, res) => json(res, 404, { error: 'not_found', message: 'Rien ici.' }));
    assert.deepEqual(await createApiClient({ baseUrl: server.baseUrl }).config(), { attestation: false });
  });
});
