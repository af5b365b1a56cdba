import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { EvolutionResponse } from '../../src/core/schema/evolution.js';
import type { ResultsResponse } from '../../src/core/schema/results.js';
import { adminPost, collectivites, cyberSubmission, json, onStore, publishNow, putContribution, startServerAt, type TestServer } from './helpers.js';

function parse(body: unknown): EvolutionResponse {
  const parsed = EvolutionResponse.safeParse(body);
  assert.ok(parsed.success, parsed.success ? '' : JSON.stringify(parsed.error.issues.slice(0, 3)));
  return parsed.data;
}

describe(onStore('GET /resultats/:theme/evolution'), () => {
  let server: TestServer;
  let publicationId: string;
  // Ille-et-Vilaine: seven communes answer, four with an RSSI shared with other bodies.
  const communes35 = collectivites((c) => c.kind === 'commune' && c.departementCode === '35', 7);

  const get = async (path: string, headers: Record<string, string> = {}) => json(await fetch(`${server.url}/api/v1${path}`, { headers }));
  const EVOLUTION = '/resultats/cybersecurite/evolution?question=rssi&code=mutualise&territoire=departement:35&comparer=region,france';

  before(async () => {
    ({ server } = await startServerAt('2026-12-06T12:00:00Z'));
    for (const [index, commune] of communes35.entries()) {
      const submission = cyberSubmission({ rssi: index < 4 ? 'mutualise' : 'aucun' });
      assert.equal((await putContribution(server.url, commune.siret, 'cybersecurite', submission)).status, 201, commune.name);
    }
    publicationId = (await publishNow(server.url)).id;
  });
  after(async () => {
    await server.close();
  });

  test('each point is the published figure of its edition’s publication, as /resultats serves it', async () => {
    const response = await get(EVOLUTION);
    assert.equal(response.status, 200);
    const body = parse(response.body);
    const results = (await get('/resultats/cybersecurite?question=rssi&territoire=departement:35&comparer=region,france')).body as ResultsResponse;
    // Nothing of the 2025 edition was published on this server: the series starts in 2026.
    assert.deepEqual(
      body.editions.map((one) => [one.edition, one.publication?.id ?? null, one.breakBefore?.reason ?? null]),
      [
        ['2025', null, null],
        ['2026', publicationId, 'not_published'],
      ],
    );
    const edition = body.editions[1];
    assert.equal(edition!.minCell, results.minCell);
    assert.deepEqual(edition!.wording, {
      question: {
        fr: 'Votre collectivité dispose-t-elle d’un responsable de la sécurité des systèmes d’information (RSSI) ?',
        en: 'Does your authority have an information systems security officer (RSSI)?',
      },
      answer: { fr: 'Oui, mutualisé avec d’autres structures', en: 'Yes, shared with other bodies' },
    });
    assert.deepEqual(
      body.series.map((series) => [series.role, series.territory.name]),
      results.series.map((series) => [series.role, series.territory.name]),
    );
    body.series.forEach((series, index) => {
      const published = results.series[index]!;
      const question = published.questions.rssi;
      const answer = question?.answers?.mutualise;
      const [point] = series.points;
      assert.equal(point!.publication.id, publicationId);
      if (published.status !== 'publie') assert.equal(point!.status, published.status);
      else if (question!.status !== 'publie') assert.equal(point!.status, question!.status);
      else {
        assert.equal(point!.status, answer!.status);
        assert.equal(point!.share, answer!.share);
        assert.deepEqual(point!.ci, answer!.ci ?? null);
        assert.equal(point!.n, question!.n);
      }
    });
    // Seven respondents, above the threshold: Ille-et-Vilaine's share is published, 4 of 7.
    const territoire = body.series[0]!.points[0]!;
    assert.equal(territoire.status, 'publie');
    assert.equal(territoire.share, 4 / 7);
  });

  test('is tagged with its publications and answers 304 to a current copy', async () => {
    const first = await fetch(`${server.url}/api/v1${EVOLUTION}`);
    const tag = first.headers.get('etag');
    assert.match(tag ?? '', new RegExp(`^W/"${publicationId}-`));
    assert.match(first.headers.get('cache-control') ?? '', /^public/);
    const again = await fetch(`${server.url}/api/v1${EVOLUTION}`, { headers: { 'if-none-match': tag! } });
    assert.equal(again.status, 304);
  });

  test('refuses what it cannot follow, in French and English', async () => {
    assert.equal((await get('/resultats/cybersecurite/evolution?code=oui')).body.error, 'invalid_query');
    assert.equal((await get('/resultats/cybersecurite/evolution?question=rssi')).body.error, 'invalid_query');
    const unknown = await get('/resultats/cybersecurite/evolution?question=inconnue&code=oui');
    assert.deepEqual([unknown.status, unknown.body.error], [404, 'question_not_found']);
    const code = await get('/resultats/cybersecurite/evolution?question=rssi&code=peut_etre', { 'accept-language': 'en' });
    assert.deepEqual([code.status, code.body.error, code.body.message], [404, 'answer_not_found', 'No edition of question “rssi” offers the answer “peut_etre”.']);
    const place = await get('/resultats/cybersecurite/evolution?question=rssi&code=aucun&territoire=commune:35999');
    assert.deepEqual([place.status, place.body.error], [404, 'territory_not_found']);
    const theme = await get('/resultats/inconnu/evolution?question=rssi&code=aucun');
    assert.deepEqual([theme.status, theme.body.error], [404, 'theme_not_found']);
  });
});

