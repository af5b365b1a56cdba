// Limits, beyond what cors-limits-static.test.ts (one client meets the write limit) and
// contributions.test.ts (a 64 kB body is refused) already cover: the limit is per client, as the
// server tells clients apart (the socket's address, or X-Forwarded-For from trusted proxies only),
// so one client's burst never locks another out; and oversized bodies of every framing get a JSON
// 413 while the server keeps answering.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ApiErrorBody } from '../../../src/core/schema/contract.js';
import { ADMIN_TOKEN, collectivites, cyberSubmission, json, onStore, publications, putContribution, RENNES_SIRET, startServer } from '../helpers.js';
import { rawRequest } from './raw-http.js';

const communes = collectivites((c) => c.kind === 'commune' && c.departementCode === '35', 40);

/** A PUT from a client behind the proxy, named by the address the proxy adds. */
function putFrom(url: string, client: string, siret: string) {
  return putContribution(url, siret, 'cybersecurite', cyberSubmission(), { headers: { 'x-forwarded-for': client } }).then(json);
}

function getFrom(url: string, client: string, path: string) {
  return fetch(`${url}${path}`, { headers: { 'x-forwarded-for': client } }).then(json);
}

/** A 429 as documented: JSON error with a message and a Retry-After in whole seconds. */
function assertRateLimited(response: Awaited<ReturnType<typeof json>>): void {
  assert.equal(response.status, 429);
  assert.ok(ApiErrorBody.safeParse(response.body).success, JSON.stringify(response.body));
  assert.equal(response.body.error, 'rate_limited');
  assert.match(response.body.message, /\d+ secondes?/);
  assert.match(response.headers.get('retry-after') ?? '', /^[1-9]\d*$/);
}

describe(onStore('rate limits are per client'), () => {
  test('a write burst from one client meets 429s while another client’s writes and reads succeed', async () => {
    // Behind a reverse proxy on the loopback: its X-Forwarded-For names the client.
    const server = await startServer({ writesPerMinute: 5, trustProxy: ['127.0.0.1'] });
    try {
      const noisy = '203.0.113.10';
      const quiet = '198.51.100.20';
      // The other client's requests go out in the middle of the burst, interleaved with it.
      const burst = communes.slice(0, 30).map((commune) => putFrom(server.url, noisy, commune.siret));
      const during = [
        putFrom(server.url, quiet, communes[30]!.siret),
        getFrom(server.url, quiet, '/api/v1/health'),
        putFrom(server.url, quiet, communes[31]!.siret),
        getFrom(server.url, quiet, '/api/v1/resultats/cybersecurite?territoire=departement:35'),
        getFrom(server.url, quiet, `/api/v1/contributions/${communes[0]!.siret}/cybersecurite`),
      ];
      const [noisyAnswers, quietAnswers] = await Promise.all([Promise.all(burst), Promise.all(during)]);

      const accepted = noisyAnswers.filter((answer) => answer.status === 201);
      const limited = noisyAnswers.filter((answer) => answer.status === 429);
      assert.equal(accepted.length, 5, noisyAnswers.map((answer) => answer.status).join(','));
      assert.equal(limited.length, 25);
      limited.forEach(assertRateLimited);
      assert.deepEqual(
        quietAnswers.map((answer) => answer.status),
        [201, 200, 201, 200, 200],
        JSON.stringify(quietAnswers.map((answer) => answer.body)),
      );

      // After the burst the noisy client is still held back, the quiet one is not.
      assertRateLimited(await putFrom(server.url, noisy, communes[32]!.siret));
      assert.equal((await putFrom(server.url, quiet, communes[33]!.siret)).status, 201);
      // Reads have their own, larger budget: the noisy client still reads.
      assert.equal((await getFrom(server.url, noisy, '/api/v1/health')).status, 200);
    } finally {
      await server.close();
    }
  });

  test('a read burst from one client meets 429s while another client’s reads succeed', async () => {
    const server = await startServer({ readsPerMinute: 20, trustProxy: ['127.0.0.1'] });
    try {
      const burst = Array.from({ length: 40 }, () => getFrom(server.url, '203.0.113.11', '/api/v1/questionnaires'));
      const during = Array.from({ length: 10 }, () => getFrom(server.url, '198.51.100.21', '/api/v1/questionnaires'));
      const [noisy, quiet] = await Promise.all([Promise.all(burst), Promise.all(during)]);
      assert.equal(noisy.filter((answer) => answer.status === 200).length, 20);
      noisy.filter((answer) => answer.status !== 200).forEach(assertRateLimited);
      assert.deepEqual(new Set(quiet.map((answer) => answer.status)), new Set([200]));
    } finally {
      await server.close();
    }
  });

  test('without trusted proxies, a forged X-Forwarded-For does not buy a fresh limit', async () => {
    const server = await startServer({ writesPerMinute: 3, trustProxy: false });
    try {
      const answers = [];
      for (let i = 0; i < 6; i++) answers.push(await putFrom(server.url, `192.0.2.${i + 1}`, communes[i]!.siret));
      assert.deepEqual(answers.map((answer) => answer.status), [201, 201, 201, 429, 429, 429]);
      answers.slice(3).forEach(assertRateLimited);
    } finally {
      await server.close();
    }
  });

  test('behind one proxy hop, only the address the proxy added counts, not what the client prepended', async () => {
    const server = await startServer({ writesPerMinute: 2, trustProxy: 1 });
    try {
      const statuses = [];
      // The client forges the start of the header; the proxy appends the real address last.
      for (let i = 0; i < 4; i++) statuses.push((await putFrom(server.url, `10.9.9.${i}, 203.0.113.12`, communes[i]!.siret)).status);
      assert.deepEqual(statuses, [201, 201, 429, 429]);
      // Another real client behind the same proxy has its own limit.
      assert.equal((await putFrom(server.url, '10.9.9.9, 198.51.100.22', communes[10]!.siret)).status, 201);
    } finally {
      await server.close();
    }
  });
});

