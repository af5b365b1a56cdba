import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Collectivite } from '../../src/core/schema/collectivite.js';
import type { Answers } from '../../src/core/schema/questionnaire.js';
import { ResultsResponse } from '../../src/core/schema/results.js';
import { codesOf, publishedQuestions } from '../../src/core/stats/tally.js';
import { definitions } from '../../src/questionnaires/all.js';
import { craftAnswers } from '../unit/publication/fixtures.js';
import { collectivites, cyberSubmission, json, onStore, publishNow, putContribution, startServer, type TestServer } from './helpers.js';

/**
 * Attacks on the published figures through the HTTP API, as anyone could try them:
 * - sub-series (attack 3): a département unfiltered, then restricted to communes, then to EPCI,
 *   gave the département council's answer as the difference; and nationally, France minus its
 *   régions is the bodies counted nationally (councils of départements and régions);
 * - before and after (attack 5): a new contribution must not move any figure, nor any ETag, until
 *   a publication; and the contribution status must not say when a collectivité answered.
 */

/** Publishes now; the server's own first publication may still be running when a test starts. */
async function publishWhenFree(url: string): Promise<{ id: string }> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await publishNow(url);
    } catch (error) {
      if (attempt === 20 || !String(error).includes('(409)')) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

async function put(url: string, who: Collectivite & { siret: string }, theme: 'inclusion' | 'cybersecurite', answers: Answers): Promise<void> {
  const response = await putContribution(url, who.siret, theme, { role: 'agent', version: definitions[theme].version, answers });
  assert.ok(response.status === 200 || response.status === 201, `PUT ${who.siret}: ${response.status} ${await response.text()}`);
}

const communesOf = (departement: string, count: number, skip = 0) =>
  collectivites((c) => c.kind === 'commune' && c.departementCode === departement, count + skip).slice(skip);

describe(onStore('Secrecy attacks through the API: sub-series and bodies counted nationally'), () => {
  let server: TestServer;
  const inclusion = definitions.inclusion;
  /** What every body (council) answered, by kind: the truth the figures must not give away. */
  const bodies: { kind: string; answers: Answers }[] = [];

  before(async () => {
    server = await startServer();
    const councils = ['33', '24', '35'].map((code) => collectivites((c) => c.kind === 'departement' && c.code === code, 1)[0]!);
    const [bretagne] = collectivites((c) => c.kind === 'region' && c.code === '53', 1);
    const [epci33] = collectivites((c) => c.kind === 'epci' && c.departementCode === '33', 1);
    let seed = 1;
    const answer = (forced: Record<string, unknown> = {}) => craftAnswers(inclusion, forced, seed++);
    // Gironde: its council says yes to Aidants Connect; its communes and one EPCI answer as they will.
    for (const council of councils) {
      const answers = answer(council.code === '33' ? { aidants_connect: 'oui' } : {});
      bodies.push({ kind: 'departement', answers });
      await put(server.url, council, 'inclusion', answers);
    }
    const regionAnswers = answer();
    bodies.push({ kind: 'region', answers: regionAnswers });
    await put(server.url, bretagne!, 'inclusion', regionAnswers);
    for (const who of [...communesOf('33', 6), epci33!, ...communesOf('24', 6), ...communesOf('40', 5), ...communesOf('35', 6), ...communesOf('29', 5)]) {
      await put(server.url, who, 'inclusion', answer());
    }
    await publishWhenFree(server.url);
  });

  after(() => server.close());

  test('a département cannot be narrowed to a kind or a population band: 400 filter_needs_france', async () => {
    for (const filter of ['type=commune', 'type=epci', 'type=departement', 'type=commune&bande=0-499']) {
      const { status, body } = await json(await fetch(`${server.url}/api/v1/resultats/inclusion?territoire=departement:33&question=aidants_connect&${filter}`));
      assert.equal(status, 400, filter);
      assert.equal(body.error, 'filter_needs_france', filter);
    }
    const region = await json(await fetch(`${server.url}/api/v1/resultats/inclusion?territoire=region:75&type=commune`));
    assert.equal(region.status, 400);
    assert.equal(region.body.error, 'filter_needs_france');
  });

  test('a département’s series holds its communes and EPCI, not its council: unfiltered is not “council + the rest”', async () => {
    const { status, body } = await json(await fetch(`${server.url}/api/v1/resultats/inclusion?territoire=departement:33&question=aidants_connect`));
    assert.equal(status, 200);
    const [gironde] = ResultsResponse.parse(body).series;
    assert.equal(gironde!.status, 'publie');
    assert.equal(gironde!.n, 7, 'six communes and one EPCI');
    // The councils are published only together, nationally, and they are fewer than k here.
    const councils = await json(await fetch(`${server.url}/api/v1/resultats/inclusion?territoire=france&type=departement`));
    assert.equal(councils.status, 200);
    assert.equal(councils.body.series[0].status, 'insuffisant');
    assert.equal(councils.body.series[0].n, null);
  });

  test('France minus its régions, or minus its other kinds, never gives the councils’ hidden counts exactly', async () => {
    const read = async (path: string) => {
      const { status, body } = await json(await fetch(`${server.url}/api/v1/resultats/inclusion?${path}`));
      assert.equal(status, 200, path);
      return ResultsResponse.parse(body).series[0]!;
    };
    const france = await read('territoire=france');
    const kinds = Object.fromEntries(
      await Promise.all(['commune', 'epci', 'departement', 'region', 'csp'].map(async (kind) => [kind, await read(`territoire=france&type=${kind}`)] as const)),
    );
    let checked = 0;
    for (const question of publishedQuestions(inclusion)) {
      if (question.visibleIf) continue;
      const map = await json(await fetch(`${server.url}/api/v1/resultats/inclusion/carte?niveau=region&question=${question.id}`));
      assert.equal(map.status, 200);
      const regions: { status: string; answers?: Record<string, { count: number | null }> }[] = map.body.territories;
      for (const code of codesOf(question)) {
        const countIn = (series: { status: string; questions?: Record<string, { status: string; answers?: Record<string, { count: number | null }> }>; answers?: Record<string, { count: number | null }> }) => {
          if (series.status === 'aucune') return 0;
          if (series.status !== 'publie') return undefined;
          const answers = 'questions' in series && series.questions ? series.questions[question.id]?.answers : series.answers;
          return answers?.[code]?.count ?? undefined;
        };
        for (const body of ['departement', 'region']) {
          if (countIn(kinds[body]!) !== undefined) continue;
          checked += 1;
          const truth = bodies.filter((one) => one.kind === body && [one.answers[question.id]].flat().includes(code)).length;
          // A hidden zero that France's own published zero says is no secret.
          if (truth === 0 && countIn(france) === 0) continue;
          const others = ['departement', 'region', 'csp'].filter((kind) => kind !== body).map((kind) => kinds[kind]!);
          const byRegions = [france, ...regions, ...others].map(countIn);
          assert.ok(byRegions.includes(undefined), `${question.id}=${code}: France − Σ régions − other bodies gives groupe:${body}'s ${truth}`);
          const byKinds = [france, ...Object.entries(kinds).filter(([kind]) => kind !== body).map(([, series]) => series)].map(countIn);
          assert.ok(byKinds.includes(undefined), `${question.id}=${code}: France − other kinds gives groupe:${body}'s ${truth}`);
        }
      }
    }
    assert.ok(checked > 0, 'the councils have hidden counts to protect');
    assert.equal(kinds.region!.status, 'insuffisant', 'one région council: alone in its group');
  });
});

describe(onStore('Secrecy attacks through the API: before and after a contribution'), () => {
  let server: TestServer;
  const first = communesOf('35', 8);
  const second = communesOf('29', 6);
  const [late] = communesOf('35', 1, 8);
  const paths = [
    '/api/v1/resultats/cybersecurite?territoire=france',
    '/api/v1/resultats/cybersecurite?territoire=departement:35&comparer=region,france',
    `/api/v1/resultats/cybersecurite?territoire=commune:${late!.code}&comparer=departement`,
    '/api/v1/resultats/cybersecurite?territoire=france&type=commune',
    '/api/v1/resultats/cybersecurite/carte?niveau=departement&question=rssi',
    '/api/v1/resultats/cybersecurite?territoire=departement:35&ponderation=redressee',
  ];

  before(async () => {
    server = await startServer();
    for (const [i, who] of [...first, ...second].entries()) {
      const response = await putContribution(server.url, who.siret, 'cybersecurite', cyberSubmission({ rssi: i % 3 === 0 ? 'interne' : 'aucun' }));
      assert.equal(response.status, 201);
    }
    await publishWhenFree(server.url);
  });

  after(() => server.close());

  test('a new contribution moves no figure and no ETag until the next publication', async () => {
    const before = await Promise.all(paths.map(async (path) => json(await fetch(`${server.url}${path}`))));
    for (const [i, response] of before.entries()) {
      assert.equal(response.status, 200, paths[i]);
      assert.ok(response.headers.get('etag'), paths[i]);
    }

    const response = await putContribution(server.url, late!.siret, 'cybersecurite', cyberSubmission({ rssi: 'interne', cyberattaque_3ans: 'oui', types_attaques: ['rancongiciel'], duree_interruption: 'plus_semaine', plainte: 'oui' }));
    assert.equal(response.status, 201);

    for (const [i, path] of paths.entries()) {
      const now = await json(await fetch(`${server.url}${path}`));
      assert.equal(now.status, 200, path);
      assert.deepEqual(now.body, before[i]!.body, `${path} moved before any publication`);
      assert.equal(now.headers.get('etag'), before[i]!.headers.get('etag'), path);
      const revalidated = await fetch(`${server.url}${path}`, { headers: { 'if-none-match': before[i]!.headers.get('etag')! } });
      assert.equal(revalidated.status, 304, `${path}: a cached copy stays current until a publication`);
    }

    const next = await publishWhenFree(server.url);
    for (const [i, path] of paths.entries()) {
      const now = await json(await fetch(`${server.url}${path}`));
      assert.notEqual(now.headers.get('etag'), before[i]!.headers.get('etag'), `${path}: a new publication, a new ETag`);
      assert.equal(now.body.publication.id, next.id, path);
    }
  });

  test('the contribution status says whether a collectivité answered, never when', async () => {
    const answered = await json(await fetch(`${server.url}/api/v1/contributions/${first[0]!.siret}/cybersecurite`));
    assert.equal(answered.status, 200);
    assert.deepEqual(answered.body, { exists: true });
    const [stranger] = communesOf('56', 1);
    const unanswered = await json(await fetch(`${server.url}/api/v1/contributions/${stranger!.siret}/cybersecurite`));
    assert.equal(unanswered.status, 200);
    assert.deepEqual(unanswered.body, { exists: false });
    for (const response of [answered, unanswered]) {
      assert.equal(response.headers.get('last-modified'), null);
      assert.ok(!/updated|created|date/i.test(JSON.stringify(response.body)));
    }
  });
});
