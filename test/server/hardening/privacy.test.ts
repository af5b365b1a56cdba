// Privacy: contact e-mails and free text (text questions, "other, specify" texts) never leave the
// server except through the administrator's export. Contributions to every theme carry unique
// markers; every public response — every results variant of every theme, the map, the other
// reading routes, refusals — is searched for them and for anything shaped like an e-mail. The
// export with the token must hold them all, so a test that found nothing did look.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { COLLECTIVITE_KINDS } from '../../../src/core/schema/collectivite.js';
import type { ThemeId } from '../../../src/core/schema/questionnaire.js';
import { POPULATION_BAND_IDS } from '../../../src/core/territory/population-band.js';
import { definitions } from '../../../src/questionnaires/all.js';
import { ADMIN_TOKEN, collectivites, json, onStore, publishNow, putContribution, RENNES_SIRET, startServer, type TestServer } from '../helpers.js';
import { answersWithFreeText, profileOf } from './free-text.js';

/** A marker no published wording could contain by chance. */
const marker = (theme: string, index: number, questionId: string) => `PRIVE${index}Z${theme.replace(/-/g, '')}Z${questionId}`;
const MARKER = /PRIVE\d+Z/;
const email = (theme: string, index: number) => `contact.prive${index}.${theme}@mairie-secrete.fr`;
/** Anything shaped like an e-mail address. */
const EMAIL = /[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/;

const THEMES = Object.keys(definitions) as ThemeId[];
/** Enough respondents in one département for its figures to be published (minimum cell 5). */
const RESPONDENTS = [RENNES_SIRET, ...collectivites((c) => c.kind === 'commune' && c.departementCode === '35' && c.code !== '35238', 9).map((c) => c.siret)];
const TERRITORIES = [undefined, 'france', 'region:53', 'departement:35', 'commune:35238', 'epci:243500139'];

let server: TestServer;
const expected = new Map<ThemeId, { markers: string[]; emails: string[] }>();
let pendingEmail = '';

/** Fetches without any credential and checks the body holds no marker nor e-mail. */
async function assertPublic(path: string, init: RequestInit = {}): Promise<{ status: number; text: string }> {
  const response = await fetch(`${server.url}${path}`, init);
  const text = await response.text();
  assert.ok(response.status < 500, `${path}: ${response.status}`);
  assert.doesNotMatch(text, MARKER, `${path} leaks free text`);
  assert.doesNotMatch(text, EMAIL, `${path} leaks an e-mail address`);
  return { status: response.status, text };
}

describe(onStore('privacy: free text and e-mails never leave without the admin token'), { concurrency: false }, () => {
  before(async () => {
    server = await startServer();
    for (const theme of THEMES) {
      const definition = definitions[theme];
      const markers: string[] = [];
      const emails: string[] = [];
      for (const [index, siret] of RESPONDENTS.entries()) {
        const answers = answersWithFreeText(definition, index * 31 + theme.length, (questionId) => marker(theme, index, questionId), profileOf(siret));
        // Only what was kept counts: the text of a question hidden by other answers is not stored.
        markers.push(...Object.values(answers).filter((value): value is string => typeof value === 'string' && MARKER.test(value)));
        const body = { role: 'agent', version: definition.version, answers, contactEmail: email(theme, index) };
        emails.push(email(theme, index));
        const created = await json(await putContribution(server.url, siret, theme, body));
        assert.equal(created.status, 201, `${theme} ${siret}: ${JSON.stringify(created.body)}`);
      }
      expected.set(theme, { markers, emails });
    }
    // A second answer without the edit token is set aside, e-mail and all: its refusal says nothing of it.
    const definition = definitions.inclusion;
    pendingEmail = 'contact.prive99.pending@mairie-secrete.fr';
    const answers = answersWithFreeText(definition, 99, (questionId) => marker('pending', 99, questionId), profileOf(RENNES_SIRET));
    const conflict = await putContribution(server.url, RENNES_SIRET, 'inclusion', { role: 'elu', version: definition.version, answers, contactEmail: pendingEmail });
    const text = await conflict.text();
    assert.equal(conflict.status, 409);
    assert.doesNotMatch(text, MARKER);
    assert.doesNotMatch(text, EMAIL);
    // What is searched below is what the public sees: a publication of these contributions.
    const publication = await publishNow(server.url);
    assert.equal(publication.contributions, THEMES.length * RESPONDENTS.length);
  });

  after(async () => {
    await server.close();
  });

  test('the fixtures hold free text for every theme', () => {
    for (const theme of THEMES) assert.ok(expected.get(theme)!.markers.length >= RESPONDENTS.length, `${theme} has too little free text`);
  });

  test('every results variant of every theme, without the token', async () => {
    let published = 0;
    for (const theme of THEMES) {
      const definition = definitions[theme];
      const questions = definition.sections.flatMap((section) => section.questions);
      for (const territoire of TERRITORIES) {
        for (const comparer of [undefined, 'departement,region,france,similaires']) {
          for (const ponderation of ['brute', 'redressee']) {
            const query = new URLSearchParams({ ponderation });
            if (territoire) query.set('territoire', territoire);
            if (comparer) query.set('comparer', comparer);
            const { status, text } = await assertPublic(`/api/v1/resultats/${theme}?${query}`);
            assert.equal(status, 200, text);
            const body = JSON.parse(text) as { series: { status: string }[] };
            published += body.series.filter((series) => series.status === 'publie').length;
          }
        }
      }
      // Each question alone, free-text ones included (refused, and the refusal says nothing either).
      for (const question of questions) {
        const { status } = await assertPublic(`/api/v1/resultats/${theme}?territoire=departement:35&comparer=france&question=${question.id}`);
        assert.equal(status, question.kind === 'text' ? 404 : 200, `${theme} ${question.id}`);
        await assertPublic(`/api/v1/resultats/${theme}?question=${question.id}.autre`);
      }
      for (const type of COLLECTIVITE_KINDS) await assertPublic(`/api/v1/resultats/${theme}?territoire=france&type=${type}`);
      for (const bande of POPULATION_BAND_IDS) await assertPublic(`/api/v1/resultats/${theme}?territoire=france&type=commune&bande=${bande}`);
      // A filter on another territory is refused, saying nothing either.
      await assertPublic(`/api/v1/resultats/${theme}?territoire=departement:35&type=commune&bande=0-499`);
    }
    // The figures were there to leak from: published series rest on the marked contributions.
    assert.ok(published > THEMES.length * 10, `only ${published} published series`);
  });

  test('the map of every question, at both levels and both weightings, without the token', async () => {
    for (const theme of THEMES) {
      const questions = definitions[theme].sections.flatMap((section) => section.questions);
      for (const [position, question] of questions.entries()) {
        const { status } = await assertPublic(`/api/v1/resultats/${theme}/carte?question=${question.id}`);
        assert.equal(status, question.kind === 'text' ? 404 : 200, `${theme} ${question.id}`);
        // Every level and weighting once per theme is enough: they share the series.
        if (position === 0) {
          await assertPublic(`/api/v1/resultats/${theme}/carte?question=${question.id}&niveau=region&ponderation=redressee`);
          await assertPublic(`/api/v1/resultats/${theme}/carte?question=${question.id}&niveau=departement&ponderation=redressee`);
        }
      }
    }
  });

  test('the other reading routes, and the administrator’s routes refused, without the token', async () => {
    const paths = ['/api/v1', '/api/v1/health', '/api/v1/questionnaires', '/api/v1/publications', '/api/v1/territoires?q=rennes', '/api/v1/territoires?q=35'];
    for (const theme of THEMES) {
      paths.push(`/api/v1/questionnaires/${theme}`);
      for (const siret of RESPONDENTS) paths.push(`/api/v1/contributions/${siret}/${theme}`);
    }
    for (const siret of RESPONDENTS) paths.push(`/api/v1/collectivites/${siret}`);
    for (const path of paths) assert.equal((await assertPublic(path)).status, 200, path);

    const refused: [string, string][] = [
      ['GET', '/api/v1/admin/pending'],
      ['POST', '/api/v1/admin/publications'],
      ...THEMES.map((theme): [string, string] => ['GET', `/api/v1/export/${theme}.csv`]),
    ];
    for (const [method, path] of refused) {
      for (const authorization of [undefined, 'Bearer wrong-token-wrong-token-wrong', ADMIN_TOKEN, `Basic ${Buffer.from(`admin:${ADMIN_TOKEN}`).toString('base64')}`]) {
        const { status, text } = await assertPublic(path, { method, ...(authorization ? { headers: { authorization } } : {}) });
        assert.equal(status, 401, `${path} with ${authorization}`);
        assert.equal(JSON.parse(text).error, 'unauthorized');
      }
    }
  });

  test('with the token, the export holds every e-mail and every free text, and the desk the pending e-mail', async () => {
    for (const theme of THEMES) {
      const response = await fetch(`${server.url}/api/v1/export/${theme}.csv`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
      assert.equal(response.status, 200);
      const csv = await response.text();
      const { markers, emails } = expected.get(theme)!;
      for (const text of [...markers, ...emails]) assert.ok(csv.includes(text), `${theme} export lacks ${text}`);
    }
    const desk = await fetch(`${server.url}/api/v1/admin/pending`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
    const text = await desk.text();
    assert.ok(text.includes(pendingEmail));
    assert.match(text, MARKER);
  });
});
