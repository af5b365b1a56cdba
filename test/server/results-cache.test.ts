import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  adminPost,
  collectivites,
  cyberSubmission,
  json,
  onStore,
  putContribution,
  startServer,
  type TestServer,
} from './helpers.js';

// Results are summed from per-block tallies kept between requests; these tests check that what a
// long-running server answers after every kind of write is exactly what a server that has never
// computed anything answers from the same database.

const QUERIES = [
  'territoire=france',
  'territoire=region:53&comparer=france',
  'territoire=departement:35&comparer=region,france',
  'territoire=departement:29&comparer=region',
  'territoire=departement:35&comparer=france&ponderation=redressee',
  'territoire=france&type=commune&bande=0-499',
  'territoire=region:53&type=region',
];

/** A body without the one field that differs between two computations of the same figures. */
function figures(body: { generatedAt?: string }): unknown {
  const { generatedAt: _generatedAt, ...rest } = body;
  return rest;
}

describe(onStore('results kept between requests'), () => {
  let server: TestServer;
  const ille = collectivites((c) => c.kind === 'commune' && c.departementCode === '35' && c.populationBand === '0-499', 9);
  const finistere = collectivites((c) => c.kind === 'commune' && c.departementCode === '29', 7);
  const [bretagne] = collectivites((c) => c.kind === 'region' && c.code === '53', 1);
  const tokens = new Map<string, string>();

  const results = async (target: TestServer, query: string, headers: Record<string, string> = {}) =>
    json(await fetch(`${target.url}/api/v1/resultats/cybersecurite?${query}`, { headers }));

  /** Every query answered by the long-running server and by a fresh one on the same file agree. */
  async function assertSameAsFresh(): Promise<void> {
    const fresh = await startServer({}, {}, server.dir);
    try {
      for (const query of QUERIES) {
        const [kept, computed] = [await results(server, query), await results(fresh, query)];
        assert.equal(kept.status, 200, query);
        assert.deepEqual(figures(kept.body), figures(computed.body), query);
      }
    } finally {
      await fresh.close({ keepFiles: true });
    }
  }

  const put = async (siret: string, overrides: Record<string, unknown> = {}, token?: string) => {
    const response = await json(await putContribution(server.url, siret, 'cybersecurite', cyberSubmission(overrides), token ? { token } : {}));
    if (response.body?.editToken) tokens.set(siret, response.body.editToken);
    return response;
  };

  before(async () => {
    server = await startServer();
    for (const commune of [...ille.slice(0, 8), ...finistere.slice(0, 6)]) {
      assert.equal((await put(commune.siret, { formation_agents: 'oui' })).status, 201);
    }
    assert.equal((await put(bretagne!.siret)).status, 201);
  });
  after(() => server.close());

  test('a new contribution is counted in its département, région and France at once', async () => {
    await assertSameAsFresh();
    const before = (await results(server, 'territoire=departement:35&comparer=region,france')).body;
    assert.equal((await put(ille[8]!.siret)).status, 201);
    const afterwards = (await results(server, 'territoire=departement:35&comparer=region,france')).body;
    assert.deepEqual(
      afterwards.series.map((s: { n: number }) => s.n),
      before.series.map((s: { n: number }) => s.n + 1),
    );
    await assertSameAsFresh();
  });

  test('a replaced contribution changes the figures, not the number of respondents', async () => {
    const question = 'territoire=departement:29&question=formation_agents';
    const before = (await results(server, question)).body.series[0];
    const siret = finistere[0]!.siret;
    assert.equal((await put(siret, { formation_agents: 'non' }, tokens.get(siret))).status, 200);
    const afterwards = (await results(server, question)).body.series[0];
    assert.equal(afterwards.n, before.n);
    // One answer moved from "oui" to "non": the published cells change (some may now be hidden).
    assert.notDeepEqual(afterwards.questions.formation_agents, before.questions.formation_agents);
    await assertSameAsFresh();
  });

  test('an accepted pending submission changes the figures', async () => {
    const siret = finistere[1]!.siret;
    const pending = await put(siret, { formation_agents: 'non' });
    assert.equal(pending.status, 409);
    const before = await results(server, 'territoire=departement:29');
    assert.equal((await adminPost(server.url, `/api/v1/admin/pending/${pending.body.details.pendingId}/accept`)).status, 200);
    // Small cells may hide the change itself; the figures' revision shows it was seen.
    const afterwards = await results(server, 'territoire=departement:29');
    assert.notEqual(afterwards.headers.get('etag'), before.headers.get('etag'));
    await assertSameAsFresh();
  });
});

describe(onStore('results caching headers'), () => {
  let server: TestServer;
  const communes = collectivites((c) => c.kind === 'commune' && c.departementCode === '56', 8);

  before(async () => {
    server = await startServer();
    for (const commune of communes.slice(0, 6)) {
      assert.equal((await putContribution(server.url, commune.siret, 'cybersecurite', cyberSubmission())).status, 201);
    }
  });
  after(() => server.close());

  const paths = ['/resultats/cybersecurite?territoire=departement:56', '/resultats/cybersecurite/carte?question=rssi'];
  paths.forEach((path, index) => {
    test(`${path.split('?')[0]} carries an ETag that holds until a contribution arrives`, async () => {
      const url = `${server.url}/api/v1${path}`;
      const first = await fetch(url);
      assert.equal(first.status, 200);
      const tag = first.headers.get('etag');
      assert.match(tag ?? '', /^W\/".+"$/);
      assert.match(first.headers.get('cache-control') ?? '', /public, max-age=\d+/);
      assert.match(first.headers.get('vary') ?? '', /Accept-Language/);

      // A cache revalidating gets a bodyless 304 with the same tag.
      const again = await fetch(url, { headers: { 'if-none-match': tag! } });
      assert.equal(again.status, 304);
      assert.equal(await again.text(), '');
      assert.equal(again.headers.get('etag'), tag);
      // Another language is another representation.
      assert.notEqual((await fetch(url, { headers: { 'accept-language': 'en' } })).headers.get('etag'), tag);

      // A collectivité that had not answered yet does: the old tag no longer matches.
      const written = await putContribution(server.url, communes[6 + index]!.siret, 'cybersecurite', cyberSubmission());
      assert.equal(written.status, 201);
      const changed = await fetch(url, { headers: { 'if-none-match': tag! } });
      assert.equal(changed.status, 200);
      assert.notEqual(changed.headers.get('etag'), tag);
    });
  });
});
