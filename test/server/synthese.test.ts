import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { THEMES } from '../../src/core/schema/questionnaire.js';
import type { QuestionResult, Series } from '../../src/core/schema/results.js';
import { SynthesisResponse } from '../../src/core/schema/synthesis.js';
import { collectivites, cyberSubmission, json, onStore, publishNow, putContribution, startServer, type TestServer } from './helpers.js';

/** The headline questions of cybersecurity and the answers the synthesis shows of each. */
const CYBER_HEADLINE: Record<string, string[]> = {
  cyberattaque_3ans: ['oui'],
  rssi: ['interne', 'mutualise', 'aucun', 'nsp'],
  pca_pra: ['pca_et_pra', 'pca_seul', 'pra_seul', 'aucun', 'nsp'],
  formation_agents: ['oui'],
};

function parse(body: unknown): SynthesisResponse {
  const parsed = SynthesisResponse.safeParse(body);
  assert.ok(parsed.success, parsed.success ? '' : JSON.stringify(parsed.error.issues.slice(0, 3)));
  return parsed.data;
}

/** A results series cut down to what the synthesis shows of it. */
function headlineOf(series: Series, shown: Record<string, string[]>): Series {
  if (series.status !== 'publie') return series;
  const questions: Record<string, QuestionResult> = {};
  for (const [id, codes] of Object.entries(shown)) {
    const question = series.questions[id];
    if (!question) continue;
    questions[id] =
      question.status === 'publie' && question.answers
        ? { ...question, answers: Object.fromEntries(codes.filter((code) => question.answers![code]).map((code) => [code, question.answers![code]!])) }
        : question;
  }
  return { ...series, questions };
}