describe(onStore('oversized bodies'), () => {
  test('get a JSON 413 however they are framed, on every write route, and the server keeps answering', async () => {
    const server = await startServer();
    const port = Number(new URL(server.url).port);
    try {
      const huge = JSON.stringify(cyberSubmission({ padding: 'x'.repeat(1024 * 1024) }));
      const requests = [
        // Announced by Content-Length: refused before the body is read.
        { method: 'PUT', target: `/api/v1/contributions/${RENNES_SIRET}/cybersecurite`, body: huge, headers: [['Content-Type', 'application/json'], ['Idempotency-Key', 'big-1']] },
        // Streamed in chunks with no length: refused once the limit is crossed.
        {
          method: 'PUT',
          target: `/api/v1/contributions/${RENNES_SIRET}/cybersecurite`,
          body: `${Buffer.byteLength(huge).toString(16)}\r\n${huge}\r\n0\r\n\r\n`,
          contentLength: false,
          headers: [['Content-Type', 'application/json'], ['Idempotency-Key', 'big-2'], ['Transfer-Encoding', 'chunked']],
        },
        // The administrator's routes take no body, but a large one is refused the same way.
        {
          method: 'POST',
          target: '/api/v1/admin/pending/00000000-0000-0000-0000-000000000000/accept',
          body: huge,
          headers: [['Content-Type', 'application/json'], ['Authorization', `Bearer ${ADMIN_TOKEN}`]],
        },
        {
          method: 'POST',
          target: '/api/v1/admin/publications',
          body: huge,
          headers: [['Content-Type', 'application/json'], ['Authorization', `Bearer ${ADMIN_TOKEN}`]],
        },
      ] as const;
      for (const request of requests) {
        const response = await rawRequest(port, { ...request, headers: request.headers.map(([name, value]) => [name, value] as [string, string]) });
        assert.equal(response.status, 413, `${request.method} ${request.target}: ${response.text.slice(0, 200)}`);
        assert.match(response.headers['content-type'] ?? '', /^application\/json/);
        const body = JSON.parse(response.text) as unknown;
        assert.ok(ApiErrorBody.safeParse(body).success, response.text);
        assert.equal((body as { error: string }).error, 'payload_too_large');
        assert.equal((await fetch(`${server.url}/api/v1/health`)).status, 200);
      }
      // Nothing of the refused bodies was stored, nor published.
      assert.deepEqual((await json(await fetch(`${server.url}/api/v1/contributions/${RENNES_SIRET}/cybersecurite`))).body, { exists: false });
      assert.equal((await publications(server.url)).length, 1);
    } finally {
      await server.close();
    }
  });
});