describe(onStore('GET /resultats/:theme/evolution across two editions'), () => {
  let server: TestServer;
  let setNow: (at: string) => void;
  // The same seven communes of Ille-et-Vilaine answer both editions: four shared RSSI in 2025, six in 2026.
  const communes35 = collectivites((c) => c.kind === 'commune' && c.departementCode === '35', 7);
  const EVOLUTION = '/resultats/cybersecurite/evolution?question=rssi&code=mutualise&territoire=departement:35&comparer=france';
  const evolution = async () => parse((await json(await fetch(`${server.url}/api/v1${EVOLUTION}`))).body);
  const answerAll = async (shared: number) => {
    for (const [index, commune] of communes35.entries()) {
      const answered = await putContribution(server.url, commune.siret, 'cybersecurite', cyberSubmission({ rssi: index < shared ? 'mutualise' : 'aucun' }));
      assert.equal(answered.status, 201, commune.name);
    }
  };
  const publish = async (edition: string) => {
    const published = await json(await adminPost(server.url, `/api/v1/admin/publications?edition=${edition}`));
    assert.equal(published.status, 201);
    return published.body.id as string;
  };

  before(async () => {
    // The 2025 cybersecurity wave is open: the server's first publication is of the 2025 edition.
    ({ server, setNow } = await startServerAt('2025-03-03T10:00:00Z'));
  });
  after(async () => {
    await server.close();
  });

  test('each edition’s point comes from its own publication, joined when the question is the same', async () => {
    await answerAll(4);
    const first = await publish('2025');
    setNow('2026-12-06T12:00:00Z');

    // 2026 has started but published nothing yet: the series stops at 2025, and says why.
    const waiting = await evolution();
    assert.deepEqual(
      waiting.editions.map((one) => [one.edition, one.publication?.id ?? null, one.breakBefore?.reason ?? null]),
      [
        ['2025', first, null],
        ['2026', null, 'not_published'],
      ],
    );
    assert.equal(waiting.editions[1]!.breakBefore!.message.fr, 'La série s’interrompt en 2026 : l’édition 2026 n’a pas encore de résultats publiés pour ce volet.');
    assert.deepEqual(waiting.series[0]!.points.map((point) => [point.edition, point.share]), [['2025', 4 / 7]]);

    await answerAll(6);
    const second = await publish('2026');
    const body = await evolution();
    assert.deepEqual(
      body.editions.map((one) => [one.edition, one.publication?.id, one.breakBefore]),
      [
        ['2025', first, null],
        ['2026', second, null],
      ],
    );
    const [territoire, france] = body.series;
    // In 2026 one commune alone has no RSSI: its count is below the threshold, so the publication
    // hides the shared RSSI too (7 − 6 = 1). The evolution shows it hidden, never 6 / 7.
    assert.deepEqual(
      territoire!.points.map((point) => [point.edition, point.publication.id, point.publication.edition, point.status, point.n, point.share]),
      [
        ['2025', first, '2025', 'publie', 7, 4 / 7],
        ['2026', second, '2026', 'masque', 7, null],
      ],
    );
    const results2026 = (await json(await fetch(`${server.url}/api/v1/resultats/cybersecurite?question=rssi&territoire=departement:35&edition=2026`))).body as ResultsResponse;
    assert.equal(results2026.series[0]!.questions.rssi!.answers!.mutualise!.status, 'masque');
    assert.equal(france!.territory.id, 'france');
    // Each point is what that edition's results publish.
    const results2025 = (await json(await fetch(`${server.url}/api/v1/resultats/cybersecurite?question=rssi&territoire=departement:35&edition=2025`))).body as ResultsResponse;
    assert.deepEqual(territoire!.points[0]!.ci, results2025.series[0]!.questions.rssi!.answers!.mutualise!.ci);
  });
});
