import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Collectivite } from '../../src/core/schema/collectivite.js';
import { MapResults } from '../../src/core/schema/map-results.js';
import type { QuestionnaireDefinition } from '../../src/core/schema/questionnaire.js';
import { ResultsResponse, type QuestionResult } from '../../src/core/schema/results.js';
import type { TerritoryId } from '../../src/core/territory/territory-id.js';
import { definitions } from '../../src/questionnaires/all.js';
import { defaultReferential } from '../../src/server/referential/adapter.js';
import {
  collectivites,
  countCollectivites,
  cyberSubmission,
  json,
  onStore,
  publishNow,
  putContribution,
  startServer,
  type PublicationSummary,
  type TestServer,
} from './helpers.js';

type Commune = ReturnType<typeof collectivites>[number];

const isCommuneIn = (departement: string, band: string) => (c: { kind: string; departementCode?: string; populationBand?: string }) =>
  c.kind === 'commune' && c.departementCode === departement && c.populationBand === band;

/** Whether a collectivité's territory sits in this EPCI. */
const inEpci = (epci: TerritoryId) => (c: Collectivite) => defaultReferential().territory(c.territoryId)?.parentIds.includes(epci) ?? false;

/** CC Bretagne Romantique, in Ille-et-Vilaine: seven of its communes have fewer than 500 inhabitants. */
const EPCI: TerritoryId = 'epci:243500733';

/** The questions whose small counts are never shown (attacks, complaints…). */
function sensitiveQuestions(definition: QuestionnaireDefinition): Set<string> {
  return new Set(definition.sections.flatMap((section) => section.questions).filter((question) => question.sensible).map((question) => question.id));
}

/**
 * Checks a results body against the shared contract (which ties every status to its values) and
 * the threshold rules a reader relies on, and returns it: nothing published rests on fewer than
 * `minCell` respondents, and no count of a sensitive question lies between 1 and `minCell` − 1.
 */
function checkResults(body: unknown, minCell: number, definition: QuestionnaireDefinition = definitions.cybersecurite) {
  const parsed = ResultsResponse.safeParse(body);
  assert.ok(parsed.success, parsed.success ? '' : JSON.stringify(parsed.error.issues.slice(0, 3)));
  const sensitive = sensitiveQuestions(definition);
  for (const series of parsed.data.series) {
    const where = series.territory.id;
    if (series.status !== 'publie') {
      assert.deepEqual(series.questions, {}, where);
      continue;
    }
    assert.ok(series.n! >= minCell, `${where}: ${series.n} respondents published`);
    for (const [id, question] of Object.entries(series.questions)) {
      if (question.status !== 'publie') continue;
      assert.ok(question.n! >= minCell, `${where} ${id}: ${question.n} answers published`);
      for (const [code, answer] of Object.entries(question.answers ?? {})) {
        if (answer.count === null || !sensitive.has(id)) continue;
        assert.ok(answer.count === 0 || answer.count >= minCell, `${where} ${id}=${code}: a count of ${answer.count} on a sensitive question`);
      }
    }
  }
  return parsed.data;
}

/** A question as a results page shows it for the territory of its first series. */
function shownQuestion(series: ResultsResponse['series'][number], questionId: string): Pick<QuestionResult, 'status' | 'n' | 'answers'> {
  if (series.status !== 'publie') return { status: series.status, n: series.n };
  const question = series.questions[questionId] ?? { status: 'aucune', n: 0 };
  return { status: question.status, n: question.n, ...(question.answers ? { answers: question.answers } : {}) };
}

