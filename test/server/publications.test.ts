// Publications: public figures change only when one comes out — on schedule, at start when none
// exists, or when the administrator asks — and every response says which it comes from, so that
// browsers and CDNs may keep it until the next one is due.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { definitions } from '../../src/questionnaires/all.js';
import {
  adminPost,
  collectivites,
  cyberSubmission,
  holdPublicationLock,
  json,
  onStore,
  openTestStore,
  publications,
  publishNow,
  putContribution,
  startServer,
  type PublicationSummary,
  type TestServer,
} from './helpers.js';
import { answersWithFreeText } from './hardening/free-text.js';

const communesOf35 = collectivites((c) => c.kind === 'commune' && c.departementCode === '35' && c.populationBand === '0-499', 21);
const communesOf56 = collectivites((c) => c.kind === 'commune' && c.departementCode === '56' && c.populationBand === '0-499', 8);

const RESULTS = '/resultats/cybersecurite?territoire=departement:35&comparer=region,france';
const MAP = '/resultats/cybersecurite/carte?question=rssi';

async function put(server: TestServer, siret: string, theme = 'cybersecurite', body: unknown = cyberSubmission()): Promise<void> {
  const response = await putContribution(server.url, siret, theme, body);
  assert.equal(response.status, 201, await response.text());
}

describe(onStore('publications'), () => {
  let server: TestServer;
  let first: PublicationSummary;

  before(async () => {
    server = await startServer();
    // The server published at start: nothing to count yet.
    first = (await publications(server.url))[0]!;
    assert.equal(first.contributions, 0);
  });
  after(() => server.close());

  const get = (path: string, headers: Record<string, string> = {}) => fetch(`${server.url}/api/v1${path}`, { headers });
  const departement35 = async () => (await json(await get(RESULTS))).body.series[0] as { status: string; n: number | null };

  test('a contribution is counted at the next publication, not before', async () => {
    for (const commune of communesOf35.slice(0, 6)) await put(server, commune.siret);
    // Until a publication, the results are the previous one's, tag and all.
    const waiting = await json(await get(RESULTS));
    assert.deepEqual(waiting.body.publication, { id: first.id, publishedAt: first.publishedAt, edition: '2026' });
    assert.deepEqual([waiting.body.series[0].status, waiting.body.series[0].n], ['aucune', 0]);

    const second = await publishNow(server.url);
    assert.equal(second.contributions, 6);
    assert.ok(second.publishedAt > first.publishedAt);
    const published = await json(await get(RESULTS));
    assert.deepEqual(published.body.publication, { id: second.id, publishedAt: second.publishedAt, edition: '2026' });
    assert.deepEqual([published.body.series[0].status, published.body.series[0].n], ['publie', 6]);
  });

  test('a lone change waits until enough others join it, so that no publication differs from the last by one collectivité', async () => {
    const before = await departement35();
    await put(server, communesOf35[6]!.siret);
    const alone = await publishNow(server.url);
    // Published, but without the newcomer: the département would move by one respondent.
    assert.equal(alone.contributions, 6);
    assert.deepEqual(await departement35(), before);
    for (const commune of communesOf35.slice(7, 11)) await put(server, commune.siret);
    const together = await publishNow(server.url);
    assert.equal(together.contributions, 11);
    const counted = await departement35();
    assert.deepEqual([counted.status, counted.n], ['publie', 11]);
  });

  test('GET /publications lists them newest first, with the contributions each counted', async () => {
    const response = await get('/publications');
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('cache-control'), 'public, no-cache');
    const body = await response.json();
    // Publishing on demand only: no next publication is scheduled.
    assert.equal(body.next, null);
    const listed = body.publications as PublicationSummary[];
    assert.deepEqual(listed.map((p) => p.contributions), [11, 6, 6, 0]);
    assert.equal(listed.at(-1)!.id, first.id);
    for (const [index, publication] of listed.entries()) {
      assert.deepEqual(Object.keys(publication).sort(), ['contributions', 'edition', 'id', 'publishedAt']);
      assert.ok(!Number.isNaN(Date.parse(publication.publishedAt)));
      if (index > 0) assert.ok(publication.publishedAt < listed[index - 1]!.publishedAt, 'newest first');
    }
    assert.equal(new Set(listed.map((p) => p.id)).size, listed.length);
    // Every theme's contributions are counted together.
    for (const commune of communesOf56.slice(0, 5)) {
      const answers = answersWithFreeText(definitions.inclusion, 7, () => 'texte libre');
      await put(server, commune.siret, 'inclusion', { role: 'agent', version: definitions.inclusion.version, answers });
    }
    assert.equal((await publishNow(server.url)).contributions, 16);
  });

  [RESULTS, MAP].forEach((path, index) => {
    test(`${path.split('?')[0]}: an ETag naming the publication, kept across writes until the next one`, async () => {
      const response = await get(path);
      assert.equal(response.status, 200);
      const publication = (await response.json()).publication as { id: string };
      const tag = response.headers.get('etag')!;
      // Weak: one tag for the same figures whether they leave gzip, brotli or identity encoded.
      assert.match(tag, /^W\/"[^"]+"$/, 'a weak tag');
      assert.ok(tag.startsWith(`W/"${publication.id}-`), tag);
      assert.equal(response.headers.get('cache-control'), 'public, no-cache');
      assert.match(response.headers.get('vary') ?? '', /Accept-Language/);

      // A cache revalidating gets a bodyless 304 with the same tag, whether it sends it weak or strong.
      for (const sent of [tag, tag.slice(2), `"other", ${tag}`]) {
        const again = await get(path, { 'if-none-match': sent });
        assert.equal(again.status, 304, sent);
        assert.equal(await again.text(), '');
        assert.equal(again.headers.get('etag'), tag);
      }
      assert.equal((await get(path, { 'if-none-match': '"another-tag"' })).status, 200);
      // Another language, or another question, is another representation.
      assert.notEqual((await get(path, { 'accept-language': 'en' })).headers.get('etag'), tag);
      assert.notEqual((await get(`${path}&ponderation=redressee`)).headers.get('etag'), tag);

      // Writes change nothing until a publication: the tag holds.
      for (const commune of communesOf35.slice(11 + 5 * index, 16 + 5 * index)) await put(server, commune.siret);
      assert.equal((await get(path, { 'if-none-match': tag })).status, 304);
      assert.equal((await get(path)).headers.get('etag'), tag);

      // After one, the old tag no longer matches.
      const next = await publishNow(server.url);
      const changed = await get(path, { 'if-none-match': tag });
      assert.equal(changed.status, 200);
      assert.ok(changed.headers.get('etag')!.startsWith(`W/"${next.id}-`));
    });
  });

  test('POST /admin/publications is the administrator’s', async () => {
    const count = (await publications(server.url)).length;
    for (const authorization of [undefined, 'Bearer wrong-token-wrong-token-wrong']) {
      const refused = await json(await fetch(`${server.url}/api/v1/admin/publications`, { method: 'POST', ...(authorization ? { headers: { authorization } } : {}) }));
      assert.equal(refused.status, 401, authorization);
      assert.equal(refused.body.error, 'unauthorized');
    }
    assert.equal((await publications(server.url)).length, count, 'nothing was published');
    const created = await json(await adminPost(server.url, '/api/v1/admin/publications'));
    assert.equal(created.status, 201);
    assert.deepEqual(Object.keys(created.body).sort(), ['contributions', 'edition', 'id', 'publishedAt']);
    assert.deepEqual((await publications(server.url))[0], created.body);
  });

  test('without an administrator token, nobody may publish', async () => {
    const closed = await startServer({ adminToken: undefined });
    try {
      const refused = await json(await adminPost(closed.url, '/api/v1/admin/publications'));
      assert.equal(refused.status, 401);
      assert.equal(refused.body.error, 'unauthorized');
    } finally {
      await closed.close();
    }
  });
});

