import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { EvolutionResponse } from '../../src/core/schema/evolution.js';
import type { ResultsResponse } from '../../src/core/schema/results.js';
import { collectivites, cyberSubmission, json, onStore, publishNow, putContribution, startServer, type TestServer } from './helpers.js';

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
    server = await startServer();
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
    assert.equal(body.editions.length, 1, 'the data holds one edition until editions are data');
    const [edition] = body.editions;
    assert.equal(edition!.publication?.id, publicationId);
    assert.equal(edition!.minCell, results.minCell);
    assert.equal(edition!.breakBefore, null);
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
