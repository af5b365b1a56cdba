import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildBrowserArtefacts } from '../../../src/referential/browser/artefacts.js';
import { BrowserReferential, type ArtefactFetch } from '../../../src/referential/browser/client.js';
import { ARTEFACT_PATHS } from '../../../src/referential/browser/format.js';
import { referential } from './real-referential.js';

// The artefacts served as a static folder would serve them, bytes included.
const artefacts = buildBrowserArtefacts(referential);
const files = new Map<string, string>([[ARTEFACT_PATHS.index, JSON.stringify(artefacts.index)]]);
for (const [code, file] of artefacts.departements) files.set(ARTEFACT_PATHS.departement(code), JSON.stringify(file));
for (const [key, shard] of artefacts.shards) files.set(ARTEFACT_PATHS.shard(key), JSON.stringify(shard));

const BASE = 'https://example.test/referential/';

function serve(): { fetch: ArtefactFetch; requested: string[] } {
  const requested: string[] = [];
  const fetch: ArtefactFetch = async (url) => {
    requested.push(url.slice(BASE.length));
    const body = files.get(url.slice(BASE.length));
    return { ok: body !== undefined, status: body === undefined ? 404 : 200, json: async () => JSON.parse(body!) };
  };
  return { fetch, requested };
}

test('the browser search ranks like the server on the examples that matter', async () => {
  const client = new BrowserReferential({ baseUrl: BASE, fetch: serve().fetch });
  for (const query of ['st etienne', 'rennes metropole', 'Rennes', '35238', 'bretagne', "l'ile-d'yeu", 'saint-denis', 'mayenne', 'paris', 'lyon', '2A004', 'montpellier']) {
    const server = referential.search(query, { limit: 5 }).map((h) => h.id);
    const browser = (await client.search(query, { limit: 5 })).map((h) => h.id);
    assert.deepEqual(browser, server, query);
  }
});

test('a search downloads the index once and then a single small file', async () => {
  const { fetch, requested } = serve();
  const client = new BrowserReferential({ baseUrl: BASE.slice(0, -1), fetch }); // without trailing slash
  await client.search('st etienne');
  await client.search('saint-etienne-du-rouvray');
  assert.equal(requested[0], 'index.json');
  assert.equal(requested.filter((path) => path === 'index.json').length, 1);
  assert.equal(requested.length, 2, requested.join(', ')); // both queries use the shard of "etienne"
  assert.match(requested[1]!, /^search\/et/);
  await client.search('35238');
  assert.equal(requested.at(-1), 'communes/35.json');
});

test('searching only régions, départements or EPCI downloads no commune file', async () => {
  const { fetch, requested } = serve();
  const client = new BrowserReferential({ baseUrl: BASE, fetch });
  const hits = await client.search('rennes', { kinds: ['epci'] });
  assert.equal(hits[0]?.id, 'epci:243500139');
  assert.deepEqual(requested, ['index.json']);
});

test('a query word too short for a shard still finds names having that exact word', async () => {
  const client = new BrowserReferential({ baseUrl: BASE, fetch: serve().fetch });
  const hits = await client.search('mont', { kinds: ['commune'], limit: 50 });
  assert.ok(hits.some((h) => h.name === 'Mont-Dol'));
});

test('territories read from the artefacts equal the server ones', async () => {
  const client = new BrowserReferential({ baseUrl: BASE, fetch: serve().fetch });
  for (const id of ['commune:35238', 'commune:29155', 'epci:243500139', 'departement:35', 'region:53', 'france']) {
    assert.deepEqual(await client.territory(id), referential.territory(id), id);
  }
  assert.equal(await client.territory('commune:35999'), null);
  assert.equal(await client.territory('departement:20'), null);
  const communes = await client.communesOf('35');
  assert.equal(communes?.length, referential.memberCommunes('departement:35')!.length);
  assert.equal(await client.communesOf('99'), null);
});

test('a failed download rejects, and the next call tries again', async () => {
  let failures = 1;
  const { fetch } = serve();
  const flaky: ArtefactFetch = async (url) => (failures-- > 0 ? { ok: false, status: 503, json: async () => null } : fetch(url));
  const client = new BrowserReferential({ baseUrl: BASE, fetch: flaky });
  await assert.rejects(client.index(), /HTTP 503/);
  assert.equal((await client.index()).regions.length, 18);
});
