import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { request, type IncomingHttpHeaders } from 'node:http';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { definitions } from '../../src/questionnaires/all.js';
import { negotiateEncoding } from '../../src/server/http/encoding.js';
import { collectivites, cyberSubmission, onStore, publishNow, putContribution, startServer, tempDir, type TestServer } from './helpers.js';

interface Raw {
  status: number;
  headers: IncomingHttpHeaders;
  /** The bytes as sent, before any decoding. */
  body: Buffer;
}

/** A GET that keeps the bytes as they came (`fetch` decodes them and hides the difference). */
function get(url: string, headers: Record<string, string> = {}): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }));
      response.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

function decoded(response: Raw): Buffer {
  const coding = response.headers['content-encoding'];
  if (coding === 'br') return brotliDecompressSync(response.body);
  if (coding === 'gzip') return gunzipSync(response.body);
  assert.equal(coding, undefined);
  return response.body;
}

function varies(response: Raw): boolean {
  return /(?:^|,)\s*accept-encoding\s*(?:,|$)/i.test(String(response.headers.vary ?? ''));
}

/** Fetches a path identity, brotli and gzip: all three decode to the same bytes, and the last two are smaller. */
async function checkCodings(url: string): Promise<Record<'identity' | 'br' | 'gzip', Raw>> {
  const identity = await get(url, { 'accept-encoding': 'identity' });
  const br = await get(url, { 'accept-encoding': 'gzip, deflate, br' });
  const gzip = await get(url, { 'accept-encoding': 'gzip' });
  assert.equal(identity.status, 200, url);
  assert.equal(identity.headers['content-encoding'], undefined, url);
  assert.equal(br.headers['content-encoding'], 'br', url);
  assert.equal(gzip.headers['content-encoding'], 'gzip', url);
  for (const response of [identity, br, gzip]) {
    assert.ok(varies(response), `${url}: Vary is ${response.headers.vary}`);
    assert.deepEqual(decoded(response), identity.body, url);
    assert.equal(Number(response.headers['content-length'] ?? response.body.length), response.body.length, url);
  }
  assert.ok(br.body.length < identity.body.length / 2 && gzip.body.length < identity.body.length / 2, url);
  return { identity, br, gzip };
}

describe('Accept-Encoding negotiation', () => {
  test('brotli first, gzip next, nothing refused is forced on a client', () => {
    assert.equal(negotiateEncoding('gzip, deflate, br'), 'br');
    assert.equal(negotiateEncoding('gzip'), 'gzip');
    assert.equal(negotiateEncoding('x-gzip'), 'gzip');
    assert.equal(negotiateEncoding('br;q=0.5, gzip'), 'gzip');
    assert.equal(negotiateEncoding('br;q=0, *'), 'gzip');
    assert.equal(negotiateEncoding('*;q=0'), undefined);
    assert.equal(negotiateEncoding('identity'), undefined);
    assert.equal(negotiateEncoding(''), undefined);
    assert.equal(negotiateEncoding(undefined), undefined);
  });
});