describe(onStore('GET /resultats/:theme'), () => {
  let server: TestServer;
  let publication: PublicationSummary;
  let rennesArea: Commune[];
  let finistere: Commune[];
  let loireSmall: Commune[];
  let loireMiddle: Commune[];

  const results = async (query: string, headers: Record<string, string> = {}) =>
    json(await fetch(`${server.url}/api/v1/resultats/cybersecurite?${query}`, { headers }));

  before(async () => {
    server = await startServer();
    rennesArea = collectivites((c) => isCommuneIn('35', '0-499')(c) && inEpci(EPCI)(c), 6);
    finistere = collectivites(isCommuneIn('29', '1000-3499'), 2);
    loireSmall = collectivites(isCommuneIn('53', '0-499'), 5);
    loireMiddle = collectivites(isCommuneIn('53', '1000-3499'), 5);
    const submissions: [Commune, ReturnType<typeof cyberSubmission>][] = [
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
    // Until the next publication, the figures are those of the last one: the server's first, empty.
    const waiting = checkResults((await results('territoire=france')).body, 5);
    assert.deepEqual([waiting.series[0]!.status, waiting.series[0]!.n], ['aucune', 0]);
    publication = await publishNow(server.url);
    assert.equal(publication.contributions, 18);
  });
  after(async () => {
    await server.close();
  });

  test('a territory and its comparisons, in the order asked, from the latest publication', async () => {
    const commune = loireSmall[0]!;
    const response = await results(`territoire=commune:${commune.code}&comparer=region,france,similaires`);
    assert.equal(response.status, 200);
    const body = checkResults(response.body, 5);
    assert.equal(body.theme, 'cybersecurite');
    assert.equal(body.minCell, 5);
    assert.equal(body.ponderation, 'brute');
    assert.equal(body.version, '2.0.0');
    assert.deepEqual(body.publication, { id: publication.id, publishedAt: publication.publishedAt, edition: publication.edition });
    assert.deepEqual(
      body.series.map((s) => [s.role, s.territory.id, s.territory.kind, s.status, s.n]),
      [
        // A commune is never published as a series: one respondent is too few.
        ['territoire', `commune:${commune.code}`, 'commune', 'insuffisant', null],
        ['region', 'region:52', 'region', 'publie', 10],
        ['france', 'france', 'france', 'publie', 18],
        ['similaires', 'groupe:commune:0-499', 'groupe', 'publie', 11],
      ],
    );
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

  test('communes and intercommunalités say only whether anybody, or enough, answered there', async () => {
    const nobody = collectivites(isCommuneIn('35', '0-499'), 40).find((c) => !rennesArea.some((r) => r.code === c.code))!;
    const cases: [string, string, number | null][] = [
      [`commune:${rennesArea[0]!.code}`, 'insuffisant', null],
      [`commune:${nobody.code}`, 'aucune', 0],
      // Six of its communes answered: enough, but its figures would be one subtraction away from its département's.
      [EPCI, 'masque', null],
      ['epci:243500139', 'aucune', 0],
    ];
    for (const [territoire, status, n] of cases) {
      const body = checkResults((await results(`territoire=${territoire}`)).body, 5);
      assert.deepEqual({ status: body.series[0]!.status, n: body.series[0]!.n, questions: body.series[0]!.questions }, { status, n, questions: {} }, territoire);
    }
    // Comparing an EPCI with similar ones gives the group of its kind and size.
    const similar = checkResults((await results(`territoire=${EPCI}&comparer=similaires`)).body, 5);
    assert.equal(similar.series[1]!.territory.kind, 'groupe');
    assert.match(similar.series[1]!.territory.id, /^groupe:epci:/);
  });

  test('a département or a région is compared with collectivités of its own make-up, France with nothing', async () => {
    for (const [territoire, name] of [
      ['departement:53', 'Mayenne'],
      ['region:53', 'Bretagne'],
    ]) {
      const similar = checkResults((await results(`territoire=${territoire}&comparer=similaires`)).body, 5).series[1]!;
      assert.equal(similar.role, 'similaires');
      assert.deepEqual(similar.territory, {
        id: `groupe:profil:${territoire}`,
        name: `Communes et intercommunalités de France à la même répartition par taille que ${name}`,
        kind: 'groupe',
      });
    }
    // France has nothing to be compared with but itself.
    assert.equal(checkResults((await results('territoire=france&comparer=similaires')).body, 5).series.length, 1);
  });

  test('the map gives every département and région the status, count and figures of its own results page', async () => {
    for (const niveau of ['departement', 'region'] as const) {
      for (const question of ['rssi', 'formation_agents', 'cyberattaque_3ans']) {
        const response = await json(await fetch(`${server.url}/api/v1/resultats/cybersecurite/carte?niveau=${niveau}&question=${question}`));
        assert.equal(response.status, 200);
        const parsed = MapResults.safeParse(response.body);
        assert.ok(parsed.success, parsed.success ? '' : JSON.stringify(parsed.error.issues.slice(0, 3)));
        const map = parsed.data;
        assert.equal(map.territories.length, niveau === 'departement' ? 101 : 18);
        assert.deepEqual(map.publication, { id: publication.id, publishedAt: publication.publishedAt, edition: publication.edition });
        assert.match(response.headers.get('cache-control')!, /public/);
        for (const shown of map.territories) {
          const page = checkResults((await results(`territoire=${shown.id}&question=${question}`)).body, 5);
          const { id: _id, name: _name, ...figures } = shown;
          assert.deepEqual(figures, shownQuestion(page.series[0]!, question), `${shown.id} ${question}`);
        }
      }
    }
    const map = MapResults.parse((await json(await fetch(`${server.url}/api/v1/resultats/cybersecurite/carte?question=rssi`))).body);
    const status = (id: string) => map.territories.find((t) => t.id === id)!.status;
    assert.equal(status('departement:53'), 'publie');
    assert.equal(status('departement:29'), 'insuffisant');
    // A département nobody answered from is listed, with nothing to show.
    assert.deepEqual(map.territories.find((t) => t.id === 'departement:2A'), { id: 'departement:2A', name: 'Corse-du-Sud', status: 'aucune', n: 0 });
  });

  test('the map route refuses what it cannot draw', async () => {
    const get = (query: string) => fetch(`${server.url}/api/v1/resultats/cybersecurite/carte?${query}`);
    assert.equal((await get('niveau=departement')).status, 400);
    assert.equal((await get('niveau=commune&question=rssi')).status, 400);
    assert.equal((await get('question=inconnue')).status, 404);
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

  test('too few respondents publish nothing, and no published figures give them away', async () => {
    const body = checkResults((await results('territoire=departement:35&comparer=region,france')).body, 5);
    const [departement, region, france] = body.series;
    assert.deepEqual([departement!.status, departement!.n], ['publie', 6]);
    assert.deepEqual([region!.status, region!.n], ['publie', 8]);
    assert.deepEqual([france!.status, france!.n], ['publie', 18]);

    // Finistère's 2 respondents: too few. Nobody answered in Côtes-d'Armor: a different state.
    const finistereResults = checkResults((await results('territoire=departement:29')).body, 5);
    assert.deepEqual(finistereResults.series[0], {
      role: 'territoire',
      territory: { id: 'departement:29', name: 'Finistère', kind: 'departement' },
      status: 'insuffisant',
      n: null,
      questions: {},
    });
    const cotesDarmor = checkResults((await results('territoire=departement:22')).body, 5);
    assert.deepEqual([cotesDarmor.series[0]!.status, cotesDarmor.series[0]!.n], ['aucune', 0]);

    // Bretagne holds Ille-et-Vilaine and Finistère alone: no answer may be shown in both, or
    // Finistère's would be the difference.
    for (const [id, question] of Object.entries(region!.questions)) {
      const inDepartement = departement!.questions[id]!;
      for (const [code, answer] of Object.entries(question.answers ?? {})) {
        const alsoShown = answer.status === 'publie' && inDepartement.status === 'publie' && inDepartement.answers![code]!.status === 'publie';
        assert.ok(!alsoShown, `${id}=${code}: Finistère's count is ${answer.count} − ${inDepartement.answers?.[code]?.count}`);
      }
    }

    // One attack among 18 is too small to show, and so is what only the attacked were asked.
    const cyber = france!.questions.cyberattaque_3ans!;
    assert.equal(cyber.n, 18);
    assert.deepEqual(cyber.answers!.oui, { status: 'masque', count: null, share: null, shareOfAll: null });
    assert.equal(france!.questions.types_attaques!.status, 'masque');
    assert.equal(france!.questions.types_attaques!.n, null);
  });

  test('a département whose respondents are all alike is published whole', async () => {
    // Mayenne: its ten respondents are all of Pays de la Loire's, so nothing needs hiding for its neighbours.
    const body = checkResults((await results('territoire=departement:53&comparer=region&question=rssi')).body, 5);
    const rssi = body.series[0]!.questions.rssi!;
    assert.deepEqual([rssi.status, rssi.n], ['publie', 10]);
    assert.deepEqual(rssi.answers!.aucun, { status: 'publie', count: 10, share: 1, shareOfAll: 1, ci: rssi.answers!.aucun!.ci });
    assert.equal(rssi.answers!.interne!.count, 0);
    assert.deepEqual(body.series[1]!.questions.rssi, rssi);
  });

  test('kind and band groups are published for France only', async () => {
    const small = checkResults((await results('territoire=france&type=commune&bande=0-499&comparer=france')).body, 5);
    assert.deepEqual(
      small.series.map((s) => [s.role, s.territory.id, s.territory.name, s.status, s.n]),
      [
        ['territoire', 'france', 'France — Communes de 0 à 499 habitants', 'publie', 11],
        ['france', 'france', 'France', 'publie', 18],
      ],
    );
    const epci = checkResults((await results('territoire=france&type=epci')).body, 5);
    assert.deepEqual([epci.series[0]!.status, epci.series[0]!.n], ['aucune', 0]);

    for (const query of ['territoire=departement:53&type=commune', 'territoire=region:53&type=commune&bande=0-499', `territoire=commune:${loireSmall[0]!.code}&type=commune`]) {
      const refused = await results(query);
      assert.equal(refused.status, 400, query);
      assert.equal(refused.body.error, 'filter_needs_france', query);
    }
    const english = await results('territoire=departement:53&bande=0-499&type=commune', { 'accept-language': 'en' });
    assert.match(english.body.message, /territoire=france/);
    const bandAlone = await results('territoire=france&bande=0-499');
    assert.equal(bandAlone.status, 400);
    assert.equal(bandAlone.body.error, 'invalid_query');
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
      ['territoire=departement:35&type=commune', 400, 'filter_needs_france'],
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
      for (const commune of [...rennesArea.slice(0, 3), ...finistere]) {
        assert.equal((await putContribution(strict.url, commune.siret, 'cybersecurite', cyberSubmission())).status, 201);
      }
      await publishNow(strict.url);
      const get = async (query: string) => checkResults((await json(await fetch(`${strict.url}/api/v1/resultats/cybersecurite?${query}`))).body, 3);
      const three = await get('territoire=departement:35&question=rssi');
      assert.equal(three.minCell, 3);
      // Three respondents are enough with a threshold of 3 (not with the default 5)…
      assert.deepEqual([three.series[0]!.status, three.series[0]!.n], ['publie', 3]);
      assert.equal(three.series[0]!.questions.rssi!.answers!.aucun!.count, 3);
      // …two still are not.
      assert.equal((await get('territoire=departement:29')).series[0]!.status, 'insuffisant');
    } finally {
      await strict.close();
    }
  });
});

describe(onStore('GET /resultats/:theme?ponderation=redressee'), () => {
  let server: TestServer;
  // Mayenne: 5 communes under 500 inhabitants said yes, 5 of 1,000–3,499 said no.
  const small = collectivites(isCommuneIn('53', '0-499'), 5);
  const middle = collectivites(isCommuneIn('53', '1000-3499'), 5);

  before(async () => {
    server = await startServer();
    for (const commune of small) assert.equal((await putContribution(server.url, commune.siret, 'cybersecurite', cyberSubmission({ formation_agents: 'oui' }))).status, 201);
    for (const commune of middle) assert.equal((await putContribution(server.url, commune.siret, 'cybersecurite', cyberSubmission({ formation_agents: 'non' }))).status, 201);
    await publishNow(server.url);
  });
  after(() => server.close());

  const results = async (query: string) => checkResults((await json(await fetch(`${server.url}/api/v1/resultats/cybersecurite?${query}`))).body, 5);

  test('reweighted shares of France follow the number of collectivités of each size, without counts', async () => {
    const raw = await results('territoire=france&question=formation_agents');
    const weighted = await results('territoire=france&question=formation_agents&ponderation=redressee');
    assert.equal(weighted.ponderation, 'redressee');
    assert.equal(raw.series[0]!.questions.formation_agents!.answers!.oui!.share, 0.5);

    const series = weighted.series[0]!;
    assert.deepEqual([series.status, series.n], ['publie', 10]);
    assert.deepEqual(Object.keys(series.questions), ['formation_agents']);
    const answers = series.questions.formation_agents!.answers!;
    // Each small commune stands for all the small communes of France / 5, each middle one for the middle ones / 5.
    const smallCommunes = countCollectivites((c) => c.kind === 'commune' && c.populationBand === '0-499');
    const middleCommunes = countCollectivites((c) => c.kind === 'commune' && c.populationBand === '1000-3499');
    assert.ok(Math.abs(answers.oui!.share! - smallCommunes / (smallCommunes + middleCommunes)) <= 0.0005 + 1e-9, String(answers.oui!.share));
    assert.ok(Math.abs(answers.non!.share! - middleCommunes / (smallCommunes + middleCommunes)) <= 0.0005 + 1e-9, String(answers.non!.share));
    for (const answer of Object.values(answers)) assert.equal(answer.count, null, 'reweighted figures are shares only');
  });

  test('départements and régions have no reweighted shares', async () => {
    // Their strata (kinds and sizes within the territory) are not published: shares weighted by them would give those away.
    for (const territoire of ['departement:53', 'region:52']) {
      const body = await results(`territoire=${territoire}&ponderation=redressee&question=formation_agents`);
      assert.deepEqual([body.series[0]!.status, body.series[0]!.n], ['publie', 10], territoire);
      assert.deepEqual(body.series[0]!.questions.formation_agents, { status: 'masque', n: null }, territoire);
    }
  });
});
