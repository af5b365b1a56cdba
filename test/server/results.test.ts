import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { MapResults } from '../../src/core/schema/map-results.js';
import { ResultsResponse } from '../../src/core/schema/results.js';
import { collectivites, countCollectivites, cyberSubmission, json, onStore, putContribution, startServer, type TestServer } from './helpers.js';

type Commune = ReturnType<typeof collectivites>[number];

const isCommuneIn = (departement: string, band: string) => (c: { kind: string; departementCode?: string; populationBand?: string }) =>
  c.kind === 'commune' && c.departementCode === departement && c.populationBand === band;

/** Checks a results body against the shared contract and the small-cell rules, and returns it. */
function checkResults(body: unknown, minCell: number) {
  const parsed = ResultsResponse.safeParse(body);
  assert.ok(parsed.success, parsed.success ? '' : JSON.stringify(parsed.error.issues.slice(0, 3)));
  const small = (value: number) => value > 0 && value < minCell;
  for (const series of parsed.data.series) {
    if (series.suppressed) assert.deepEqual(series.questions, {});
    for (const question of Object.values(series.questions)) {
      if (question.suppressed) continue;
      assert.ok(question.n >= minCell);
      for (const answer of Object.values(question.answers ?? {})) {
        if (answer.count === null) continue;
        assert.ok(!small(answer.count), `count ${answer.count} published`);
        assert.ok(!small(question.n - answer.count), `complement ${question.n - answer.count} computable`);
      }
    }
  }
  return parsed.data;
}