describe(onStore('GET /synthese and the synthesis pages'), () => {
  let server: TestServer;
  let publicationId: string;

  const synthese = async (query: string, headers: Record<string, string> = {}) => json(await fetch(`${server.url}/api/v1/synthese?${query}`, { headers }));

  before(async () => {
    server = await startServer();
    // Six communes of Ille-et-Vilaine answer on cybersecurity, two of Finistère: too few there.
    const ille = collectivites((c) => c.kind === 'commune' && c.departementCode === '35', 6);
    const finistere = collectivites((c) => c.kind === 'commune' && c.departementCode === '29', 2);
    for (const [index, commune] of [...ille, ...finistere].entries()) {
      const body = cyberSubmission({ rssi: index % 2 === 0 ? 'aucun' : 'mutualise', formation_agents: index % 3 === 0 ? 'oui' : 'non' });
      assert.equal((await putContribution(server.url, commune.siret, 'cybersecurite', body)).status, 201);
    }
    publicationId = (await publishNow(server.url)).id;
  });
  after(async () => {
    await server.close();
  });

  test('a département: the nine themes, its région, France and similar collectivités, from the latest publication', async () => {
    const response = await synthese('territoire=departement:35');
    assert.equal(response.status, 200);
    const body = parse(response.body);
    assert.deepEqual(body.territory, { id: 'departement:35', name: 'Ille-et-Vilaine', kind: 'departement' });
    assert.equal(body.publication.id, publicationId);
    assert.equal(body.minCell, 5);
    assert.equal(body.source.fr, 'Baromètre numérique des collectivités, vagues 1, 2 et 3');
    assert.deepEqual(body.themes.map((theme) => theme.theme), [...THEMES]);
    for (const theme of body.themes) {
      assert.equal(theme.questions.length, 4, theme.theme);
      assert.deepEqual(theme.series.map((series) => series.role), ['territoire', 'region', 'france', 'similaires'], theme.theme);
    }
    const cyber = body.themes.find((theme) => theme.theme === 'cybersecurite')!;
    assert.equal(cyber.title.fr, 'Cybersécurité');
    assert.deepEqual(Object.fromEntries(cyber.questions.map((question) => [question.id, question.answers.map((answer) => answer.code)])), CYBER_HEADLINE);
    // Participation: the theme's respondents in each territory.
    assert.deepEqual(cyber.series.slice(0, 3).map((series) => [series.territory.id, series.status, series.n]), [
      ['departement:35', 'publie', 6],
      ['region:53', 'publie', 8],
      ['france', 'publie', 8],
    ]);
    // A theme nobody answered says so for every territory, never a zero share.
    const inclusion = body.themes.find((theme) => theme.theme === 'inclusion')!;
    assert.deepEqual(inclusion.series.map((series) => [series.status, series.n]).slice(0, 3), [
      ['aucune', 0],
      ['aucune', 0],
      ['aucune', 0],
    ]);
  });

  test('re-serves the figures the results publish, cut down to the headline questions, nothing else', async () => {
    const body = parse((await synthese('territoire=departement:35')).body);
    const cyber = body.themes.find((theme) => theme.theme === 'cybersecurite')!;
    const results = await json(await fetch(`${server.url}/api/v1/resultats/cybersecurite?territoire=departement:35&comparer=region,france,similaires`));
    assert.equal(results.status, 200);
    assert.deepEqual(cyber.series, (results.body.series as Series[]).map((series) => headlineOf(series, CYBER_HEADLINE)));
    // No answer beyond those shown, no other question.
    for (const series of cyber.series) {
      for (const [id, question] of Object.entries(series.questions)) {
        assert.ok(Object.keys(question.answers ?? {}).every((code) => CYBER_HEADLINE[id]!.includes(code)), id);
      }
    }
  });

  test('too few respondents and communes are said as states, with the comparisons that apply', async () => {
    const finistere = parse((await synthese('territoire=departement:29')).body);
    const cyber = finistere.themes.find((theme) => theme.theme === 'cybersecurite')!;
    assert.deepEqual([cyber.series[0]!.status, cyber.series[0]!.n, cyber.series[0]!.questions], ['insuffisant', null, {}]);
    const [commune] = collectivites((c) => c.kind === 'commune' && c.departementCode === '35', 1);
    const local = parse((await synthese(`territoire=commune:${commune!.code}`)).body);
    assert.deepEqual(local.themes[0]!.series.map((series) => series.role), ['territoire', 'departement', 'region', 'france', 'similaires']);
    const france = parse((await synthese('territoire=france')).body);
    assert.deepEqual(france.themes[0]!.series.map((series) => series.role), ['territoire']);
    assert.equal(france.themes.find((theme) => theme.theme === 'cybersecurite')!.series[0]!.n, 8);
  });

  test('is cached like the results: tagged by publication, kept until the next one, 304 once held', async () => {
    const first = await fetch(`${server.url}/api/v1/synthese?territoire=departement:35`);
    const tag = first.headers.get('etag');
    assert.ok(tag?.startsWith(`W/"${publicationId}-`), String(tag));
    assert.equal(first.headers.get('cache-control'), 'public, no-cache');
    assert.match(first.headers.get('vary') ?? '', /Accept-Language/);
    const held = await fetch(`${server.url}/api/v1/synthese?territoire=departement:35`, { headers: { 'if-none-match': tag! } });
    assert.equal(held.status, 304);
    // In English, the names the server gives are English ones.
    const english = parse((await synthese('territoire=departement:35', { 'accept-language': 'en' })).body);
    assert.equal(english.themes[0]!.series.find((series) => series.role === 'france')!.territory.name, 'France');
    assert.match(english.themes[0]!.series.find((series) => series.role === 'similaires')!.territory.name, /Ille-et-Vilaine/);
  });

  test('refuses a malformed territory and one that does not exist, in the API’s words', async () => {
    const malformed = await synthese('territoire=departement:999x');
    assert.equal(malformed.status, 400);
    assert.equal(malformed.body.error, 'invalid_territory');
    const unknown = await synthese('territoire=region:99');
    assert.equal(unknown.status, 404);
    assert.equal(unknown.body.error, 'territory_not_found');
    assert.equal(unknown.headers.get('cache-control'), 'no-store');
  });

  test('serves a page per territory, named and described, holding the element on this server’s API', async () => {
    const response = await fetch(`${server.url}/synthese/departement-35`);
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /^text\/html; charset=utf-8/);
    assert.equal(response.headers.get('cache-control'), 'public, max-age=300');
    const page = await response.text();
    assert.match(page, /<html lang="fr">/);
    assert.match(page, /<title>Ille-et-Vilaine — Synthèse du Baromètre numérique des collectivités<\/title>/);
    assert.match(page, /<meta name="description" content="Synthèse du Baromètre numérique des collectivités pour Ille-et-Vilaine : [^"]+" \/>/);
    assert.match(page, /<barometre-synthese api="\/api\/v1" territoire="departement:35"><\/barometre-synthese>/);
    assert.match(page, /<script type="module" src="\/cdn\/barometre-widgets.js"><\/script>/);
    // No inline script: the page runs under `script-src 'self'`.
    assert.doesNotMatch(page, /<script(?![^>]*\bsrc=)/);
    // Names are text, never markup.
    const côtes = await (await fetch(`${server.url}/synthese/departement-22`)).text();
    assert.match(côtes, /<title>Côtes-d&#39;Armor — /);
    assert.equal((await fetch(`${server.url}/synthese/france`)).status, 200);
    const css = await fetch(`${server.url}/synthese/synthese.css`);
    assert.equal(css.status, 200);
    assert.match(await css.text(), /@page \{ size: A4;/);
    for (const path of ['/synthese/region-99', '/synthese/departement-96', '/synthese/nowhere', '/synthese/departement:35']) {
      assert.equal((await fetch(`${server.url}${path}`)).status, 404, path);
    }
  });
});
