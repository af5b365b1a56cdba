// Two API instances on one database, as behind a load balancer: whatever one instance decides
// must hold for the other, because the database decides it (on SQLite, two servers on one file).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { ContributionStore } from '../../src/server/store/types.js';
import {
  adminGet,
  adminPost,
  collectivites,
  communeSiret,
  cyberSubmission,
  json,
  newKey,
  onStore,
  openTestStore,
  publications,
  publishNow,
  putContribution,
  servedPublication,
  startServer,
  tempDir,
  TEST_STORE,
  type TestServer,
  type TestStore,
} from './helpers.js';

describe(onStore('two API instances sharing one database'), () => {
  let first: TestServer;
  let second: TestServer;
  /** Alternates between the two instances. */
  const at = (i: number) => (i % 2 === 0 ? first : second).url;

  before(async () => {
    const dir = tempDir();
    // Clients are told apart by the addresses a trusted proxy gives, each with a place in the review queue.
    const settings = { trustProxy: true, pendingLimits: { perCollectivite: 20, overall: 1000 } };
    first = await startServer(settings, {}, dir);
    second = await startServer(settings, {}, dir);
  });
  after(async () => {
    await second.close({ keepFiles: true });
    await first.close();
  });

  const contributionCount = async (server: TestServer) => (await json(await fetch(`${server.url}/api/v1/health`))).body.contributions as number;

  test('20 first submissions at once, half at each: one 201, nineteen 409 kept pending, nothing lost', async () => {
    const siret = communeSiret('35047');
    const email = (i: number) => `agent-${i}@example.fr`;
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        putContribution(at(i), siret, 'cybersecurite', { ...cyberSubmission({ rssi: i % 2 ? 'interne' : 'aucun' }), contactEmail: email(i) }, {
          headers: { 'x-forwarded-for': `10.0.1.${i + 1}` },
        }).then(json),
      ),
    );
    assert.deepEqual(responses.map((r) => r.status).sort(), [201, ...Array<number>(19).fill(409)]);
    const winner = responses.findIndex((r) => r.status === 201);
    const conflicts = responses.filter((r) => r.status === 409);
    for (const conflict of conflicts) assert.equal(conflict.body.error, 'contribution_exists');
    const pendingIds = new Set(conflicts.map((r) => r.body.details.pendingId as string));
    assert.equal(pendingIds.size, 19);

    // Both instances list the same nineteen submissions for the administrator, with their authors.
    for (const server of [first, second]) {
      const pending = (await json(await adminGet(server.url, '/api/v1/admin/pending'))).body.pending as { id: string; contactEmail: string }[];
      const mine = pending.filter((p) => pendingIds.has(p.id));
      assert.equal(mine.length, 19);
      assert.deepEqual(
        new Set(mine.map((p) => p.contactEmail)),
        new Set(Array.from({ length: 20 }, (_, i) => email(i)).filter((_, i) => i !== winner)),
      );
    }
    // The stored contribution is the 201's, seen alike from both.
    const statuses = await Promise.all([first, second].map(async (server) => (await json(await fetch(`${server.url}/api/v1/contributions/${siret}/cybersecurite`))).body));
    assert.deepEqual(statuses, [{ exists: true }, { exists: true }]);
    const csv = await (await adminGet(second.url, '/api/v1/export/cybersecurite.csv')).text();
    const row = csv.split('\r\n').find((line) => line.startsWith(siret));
    assert.ok(row?.includes(email(winner)), 'the export holds the winner');
    assert.ok(row?.includes(responses[winner]!.body.updatedAt), 'the export holds the winner’s date');
  });

  test('the same Idempotency-Key at both instances at once: one write, the same answer everywhere', async () => {
    const before = await contributionCount(first);
    const pendingBefore = (await json(await adminGet(first.url, '/api/v1/admin/pending'))).body.pending.length as number;
    const communes = ['35051', '35055', '35066', '35069', '35076'];
    for (const insee of communes) {
      const siret = communeSiret(insee);
      const key = newKey();
      const body = cyberSubmission({ double_authentification: 'oui' });
      const responses = await Promise.all(Array.from({ length: 10 }, (_, i) => putContribution(at(i), siret, 'cybersecurite', body, { key }).then(json)));
      for (const response of responses) {
        assert.equal(response.status, 201, insee);
        assert.deepEqual(response.body, responses[0]!.body, 'the same edit token for every retry');
      }
      const replayed = responses.filter((r) => r.headers.get('idempotent-replayed') === 'true');
      assert.equal(replayed.length, 9, insee);
    }
    assert.equal(await contributionCount(second), before + communes.length);
    // A retry with the key never turned into a pending submission either.
    assert.equal((await json(await adminGet(second.url, '/api/v1/admin/pending'))).body.pending.length, pendingBefore);

    // The same key with two different requests at once: one is written, the other is refused.
    const siret = communeSiret('35079');
    const key = newKey();
    const [a, b] = await Promise.all([
      putContribution(first.url, siret, 'cybersecurite', cyberSubmission({ rssi: 'interne' }), { key }).then(json),
      putContribution(second.url, siret, 'cybersecurite', cyberSubmission({ rssi: 'aucun' }), { key }).then(json),
    ]);
    assert.deepEqual([a.status, b.status].sort(), [201, 422]);
    assert.equal([a, b].find((r) => r.status === 422)!.body.error, 'idempotency_key_reused');
    assert.equal(await contributionCount(first), before + communes.length + 1);
  });

  test('replacements with the edit token at both instances at once all succeed, one after another', async () => {
    const siret = communeSiret('35080');
    const created = await json(await putContribution(first.url, siret, 'cybersecurite', cyberSubmission()));
    assert.equal(created.status, 201);
    const token = created.body.editToken as string;
    const responses = await Promise.all(
      Array.from({ length: 10 }, (_, i) => putContribution(at(i), siret, 'cybersecurite', cyberSubmission({ rssi: i % 2 ? 'interne' : 'mutualise' }), { token }).then(json)),
    );
    assert.deepEqual(responses.map((r) => r.status), Array<number>(10).fill(200));
    // The last to commit is current (its date was taken before it waited for the others, so it
    // need not be the latest date): the administrator's export shows one of the dates answered.
    const dates = new Set(responses.map((r) => r.body.updatedAt as string));
    const csv = await (await adminGet(second.url, '/api/v1/export/cybersecurite.csv')).text();
    const row = csv.split('\r\n').find((line) => line.startsWith(siret))!;
    assert.ok([...dates].some((date) => row.includes(date)), row);
    assert.equal(await contributionCount(first), await contributionCount(second));
  });

  test('an administrator accepting the same submission at both instances: one decision', async () => {
    const siret = communeSiret('35084');
    assert.equal((await json(await putContribution(first.url, siret, 'cybersecurite', cyberSubmission()))).status, 201);
    const pending = await json(await putContribution(second.url, siret, 'cybersecurite', cyberSubmission({ rssi: 'interne' })));
    assert.equal(pending.status, 409);
    const id = pending.body.details.pendingId as string;
    const decisions = await Promise.all([
      adminPost(first.url, `/api/v1/admin/pending/${id}/accept`).then(json),
      adminPost(second.url, `/api/v1/admin/pending/${id}/accept`).then(json),
      adminPost(first.url, `/api/v1/admin/pending/${id}/reject`).then(json),
      adminPost(second.url, `/api/v1/admin/pending/${id}/reject`).then(json),
    ]);
    const decided = decisions.filter((d) => d.status === 200);
    assert.equal(decided.length, 1, JSON.stringify(decisions.map((d) => d.status)));
    for (const other of decisions.filter((d) => d.status !== 200)) {
      assert.equal(other.status, 409);
      assert.equal(other.body.error, 'pending_already_decided');
    }
    const listed = (await json(await adminGet(first.url, '/api/v1/admin/pending'))).body.pending as { id: string }[];
    assert.ok(!listed.some((p) => p.id === id));
  });
});