describe(onStore('GET /resultats/:theme'), () => {
  let server: TestServer;
  let rennesArea: Commune[];
  let finistere: Commune[];
  let loireSmall: Commune[];
  let loireMiddle: Commune[];

  before(async () => {
    server = await startServer();
    rennesArea = collectivites(isCommuneIn('35', '0-499'), 6);
    finistere = collectivites(isCommuneIn('29', '1000-3499'), 2);
    loireSmall = collectivites(isCommuneIn('53', '0-499'), 5);
    loireMiddle = collectivites(isCommuneIn('53', '1000-3499'), 5);
    const submissions: [Commune, ReturnType<typeof cyberSubmission> & { contactEmail?: string }][] = [
      ...rennesArea.map((c, i): [Commune, ReturnType<typeof cyberSubmission>] => [
        c,
        i === 0
          ? cyberSubmission({
              cyberattaque_3ans: 'oui',
              types_attaques: ['autre'],
              'types_attaques.autre': 'SECRET-FREE-TEXT',
              duree_interruption: 'aucune',
              plainte: 'non',
            })
          : cyberSubmission(),
      ]),
      ...finistere.map((c): [Commune, ReturnType<typeof cyberSubmission>] => [c, cyberSubmission()]),
      ...loireSmall.map((c): [Commune, ReturnType<typeof cyberSubmission>] => [c, cyberSubmission({ formation_agents: 'oui' })]),
      ...loireMiddle.map((c): [Commune, ReturnType<typeof cyberSubmission>] => [c, cyberSubmission({ formation_agents: 'non' })]),
    ];
    for (const [commune, body] of submissions) {
      const response = await putContribution(server.url, commune.siret, 'cybersecurite', { ...body, contactEmail: 'secret.person@example.fr' });
      assert.equal(response.status, 201);
    }
  });
  after(async () => {
    await server.close();
  });

  const results = async (query: string, headers: Record<string, string> = {}) =>
    json(await fetch(`${server.url}/api/v1/resultats/cybersecurite?${query}`, { headers }));

  test('a territory and its comparisons, in the order asked', async () => {
    const commune = loireSmall[0]!;
    const response = await results(`territoire=commune:${commune.code}&comparer=region,france,similaires`);
    assert.equal(response.status, 200);
    const body = checkResults(response.body, 5);
    assert.equal(body.theme, 'cybersecurite');
    assert.equal(body.minCell, 5);
    assert.equal(body.ponderation, 'brute');
    assert.equal(body.version, '1.0.0');
    assert.deepEqual(
      body.series.map((s) => [s.role, s.territory.id, s.territory.kind, s.n]),
      [
        ['territoire', `commune:${commune.code}`, 'commune', 1],
        ['region', 'region:52', 'region', 10],
        ['france', 'france', 'france', 18],
        ['similaires', 'groupe:commune:0-499', 'groupe', 11],
      ],
    );
    assert.equal(body.series[0]!.suppressed, true);
    assert.equal(body.series[3]!.territory.name, 'Communes de 0 à 499 habitants');
    assert.match(response.headers.get('cache-control')!, /public/);
  });

  test('a commune can be compared with its département', async () => {
    const commune = loireSmall[0]!;
    const response = await results(`territoire=commune:${commune.code}&comparer=departement,france`);
    assert.equal(response.status, 200);
    const body = checkResults(response.body, 5);
    assert.deepEqual(
      body.series.map((s) => [s.role, s.territory.id, s.territory.kind]),
      [
        ['territoire', `commune:${commune.code}`, 'commune'],
        ['departement', `departement:${commune.code.slice(0, 2)}`, 'departement'],
        ['france', 'france', 'france'],
      ],
    );
    // A département has no département above it: the comparison is left out, not faked.
    const own = checkResults((await results('territoire=departement:35&comparer=departement,france')).body, 5);
    assert.deepEqual(own.series.map((s) => s.role), ['territoire', 'france']);
  });

  test('the map route gives every département the figures its own results page publishes', async () => {
    const response = await json(await fetch(`${server.url}/api/v1/resultats/cybersecurite/carte?niveau=departement&question=rssi`));
    assert.equal(response.status, 200);
    const parsed = MapResults.safeParse(response.body);
    assert.ok(parsed.success, parsed.success ? '' : JSON.stringify(parsed.error.issues.slice(0, 3)));
    const map = parsed.data;
    assert.equal(map.territories.length, 101);
    assert.match(response.headers.get('cache-control')!, /public/);
    // Mayenne (10 answers, all of its région's) is shown; Finistère (2) is too small, and Ille-et-Vilaine (6)
    // differs from Bretagne by those 2: both are suppressed, on the map as on their own pages.
    for (const code of ['35', '53', '29']) {
      const shown = map.territories.find((t) => t.id === `departement:${code}`)!;
      const page = checkResults((await results(`territoire=departement:${code}&question=rssi`)).body, 5);
      const figures = page.series[0]!.questions.rssi;
      assert.equal(shown.suppressed, page.series[0]!.suppressed || !figures || figures.suppressed, code);
      assert.deepEqual(shown.answers ?? {}, figures?.answers ?? {}, code);
    }
    assert.equal(map.territories.find((t) => t.id === 'departement:29')!.suppressed, true);
    assert.equal(map.territories.find((t) => t.id === 'departement:35')!.suppressed, true);
    assert.equal(map.territories.find((t) => t.id === 'departement:53')!.suppressed, false);
    // A département nobody answered from is listed, with nothing to show.
    assert.deepEqual(map.territories.find((t) => t.id === 'departement:2A'), { id: 'departement:2A', name: 'Corse-du-Sud', n: 0, suppressed: true });
  });

  test('the map route refuses what it cannot draw', async () => {
    const get = (query: string) => fetch(`${server.url}/api/v1/resultats/cybersecurite/carte?${query}`);
    assert.equal((await get('niveau=departement')).status, 400);
    assert.equal((await get('niveau=commune&question=rssi')).status, 400);
    assert.equal((await get('question=inconnue')).status, 404);
    const regions = MapResults.parse((await json(await get('niveau=region&question=rssi'))).body);
    assert.equal(regions.territories.length, 18);
  });

  test('nothing personal and no free text is ever published', async () => {
    for (const query of [
      'territoire=departement:35&comparer=region,france,similaires',
      'territoire=france',
      `territoire=commune:${rennesArea[0]!.code}&comparer=france`,
      'territoire=region:53&ponderation=redressee',
    ]) {
      const response = await fetch(`${server.url}/api/v1/resultats/cybersecurite?${query}`);
      const text = await response.text();
      assert.equal(response.status, 200, query);
      assert.doesNotMatch(text, /SECRET|@|secret\.person/);
      for (const commune of [...rennesArea, ...finistere, ...loireSmall, ...loireMiddle]) {
        assert.equal(text.includes(commune.siren), false, `SIREN ${commune.siren} in ${query}`);
      }
      assert.doesNotMatch(text, /"types_attaques\.autre"/);
    }
  });

  test('small cells are suppressed, including by subtraction from the région', async () => {
    // Ille-et-Vilaine has 6 respondents, Bretagne 8: the 2 of Finistère would be région − département.
    const response = await results('territoire=departement:35&comparer=region,france');
    const body = checkResults(response.body, 5);
    const [departement, region, france] = body.series;
    assert.equal(departement!.n, 6);
    assert.equal(departement!.suppressed, true);
    assert.deepEqual(departement!.questions, {});
    assert.equal(region!.n, 8);
    assert.equal(region!.suppressed, false);
    assert.equal(france!.n, 18);

    // Alone, Finistère is too small.
    const finistereResults = checkResults((await results('territoire=departement:29')).body, 5);
    assert.equal(finistereResults.series[0]!.n, 2);
    assert.equal(finistereResults.series[0]!.suppressed, true);

    // Shown in France, a yes/no cell of 1 "oui" is hidden with its complement.
    const cyber = france!.questions.cyberattaque_3ans!;
    assert.equal(cyber.n, 18);
    assert.equal(cyber.answers!.oui!.count, null);
    assert.equal(cyber.answers!.non!.count, null);
    assert.equal(france!.questions.types_attaques!.suppressed, true);
  });

  test('once the région has more respondents, the département is shown', async () => {
    const cotesDarmor = collectivites(isCommuneIn('22', '0-499'), 3);
    for (const commune of cotesDarmor) {
      assert.equal((await putContribution(server.url, commune.siret, 'cybersecurite', cyberSubmission())).status, 201);
    }
    const body = checkResults((await results('territoire=departement:35&comparer=region')).body, 5);
    assert.equal(body.series[0]!.n, 6);
    assert.equal(body.series[1]!.n, 11);
    assert.equal(body.series[0]!.suppressed, false);
    assert.equal(body.series[0]!.questions.rssi!.answers!.aucun!.count, 6);
  });

  test('reweighted shares follow the population of each stratum', async () => {
    // Mayenne: 5 communes under 500 inhabitants said yes, 5 of 1,000–3,499 said no.
    const small = countCollectivites(isCommuneIn('53', '0-499'));
    const middle = countCollectivites(isCommuneIn('53', '1000-3499'));
    const raw = checkResults((await results('territoire=departement:53&question=formation_agents')).body, 5);
    const weighted = checkResults((await results('territoire=departement:53&question=formation_agents&ponderation=redressee')).body, 5);
    assert.equal(weighted.ponderation, 'redressee');

    const rawAnswer = raw.series[0]!.questions.formation_agents!.answers!;
    assert.equal(rawAnswer.oui!.share, 0.5);
    const series = weighted.series[0]!;
    assert.deepEqual(Object.keys(series.questions), ['formation_agents']);
    const answer = series.questions.formation_agents!.answers!;
    // Each small commune stands for small/5 communes, each middle one for middle/5.
    assert.ok(Math.abs(answer.oui!.share! - small / (small + middle)) < 1e-12);
    assert.ok(Math.abs(answer.non!.share! - middle / (small + middle)) < 1e-12);
    assert.equal(answer.oui!.count, 5, 'counts stay raw');
    const kish = (5 * (small + middle) ** 2) / (small ** 2 + middle ** 2);
    assert.ok(Math.abs(series.effectiveN! - kish) < 1e-9);
    assert.equal(raw.series[0]!.effectiveN, undefined);
  });

  test('kind and band filters narrow every series', async () => {
    const body = checkResults((await results('territoire=departement:53&comparer=france&bande=0-499')).body, 5);
    assert.deepEqual(body.series.map((s) => s.n), [5, 14]);
    const epci = checkResults((await results('territoire=departement:53&type=epci')).body, 5);
    assert.equal(epci.series[0]!.n, 0);
    assert.equal(epci.series[0]!.suppressed, true);
  });

  test('a single question can be asked for; free-text questions cannot', async () => {
    const body = checkResults((await results('territoire=france&question=rssi')).body, 5);
    assert.deepEqual(Object.keys(body.series[0]!.questions), ['rssi']);
    const unknown = await results('territoire=france&question=horoscope');
    assert.equal(unknown.status, 404);
    assert.equal(unknown.body.error, 'question_not_found');
  });

  test('bad parameters are explained', async () => {
    const cases: [string, number, string][] = [
      ['territoire=departement:999', 400, 'invalid_territory'],
      ['territoire=dep:35', 400, 'invalid_territory'],
      ['territoire=commune:99999', 404, 'territory_not_found'],
      ['territoire=france&ponderation=magique', 400, 'invalid_query'],
      ['territoire=france&comparer=mars', 400, 'invalid_query'],
      ['territoire=france&type=village', 400, 'invalid_query'],
      ['territoire=france&bande=huge', 400, 'invalid_query'],
    ];
    for (const [query, status, error] of cases) {
      const response = await results(query);
      assert.equal(response.status, status, query);
      assert.equal(response.body.error, error, query);
    }
    const theme = await json(await fetch(`${server.url}/api/v1/resultats/astrologie?territoire=france`));
    assert.equal(theme.status, 404);
    assert.equal(theme.body.error, 'theme_not_found');
    const english = await results('territoire=dep:35', { 'accept-language': 'en' });
    assert.match(english.body.message, /Invalid territory identifier/);
  });

  test('the confidentiality threshold is configurable', async () => {
    const strict = await startServer({ minCell: 3 });
    try {
      for (const commune of finistere) {
        assert.equal((await putContribution(strict.url, commune.siret, 'cybersecurite', cyberSubmission())).status, 201);
      }
      const one = checkResults((await json(await fetch(`${strict.url}/api/v1/resultats/cybersecurite?territoire=france`))).body, 3);
      assert.equal(one.minCell, 3);
      assert.equal(one.series[0]!.suppressed, true);
      assert.equal((await putContribution(strict.url, rennesArea[0]!.siret, 'cybersecurite', cyberSubmission())).status, 201);
      const three = checkResults((await json(await fetch(`${strict.url}/api/v1/resultats/cybersecurite?territoire=france`))).body, 3);
      assert.equal(three.series[0]!.n, 3);
      assert.equal(three.series[0]!.suppressed, false);
      assert.equal(three.series[0]!.questions.rssi!.answers!.aucun!.count, 3);
    } finally {
      await strict.close();
    }
  });
});
