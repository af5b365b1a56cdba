// Every error path answers the API's JSON contract with the API's security headers and its own
// words: errors raised before routing, by the static files' plugin, or by the HTTP parser itself.
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { ADMIN_TOKEN, adminGet, json, onStore, startServer, tempDir, type TestServer } from '../helpers.js';
import { rawRequest, type RawResponse } from '../hardening/raw-http.js';

function assertContract(response: RawResponse, status: number, code: string): { error: string; message: string } {
  assert.equal(response.status, status, response.text);
  assert.match(response.headers['content-type'] ?? '', /^application\/json/);
  assert.equal(response.headers['x-content-type-options'], 'nosniff');
  assert.equal(response.headers['content-security-policy'], "default-src 'none'; frame-ancestors 'none'");
  assert.equal(response.headers['x-frame-options'], 'DENY');
  assert.equal(response.headers['cache-control'], 'no-store');
  const body = JSON.parse(response.text) as { error: string; message: string };
  assert.equal(body.error, code);
  // Fastify's and Node's own English words never make it into a sentence of the API.
  assert.doesNotMatch(body.message, /Bad Request|Forbidden|exceeding|max param|is not a valid url component|Client Error/);
  return body;
}

describe(onStore('the error contract on every path'), () => {
  let server: TestServer;
  let port: number;
  before(async () => {
    // A demo folder, so that the static files' plugin answers the paths outside the API.
    const dir = tempDir();
    const demo = join(dir, 'demo');
    mkdirSync(demo);
    writeFileSync(join(demo, 'index.html'), '<!doctype html><title>demo</title>');
    const staticRoots = { demo, cdn: join(dir, 'no-cdn'), referential: join(dir, 'no-referential') };
    server = await startServer({ staticRoots }, {}, dir, { awaitPublication: false });
    port = Number(new URL(server.url).port);
  });
  after(() => server.close());

  test('a malformed %xx answers 400 bad_request in the API words, with the security headers', async () => {
    const body = assertContract(await rawRequest(port, { method: 'GET', target: '/api/v1/questionnaires/%zz' }), 400, 'bad_request');
    assert.match(body.message, /caractère encodé \(%xx\)/);
  });

  test('a path parameter over the router limit answers 414 path_too_long', async () => {
    const target = `/api/v1/admin/pending/${'a'.repeat(150)}/accept`;
    const english = await rawRequest(port, { method: 'POST', target, headers: [['Accept-Language', 'en']] });
    assert.match(assertContract(english, 414, 'path_too_long').message, /over 100 characters/);
    assert.match(assertContract(await rawRequest(port, { method: 'POST', target }), 414, 'path_too_long').message, /dépasse 100 caractères/);
  });

  test('a static path leaving its folder answers 403 forbidden_path, and a NUL in a file name 400', async () => {
    for (const target of ['/../etc/passwd', '/a/../../etc/passwd', '/%2e%2e/etc/passwd']) {
      assertContract(await rawRequest(port, { method: 'GET', target }), 403, 'forbidden_path');
    }
    assertContract(await rawRequest(port, { method: 'GET', target: '/index.html%00' }), 400, 'bad_request');
  });

  test('a request the HTTP parser refuses carries the security headers too', async () => {
    const response = await rawRequest(port, { method: 'GET', target: '/api/v1/health', headers: [['X-Bad', 'a\u0001b']] });
    assertContract(response, 400, 'bad_request');
  });

  test('an export asked for without .csv is an address with nothing at it, echoing no NUL', async () => {
    const response = await json(await adminGet(server.url, '/api/v1/export/inclusion', ADMIN_TOKEN));
    assert.equal(response.status, 404);
    assert.equal(response.body.error, 'not_found');
    assert.doesNotMatch(JSON.stringify(response.body), /\\u0000|\u0000/);
    assert.equal((await adminGet(server.url, '/api/v1/export/inclusion.csv')).status, 200);
  });
});
