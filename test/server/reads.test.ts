import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { definitions } from '../../src/questionnaires/all.js';
import { SqliteContributionStore } from '../../src/server/store/sqlite/sqlite-store.js';
import { json, onStore, RENNES_SIRET, startServer, type TestServer } from './helpers.js';

describe(onStore('read routes'), () => {
  let server: TestServer;
  before(async () => {
    server = await startServer();
  });
  after(async () => {
    await server.close();
  });

  test('a definition, the list and a wave status revalidate with their tag: 304 without a body, a new tag for other content', async () => {
    const paths = ['/questionnaires', '/questionnaires/cybersecurite', '/questionnaires/cybersecurite/vague'];
    const tags = new Set<string>();
    for (const path of paths) {
      const first = await fetch(`${server.url}/api/v1${path}`);
      const tag = first.headers.get('etag');
      assert.match(tag ?? '', /^W\/"[\w-]{22}"$/, path);
      tags.add(tag!);
      const again = await fetch(`${server.url}/api/v1${path}`, { headers: { 'if-none-match': tag! } });
      assert.equal(again.status, 304, path);
      assert.equal(await again.text(), '');
      assert.equal(again.headers.get('etag'), tag);
      assert.match(again.headers.get('cache-control')!, /^public, max-age=\d+$/);
      const stale = await fetch(`${server.url}/api/v1${path}`, { headers: { 'if-none-match': 'W/"autre"' } });
      assert.equal(stale.status, 200, path);
    }
    assert.equal(tags.size, paths.length);
    const other = await fetch(`${server.url}/api/v1/questionnaires/inclusion`);
    assert.ok(!tags.has(other.headers.get('etag')!));
  });

  test('GET /health reports the contribution count and version', async () => {
    const response = await json(await fetch(`${server.url}/api/v1/health`));
    assert.equal(response.status, 200);
    assert.deepEqual(response.body, { status: 'ok', contributions: 0, version: '0.1.0' });
  });

  test('GET /questionnaires lists the nine themes; GET /questionnaires/:theme gives a definition', async () => {
    const list = await json(await fetch(`${server.url}/api/v1/questionnaires`));
    assert.equal(list.status, 200);
    assert.equal(list.body.questionnaires.length, 9);
    const cyber = list.body.questionnaires.find((q: { theme: string }) => q.theme === 'cybersecurite');
    assert.deepEqual(Object.keys(cyber).sort(), ['estimatedMinutes', 'theme', 'title', 'version', 'wave']);
    assert.equal(cyber.wave, 1);
    assert.equal(cyber.title.fr, definitions.cybersecurite.title.fr);
    assert.match(list.headers.get('cache-control')!, /public/);

    const definition = await json(await fetch(`${server.url}/api/v1/questionnaires/cybersecurite`));
    assert.equal(definition.status, 200);
    assert.deepEqual(definition.body, JSON.parse(JSON.stringify(definitions.cybersecurite)));

    const unknown = await json(await fetch(`${server.url}/api/v1/questionnaires/astrologie`));
    assert.equal(unknown.status, 404);
    assert.equal(unknown.headers.get('etag'), null);
    assert.equal(unknown.body.error, 'theme_not_found');
    assert.match(unknown.body.message, /cybersecurite/);
  });

  test('GET /collectivites/:siret resolves a SIRET, with distinct errors for each mistake', async () => {
    const rennes = await json(await fetch(`${server.url}/api/v1/collectivites/${RENNES_SIRET}`));
    assert.equal(rennes.status, 200);
    assert.equal(rennes.body.name, 'Rennes');
    assert.equal(rennes.body.kind, 'commune');
    assert.equal(rennes.body.siret, RENNES_SIRET);
    assert.equal(rennes.body.siren, '213502388');
    assert.equal(rennes.body.territoryId, 'commune:35238');
    assert.equal(rennes.body.departementName, 'Ille-et-Vilaine');
    assert.equal(rennes.body.regionName, 'Bretagne');

    const cases: [string, number, string, RegExp][] = [
      ['2135023880001', 400, 'siret_length', /14 chiffres/],
      ['21350238800019999', 400, 'siret_length', /14 chiffres/],
      ['2135O238800019', 400, 'siret_digits', /« O »/],
      ['21350238800091', 400, 'siret_checksum', /clé de contrôle/],
      ['35600000000048', 404, 'collectivite_not_found', /aucune collectivité/],
    ];
    for (const [siret, status, error, message] of cases) {
      const response = await json(await fetch(`${server.url}/api/v1/collectivites/${siret}`));
      assert.equal(response.status, status, siret);
      assert.equal(response.body.error, error, siret);
      assert.match(response.body.message, message);
    }
    const english = await json(await fetch(`${server.url}/api/v1/collectivites/21350238800091`, { headers: { 'accept-language': 'en' } }));
    assert.match(english.body.message, /check digit/);
  });

  test('GET /territoires searches all levels, with a bounded limit', async () => {
    const response = await json(await fetch(`${server.url}/api/v1/territoires?q=rennes`));
    assert.equal(response.status, 200);
    const ids = response.body.territories.map((t: { id: string }) => t.id);
    assert.ok(ids.includes('commune:35238'));
    assert.ok(ids.includes('epci:243500139'));
    const rennes = response.body.territories.find((t: { id: string }) => t.id === 'commune:35238');
    assert.equal(rennes.name, 'Rennes');
    assert.equal(rennes.siren, undefined);

    const kinds = new Set<string>();
    for (const q of ['bretagne', 'ille-et-vilaine', 'saint']) {
      const found = await json(await fetch(`${server.url}/api/v1/territoires?q=${encodeURIComponent(q)}&limit=50`));
      for (const t of found.body.territories) kinds.add(t.kind);
      assert.ok(found.body.territories.length <= 50);
    }
    assert.ok(kinds.has('region') && kinds.has('departement') && kinds.has('commune'));

    const limited = await json(await fetch(`${server.url}/api/v1/territoires?q=saint&limit=3`));
    assert.equal(limited.body.territories.length, 3);

    for (const query of ['', '?q=', '?q=r', '?q=%20%20']) {
      const bad = await json(await fetch(`${server.url}/api/v1/territoires${query}`));
      assert.equal(bad.status, 400, query);
      assert.equal(bad.body.error, 'query_too_short');
    }
    for (const limit of ['0', '51', 'abc', '-1']) {
      const bad = await json(await fetch(`${server.url}/api/v1/territoires?q=saint&limit=${limit}`));
      assert.equal(bad.status, 400, limit);
      assert.equal(bad.body.error, 'invalid_query');
    }
  });

  test('unknown routes answer JSON 404, never HTML nor a stack trace', async () => {
    const response = await json(await fetch(`${server.url}/api/v1/nothing/here?secret=1`));
    assert.equal(response.status, 404);
    assert.equal(response.body.error, 'not_found');
    assert.doesNotMatch(response.body.message, /secret/);
    const root = await json(await fetch(`${server.url}/`));
    assert.equal(root.status, 404);
    assert.equal(root.body.error, 'not_found');
    const english = await json(await fetch(`${server.url}/api/v1/nothing`, { headers: { 'accept-language': 'en-US' } }));
    assert.match(english.body.message, /Nothing at this address/);
  });

  test('malformed URLs and internal failures answer JSON without a stack trace', async () => {
    const badUrl = await json(await fetch(`${server.url}/api/v1/collectivites/%zz`));
    assert.equal(badUrl.status, 400);
    assert.equal(badUrl.body.error, 'bad_request');

    const store = SqliteContributionStore.open({ path: ':memory:' });
    const broken = new Proxy(store, {
      get(target, property, receiver) {
        if (property === 'count') return async () => Promise.reject(new Error('disk on fire at /secret/path.ts:12'));
        const value = Reflect.get(target, property, receiver);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    const failing = await startServer({}, { store: broken });
    try {
      const response = await json(await fetch(`${failing.url}/api/v1/health`));
      assert.equal(response.status, 500);
      assert.equal(response.body.error, 'internal_error');
      assert.doesNotMatch(JSON.stringify(response.body), /fire|secret|\.ts|at /);
    } finally {
      await failing.close();
      await store.close();
    }
  });

  test('API responses carry security headers; private ones are not cached', async () => {
    const index = await fetch(`${server.url}/api/v1`);
    assert.equal(index.status, 200);
    for (const path of ['/api/v1/health', `/api/v1/contributions/${RENNES_SIRET}/cybersecurite`, '/api/v1/nothing']) {
      const response = await fetch(`${server.url}${path}`);
      assert.equal(response.headers.get('x-content-type-options'), 'nosniff', path);
      assert.equal(response.headers.get('cache-control'), 'no-store', path);
      assert.match(response.headers.get('content-type')!, /^application\/json/);
    }
  });
});