describe(onStore('publications on a schedule'), () => {
  test('results may be kept until the next scheduled publication, which GET /publications announces', async () => {
    const hourly = await startServer({ publicationIntervalMs: 3_600_000 });
    try {
      const nextPublication = async () => {
        const asked = Date.now();
        const listed = await json(await fetch(`${hourly.url}/api/v1/publications`));
        const next = Date.parse(listed.body.next);
        // On the hour, whichever instance is asked: the schedule is aligned on the clock.
        assert.equal(next % 3_600_000, 0, listed.body.next);
        assert.ok(next > asked && next <= asked + 3_600_000 + 1000, listed.body.next);
        return next;
      };
      for (const path of [RESULTS, MAP]) {
        const before = Date.now();
        const response = await fetch(`${hourly.url}/api/v1${path}`);
        // Asked afterwards: should the hour strike meanwhile, the bound is only looser.
        const next = await nextPublication();
        assert.equal(response.status, 200);
        const maxAge = Number(/^public, max-age=(\d+)$/.exec(response.headers.get('cache-control') ?? '')?.[1]);
        assert.ok(Number.isInteger(maxAge), response.headers.get('cache-control')!);
        // Never beyond the next publication.
        assert.ok(maxAge >= 0 && maxAge <= Math.ceil((next - before) / 1000), `max-age=${maxAge}, ${(next - before) / 1000} s to go`);
      }
    } finally {
      await hourly.close();
    }
  });
});

describe(onStore('before the first publication'), () => {
  test('results answer 503 publication_pending, and the administrator cannot publish while another holds the lock', async () => {
    // Another instance is computing the first publication: this one starts with nothing to serve.
    const opened = await openTestStore();
    const held = await holdPublicationLock(opened.store);
    const server = await startServer({}, { store: opened.store }, undefined, { awaitPublication: false });
    try {
      for (const path of [RESULTS, MAP]) {
        const pending = await json(await fetch(`${server.url}/api/v1${path}`));
        assert.equal(pending.status, 503, path);
        assert.equal(pending.body.error, 'publication_pending');
        assert.match(pending.body.message, /30 secondes/);
        assert.equal(pending.headers.get('retry-after'), '30');
      }
      assert.deepEqual((await json(await fetch(`${server.url}/api/v1/publications`))).body, { publications: [], next: null });
      const busy = await json(await adminPost(server.url, '/api/v1/admin/publications'));
      assert.equal(busy.status, 409);
      assert.equal(busy.body.error, 'publication_busy');

      held.release();
      await held.result;
      const published = await publishNow(server.url);
      const results = await json(await fetch(`${server.url}/api/v1${RESULTS}`));
      assert.equal(results.status, 200);
      assert.equal(results.body.publication.id, published.id);
    } finally {
      held.release();
      await server.close();
      await opened.dispose();
    }
  });
});