describe(onStore('static files: compression and caching'), () => {
  let server: TestServer;
  /** Script-like text of about 20 kB, compressible as a real chunk is. */
  const script = Array.from({ length: 400 }, (_, i) => `export const value${i} = "élément ${i % 37}";\n`).join('');

  before(async () => {
    const dir = tempDir();
    const roots = { demo: join(dir, 'demo'), cdn: join(dir, 'cdn'), referential: join(dir, 'ref') };
    for (const root of Object.values(roots)) mkdirSync(root, { recursive: true });
    mkdirSync(join(roots.cdn, 'chunks'));
    writeFileSync(join(roots.cdn, 'barometre-widgets.js'), script);
    writeFileSync(join(roots.cdn, 'barometre-widgets.js.map'), '{"version":3,"sources":[],"mappings":""}');
    writeFileSync(join(roots.cdn, 'custom-elements.json'), '{"schemaVersion":"1.0.0","modules":[]}');
    writeFileSync(join(roots.cdn, 'chunks', 'questionnaire-D6Q1_-rC.js'), script);
    writeFileSync(join(roots.cdn, 'chunks', 'tiny-AbCd1234.js'), 'export {};\n');
    writeFileSync(join(roots.demo, 'index.html'), `<!doctype html><title>Démo</title>${'<p>Baromètre</p>\n'.repeat(200)}`);
    server = await startServer({ staticRoots: roots }, {}, dir);
  });
  after(() => server.close());

  test('the loader, a chunk and a page leave as brotli or gzip, decoding to the same bytes', async () => {
    for (const path of ['/cdn/barometre-widgets.js', '/cdn/chunks/questionnaire-D6Q1_-rC.js', '/']) {
      const { br, gzip } = await checkCodings(`${server.url}${path}`);
      for (const response of [br, gzip]) {
        assert.equal(response.headers['x-content-type-options'], 'nosniff', path);
        assert.equal(response.headers['accept-ranges'], undefined, path);
      }
    }
    // The chunk is compressed once and kept: later answers decode to the same bytes, smaller or equal.
    const first = await get(`${server.url}/cdn/chunks/questionnaire-D6Q1_-rC.js`, { 'accept-encoding': 'br' });
    await new Promise((resolve) => setTimeout(resolve, 200));
    const later = await get(`${server.url}/cdn/chunks/questionnaire-D6Q1_-rC.js`, { 'accept-encoding': 'br' });
    assert.deepEqual(decoded(later), decoded(first));
    assert.ok(later.body.length <= first.body.length);
  });

  test('module scripts stay open to every origin once compressed', async () => {
    const response = await get(`${server.url}/cdn/barometre-widgets.js`, { 'accept-encoding': 'br', origin: 'https://mairie.example' });
    assert.equal(response.headers['content-encoding'], 'br');
    assert.equal(response.headers['access-control-allow-origin'], '*');
  });

  test('files under 1 kB leave as they are', async () => {
    const response = await get(`${server.url}/cdn/chunks/tiny-AbCd1234.js`, { 'accept-encoding': 'br' });
    assert.equal(response.status, 200);
    assert.equal(response.headers['content-encoding'], undefined);
    assert.equal(response.body.toString(), 'export {};\n');
  });

  test('content-hashed chunks are immutable; pages are kept five minutes, then revalidated', async () => {
    for (const chunk of ['questionnaire-D6Q1_-rC.js', 'tiny-AbCd1234.js']) {
      const response = await get(`${server.url}/cdn/chunks/${chunk}`, { 'accept-encoding': 'br' });
      assert.equal(response.headers['cache-control'], 'public, max-age=31536000, immutable', chunk);
    }
    for (const path of ['/', '/index.html', '/cdn/barometre-widgets.js.map', '/cdn/custom-elements.json']) {
      const response = await get(`${server.url}${path}`, { 'accept-encoding': 'br' });
      assert.equal(response.headers['cache-control'], 'public, max-age=300', path);
    }
    for (const path of ['/cdn/barometre-widgets.js', '/']) {
      for (const coding of ['br', 'gzip', 'identity']) {
        const response = await get(`${server.url}${path}`, { 'accept-encoding': coding });
        const etag = response.headers.etag;
        assert.ok(etag, path);
        const again = await get(`${server.url}${path}`, { 'accept-encoding': coding, 'if-none-match': etag });
        assert.equal(again.status, 304, `${path} ${coding}`);
        assert.equal(again.body.length, 0);
        assert.ok(varies(again), `${path}: Vary is ${again.headers.vary}`);
        assert.equal(again.headers['cache-control'], response.headers['cache-control'], `${path}: a 304 renews the same rules`);
      }
    }
  });

  test('the loader is kept five minutes, then a week more while a kept copy runs and is revalidated behind it', async () => {
    // A visit the day after (a day's Age and the seconds between the visits) runs the kept loader at once.
    const week = 7 * 24 * 3600;
    for (const path of ['/cdn/barometre-widgets.js', '/cdn/barometre-widgets.js?handover=1718000000000']) {
      for (const coding of ['br', 'gzip', 'identity']) {
        const response = await get(`${server.url}${path}`, { 'accept-encoding': coding });
        assert.equal(response.status, 200, path);
        assert.equal(response.headers['cache-control'], `public, max-age=300, stale-while-revalidate=${week}`, `${path} ${coding}`);
      }
    }
  });
});