/**
 * A store that notes when a publication holds its lock: when each task started and ended, so a
 * test can check that two never overlapped.
 */
function recordingPublications(store: ContributionStore, name: string, log: { name: string; start: number; end?: number }[]): ContributionStore {
  return new Proxy(store, {
    get(target, property) {
      if (property === 'withPublicationLock') {
        return <T>(task: () => Promise<T>) =>
          target.withPublicationLock(async () => {
            const entry: { name: string; start: number; end?: number } = { name, start: performance.now() };
            log.push(entry);
            try {
              return await task();
            } finally {
              entry.end = performance.now();
            }
          });
      }
      const value = Reflect.get(target, property, target) as unknown;
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

describe(onStore('two API instances publishing from one database'), () => {
  let opened: TestStore;
  let other: ContributionStore;
  let first: TestServer;
  let second: TestServer;
  const locks: { name: string; start: number; end?: number }[] = [];
  const communes = collectivites((c) => c.kind === 'commune' && c.departementCode === '22' && c.populationBand === '0-499', 12);

  before(async () => {
    opened = await openTestStore();
    other = await opened.openAnother();
    first = await startServer({}, { store: recordingPublications(opened.store, 'first', locks) });
    second = await startServer({}, { store: recordingPublications(other, 'second', locks) });
  });
  after(async () => {
    await second.close();
    await first.close();
    await other.close();
    await opened.dispose();
  });

  test('both serve the newest publication, whichever instance made it', async () => {
    // Only the first instance published at start; the second found that publication there.
    assert.deepEqual(locks.map((lock) => lock.name), ['first']);
    for (const [i, commune] of communes.slice(0, 6).entries()) {
      assert.equal((await putContribution((i % 2 ? first : second).url, commune.siret, 'cybersecurite', cyberSubmission())).status, 201);
    }
    const published = await publishNow(second.url);
    assert.equal(published.contributions, 6);
    // The other instance looks for newer publications every few seconds, then serves the same figures.
    for (const server of [first, second]) assert.equal((await servedPublication(server.url, published.id)).id, published.id);
    const query = '/api/v1/resultats/cybersecurite?territoire=departement:22&comparer=region,france';
    const [a, b] = await Promise.all([first, second].map(async (server) => json(await fetch(`${server.url}${query}`))));
    assert.deepEqual(a!.body, b!.body);
    assert.equal(a!.headers.get('etag'), b!.headers.get('etag'), 'one tag whichever instance answers');
    assert.deepEqual(a!.body.series[0].n, 6);
    assert.deepEqual(await publications(first.url), await publications(second.url));
  });

  test('asked to publish at once, the two instances never compute two publications together', { skip: TEST_STORE === 'sqlite' && 'one process per SQLite file: its instances share no lock' }, async (t) => {
    for (const commune of communes.slice(6, 12)) {
      assert.equal((await putContribution(first.url, commune.siret, 'cybersecurite', cyberSubmission())).status, 201);
    }
    const before = (await publications(first.url)).length;
    locks.length = 0;
    const answers = await Promise.all([first, second].map((server) => adminPost(server.url, '/api/v1/admin/publications').then(json)));
    t.diagnostic(`answered ${answers.map((answer) => answer.status).join(' and ')}`);
    const created = answers.filter((answer) => answer.status === 201);
    assert.ok(created.length >= 1, JSON.stringify(answers.map((answer) => answer.body)));
    for (const answer of answers.filter((one) => one.status !== 201)) {
      assert.equal(answer.status, 409);
      assert.equal(answer.body.error, 'publication_busy');
    }
    // One computed while the other was refused the lock, or after the first had let it go.
    const held = locks.filter((lock) => lock.end !== undefined);
    assert.equal(held.length, created.length, JSON.stringify(locks));
    held.sort((x, y) => x.start - y.start);
    for (let i = 1; i < held.length; i++) assert.ok(held[i]!.start >= held[i - 1]!.end!, `two publications at once: ${JSON.stringify(held)}`);
    const listed = await publications(second.url);
    assert.equal(listed.length, before + created.length);
    assert.equal(listed[0]!.contributions, 12);
    assert.equal(new Set(created.map((answer) => answer.body.id)).size, created.length);
  });
});
