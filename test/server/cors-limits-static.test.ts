import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { cyberSubmission, json, onStore, putContribution, RENNES_SIRET, startServer, tempDir } from './helpers.js';

const ALLOWED = 'https://portail.opsn.example';
const DENIED = 'https://evil.example';

describe(onStore('CORS'), () => {
  test('only configured origins are allowed, with the headers a widget needs', async () => {
    const server = await startServer({ allowedOrigins: [ALLOWED] });
    try {
      const allowed = await fetch(`${server.url}/api/v1/questionnaires`, { headers: { origin: ALLOWED } });
      assert.equal(allowed.headers.get('access-control-allow-origin'), ALLOWED);
      assert.match(allowed.headers.get('vary') ?? '', /Origin/);
      assert.equal(allowed.headers.get('access-control-allow-credentials'), null);

      const denied = await fetch(`${server.url}/api/v1/questionnaires`, { headers: { origin: DENIED } });
      assert.equal(denied.headers.get('access-control-allow-origin'), null);

      const preflight = await fetch(`${server.url}/api/v1/contributions/${RENNES_SIRET}/cybersecurite`, {
        method: 'OPTIONS',
        headers: {
          origin: ALLOWED,
          'access-control-request-method': 'PUT',
          'access-control-request-headers': 'content-type,idempotency-key,authorization',
        },
      });
      assert.equal(preflight.status, 204);
      assert.equal(preflight.headers.get('access-control-allow-origin'), ALLOWED);
      assert.match(preflight.headers.get('access-control-allow-methods')!, /PUT/);
      const allowedHeaders = preflight.headers.get('access-control-allow-headers')!.toLowerCase();
      for (const header of ['idempotency-key', 'authorization', 'content-type']) assert.ok(allowedHeaders.includes(header), header);

      const deniedPreflight = await fetch(`${server.url}/api/v1/contributions/${RENNES_SIRET}/cybersecurite`, {
        method: 'OPTIONS',
        headers: { origin: DENIED, 'access-control-request-method': 'PUT' },
      });
      assert.equal(deniedPreflight.headers.get('access-control-allow-origin'), null);
      assert.equal(deniedPreflight.headers.get('access-control-allow-methods'), null);
    } finally {
      await server.close();
    }
  });

  test('with no origin configured, no cross-origin caller is allowed', async () => {
    const server = await startServer();
    try {
      const response = await fetch(`${server.url}/api/v1/health`, { headers: { origin: ALLOWED } });
      assert.equal(response.status, 200);
      assert.equal(response.headers.get('access-control-allow-origin'), null);
    } finally {
      await server.close();
    }
  });
});

describe(onStore('rate limit'), () => {
  test('writes beyond the limit get 429 in JSON; reads are not limited by it', async () => {
    const server = await startServer({ writesPerMinute: 3 });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) {
        statuses.push((await putContribution(server.url, RENNES_SIRET, 'cybersecurite', cyberSubmission())).status);
      }
      assert.deepEqual(statuses.slice(0, 3), [201, 409, 409]);
      const limited = await putContribution(server.url, RENNES_SIRET, 'cybersecurite', cyberSubmission(), { lang: 'en' });
      const body = await json(limited);
      assert.equal(body.status, 429);
      assert.equal(body.body.error, 'rate_limited');
      assert.match(body.body.message, /Try again in \d+ seconds?/);
      assert.ok(Number(limited.headers.get('retry-after')) > 0);
      for (let i = 0; i < 10; i++) assert.equal((await fetch(`${server.url}/api/v1/health`)).status, 200);
    } finally {
      await server.close();
    }
  });
});

describe(onStore('static files'), () => {
  test('demo pages, the script-tag build and referential artefacts are served when present', async () => {
    const dir = tempDir();
    const roots = { demo: join(dir, 'demo'), cdn: join(dir, 'cdn'), referential: join(dir, 'ref') };
    for (const root of Object.values(roots)) mkdirSync(root, { recursive: true });
    writeFileSync(join(roots.demo, 'index.html'), '<!doctype html><title>Démo</title>');
    writeFileSync(join(roots.cdn, 'barometre-widgets.js'), 'export const ok = true;\n');
    writeFileSync(join(roots.referential, 'index.json'), '{"format":1}');
    const server = await startServer({ staticRoots: roots, allowedOrigins: [] }, {}, dir);
    try {
      const page = await fetch(`${server.url}/`);
      assert.equal(page.status, 200);
      assert.match(await page.text(), /Démo/);

      const script = await fetch(`${server.url}/cdn/barometre-widgets.js`, { headers: { origin: 'https://mairie.example' } });
      assert.equal(script.status, 200);
      assert.match(script.headers.get('content-type')!, /javascript/);
      // Module scripts are fetched in CORS mode by every embedding page.
      assert.equal(script.headers.get('access-control-allow-origin'), '*');
      assert.equal(script.headers.get('x-content-type-options'), 'nosniff');

      const artefact = await fetch(`${server.url}/referential/index.json`);
      assert.equal(artefact.status, 200);
      assert.deepEqual(await artefact.json(), { format: 1 });

      const missing = await json(await fetch(`${server.url}/cdn/nothing.js`));
      assert.equal(missing.status, 404);
      assert.equal(missing.body.error, 'not_found');
      // The API still wins over the demo's catch-all.
      assert.equal((await fetch(`${server.url}/api/v1/health`)).status, 200);
      assert.equal((await json(await fetch(`${server.url}/api/v1/missing`))).body.error, 'not_found');
    } finally {
      await server.close();
    }
  });

  test("the demo's Lit modules: Lit's JavaScript files and nothing else of node_modules", async () => {
    const dir = tempDir();
    const modules = join(dir, 'node_modules');
    const roots = { demo: join(dir, 'demo'), cdn: join(dir, 'cdn'), referential: join(dir, 'ref'), demoModules: modules };
    mkdirSync(roots.demo, { recursive: true });
    for (const [path, text] of <[string, string][]>[
      ['lit/index.js', 'export const lit = true;\n'],
      ['lit/package.json', '{"name":"lit"}'],
      ['@lit/reactive-element/reactive-element.js', 'export {};\n'],
      ['zod/index.js', 'export {};\n'],
    ]) {
      mkdirSync(join(modules, path, '..'), { recursive: true });
      writeFileSync(join(modules, path), text);
    }
    const server = await startServer({ staticRoots: roots }, {}, dir);
    try {
      const status = async (path: string) => (await fetch(`${server.url}/demo-modules/${path}`)).status;
      assert.equal(await status('lit/index.js'), 200);
      assert.equal(await status('@lit/reactive-element/reactive-element.js'), 200);
      for (const refused of ['lit/package.json', 'zod/index.js', 'lit/', 'lit/../zod/index.js', 'lit/%2e%2e/zod/index.js']) {
        assert.equal(await status(refused), 404, refused);
      }
    } finally {
      await server.close();
    }
  });
});