describe(onStore('API: compression and kept results'), () => {
  let server: TestServer;
  before(async () => {
    server = await startServer();
    // Enough communes of Ille-et-Vilaine for its figures to be published, so answers are full-sized.
    const communes = collectivites((c) => c.kind === 'commune' && c.departementCode === '35', 6);
    for (const commune of communes) assert.equal((await putContribution(server.url, commune.siret, 'cybersecurite', cyberSubmission())).status, 201);
    await publishNow(server.url);
  });
  after(() => server.close());

  const paths = [
    '/api/v1/resultats/cybersecurite?territoire=departement:35&comparer=region,france',
    '/api/v1/resultats/cybersecurite/carte?niveau=departement&question=rssi',
    '/api/v1/questionnaires/cybersecurite',
  ];

  test('JSON answers leave as brotli or gzip, with every security header', async () => {
    for (const path of paths) {
      const { identity, br, gzip } = await checkCodings(`${server.url}${path}`);
      assert.equal(identity.headers['content-type'], 'application/json; charset=utf-8', path);
      for (const response of [br, gzip]) {
        assert.equal(response.headers['content-type'], 'application/json; charset=utf-8', path);
        assert.equal(response.headers['x-content-type-options'], 'nosniff', path);
        assert.equal(response.headers['x-frame-options'], 'DENY', path);
        assert.equal(response.headers['content-security-policy'], "default-src 'none'; frame-ancestors 'none'", path);
        assert.equal(response.headers['cross-origin-resource-policy'], 'same-origin', path);
        assert.match(String(response.headers['cache-control']), /^public/, path);
      }
    }
  });

  test('a results request repeated gets the same bytes, tagged the same, and a 304 once held', async () => {
    for (const path of paths.slice(0, 2)) {
      const first = await get(`${server.url}${path}`, { 'accept-encoding': 'identity' });
      const body = first.body.toString();
      // One tag for the same figures in every encoding: weak, as the bytes differ between them.
      assert.match(String(first.headers.etag), /^W\/"/, path);
      // Compact JSON, as Fastify serialises a value.
      assert.equal(body, JSON.stringify(JSON.parse(body)), path);
      for (const coding of ['identity', 'br', 'gzip', 'identity']) {
        const again = await get(`${server.url}${path}`, { 'accept-encoding': coding });
        assert.deepEqual(decoded(again), first.body, `${path} ${coding}`);
        assert.equal(again.headers.etag, first.headers.etag, path);
        assert.match(String(again.headers.vary), /Accept-Language/, path);
      }
      const held = await get(`${server.url}${path}`, { 'accept-encoding': 'br', 'if-none-match': String(first.headers.etag) });
      assert.equal(held.status, 304, path);
    }
  });

  test('a definition repeated gets the same bytes in every coding, serialised as the definition is', async () => {
    const path = '/api/v1/questionnaires/cybersecurite';
    const first = await get(`${server.url}${path}`, { 'accept-encoding': 'identity' });
    assert.equal(first.body.toString(), JSON.stringify(definitions.cybersecurite));
    for (const coding of ['br', 'gzip', 'br', 'identity']) {
      const again = await get(`${server.url}${path}`, { 'accept-encoding': coding });
      assert.deepEqual(decoded(again), first.body, coding);
      assert.equal(again.headers.etag, first.headers.etag, coding);
      assert.match(String(again.headers.vary), /accept-encoding/i, coding);
    }
    const held = await get(`${server.url}${path}`, { 'accept-encoding': 'br', 'if-none-match': String(first.headers.etag) });
    assert.equal(held.status, 304);
  });

  test('the same question spelt another way gets the same answer', async () => {
    const a = await get(`${server.url}/api/v1/resultats/cybersecurite?territoire=departement:35&comparer=region&comparer=france`, { 'accept-encoding': 'br' });
    const b = await get(`${server.url}/api/v1/resultats/cybersecurite?comparer=region,france&territoire=departement:35`, { 'accept-encoding': 'gzip' });
    assert.deepEqual(decoded(a), decoded(b));
  });
});
