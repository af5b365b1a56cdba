import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { publicationDateText } from '../../src/elements/shared/publication-date.js';
import { launchBrowser, startServer, type PublicationSummary, type RunningServer } from './harness.js';
import { SAMPLE_FEW, sendSample } from './sample.js';

// The prefecture demo page shows Gironde against its région and France.
const TERRITORY = 'departement:33';

let server: RunningServer;
let browser: Browser;
let publication: PublicationSummary;

before(async () => {
  server = await startServer();
  await sendSample(server);
  publication = await server.publish();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

interface QuestionJson {
  status: string;
  n: number | null;
  answers?: Record<string, { status: string; share: number | null }>;
}

interface SeriesJson {
  territory: { name: string };
  status: string;
  n: number | null;
  questions: Record<string, QuestionJson>;
}

interface ResultsJson {
  minCell: number;
  publication: { id: string; publishedAt: string };
  series: SeriesJson[];
}

async function results(theme: string, question: string, comparer: string, territoire: string = TERRITORY): Promise<ResultsJson> {
  const url = `${server.api}/resultats/${theme}?territoire=${territoire}&comparer=${comparer}&question=${question}`;
  return (await fetch(url)).json() as Promise<ResultsJson>;
}

/** A figure that is not published, in the words every element uses. */
function stateWords(status: string, minCell: number): string {
  if (status === 'aucune') return 'aucune réponse';
  if (status === 'insuffisant') return `moins de ${minCell} réponses`;
  if (status === 'masque') return 'masqué (secret statistique)';
  throw new Error(`not a state: ${status}`);
}

async function optionLabels(theme: string, question: string): Promise<Map<string, string>> {
  const definition = await (await fetch(`${server.api}/questionnaires/${theme}`)).json();
  for (const section of definition.sections) {
    for (const q of section.questions) {
      if (q.id === question) return new Map(q.options.map((o: { code: string; label: { fr: string } }) => [o.label.fr, o.code]));
    }
  }
  throw new Error(`no question ${question}`);
}

/** The chart's table as the page shows it: header names, then each row's cells, by row label. */
async function chartTable(page: Page, selector: string) {
  await page.waitForFunction(
    (sel) => (document.querySelector(sel)?.shadowRoot?.querySelectorAll('table tbody tr').length ?? 0) > 0,
    selector,
    { timeout: 20_000 },
  );
  return page.evaluate((sel) => {
    const table = document.querySelector(sel)!.shadowRoot!.querySelector('table')!;
    const headers = [...table.querySelectorAll('thead th')].map((th) => th.textContent!.trim());
    const rows = [...table.querySelectorAll('tbody tr')].map((tr) => ({
      label: tr.querySelector('th')!.textContent!.trim(),
      cells: [...tr.querySelectorAll('td')].map((td) => td.textContent!.trim()),
    }));
    return { headers, rows };
  }, selector);
}

const percentIn = (text: string) => (/^\d+/.test(text) ? Number(text.match(/^\d+/)![0]) : null);

test('the prefecture page draws the API results for its département, région and France, and says why each missing figure is missing', async () => {
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${server.origin}/prefecture.html`);

  const selector = 'barometre-territoire-chart.card[question="rssi"]';
  // Charente beside it, with fewer respondents than the threshold: the page's chart shows
  // figures, this one says why it has none.
  await page.evaluate((territoire) => {
    const chart = document.createElement('barometre-territoire-chart');
    for (const [name, value] of Object.entries({ theme: 'cybersecurite', question: 'rssi', territoire, comparer: 'region france', id: 'few' })) chart.setAttribute(name, value);
    document.querySelector('barometre-provider')!.append(chart);
  }, `departement:${SAMPLE_FEW.departement}`);
  const codes = await optionLabels('cybersecurite', 'rssi');
  const shown = { values: 0, states: 0 };
  for (const [chart, territoire] of [[selector, TERRITORY], ['#few', `departement:${SAMPLE_FEW.departement}`]] as const) {
    await page.locator(chart).scrollIntoViewIfNeeded();
    const table = await chartTable(page, chart);
    const { series, minCell, publication: from } = await results('cybersecurite', 'rssi', 'region,france', territoire);
    assert.equal(from.id, publication.id, 'the figures come from the publication just made');
    assert.deepEqual(table.headers.slice(1), series.map((s) => s.territory.name));
    let cells = 0;
    for (const row of table.rows) {
      const code = codes.get(row.label);
      if (!code) continue;
      series.forEach((s, column) => {
        const cell = row.cells[column]!;
        const where = `${row.label} / ${s.territory.name}`;
        const question = s.questions.rssi;
        const answer = question?.answers?.[code];
        cells += 1;
        if (s.status !== 'publie' || question?.status !== 'publie') {
          assert.equal(cell, stateWords(question?.status ?? s.status, minCell), where);
          shown.states += 1;
        } else if (answer?.status === 'masque') {
          assert.equal(cell, stateWords('masque', minCell), where);
          shown.states += 1;
        } else {
          assert.equal(percentIn(cell), Math.round(answer!.share! * 100), where);
          shown.values += 1;
        }
      });
    }
    assert.equal(cells, codes.size * series.length, chart);
  }
  // The sample makes both kinds: shares, and figures that are not published, each said in words.
  assert.ok(shown.values > 0 && shown.states > 0, `values and states: ${JSON.stringify(shown)}`);
  const { series } = await results('cybersecurite', 'rssi', 'region,france');

  // The number of respondents of each series, as published (the question is, in every series of the sample).
  const counts = await page.evaluate(
    (sel) =>
      [...document.querySelector(sel)!.shadowRoot!.querySelectorAll('table tfoot tr:first-child td')].map((td) =>
        td.textContent!.trim().replace(/[\s\u202f]/g, ''),
      ),
    selector,
  );
  assert.deepEqual(counts, series.map((s) => String(s.questions.rssi!.n)));

  // The table names the publication its figures are from.
  const caption = await page.evaluate((sel) => document.querySelector(sel)!.shadowRoot!.querySelector('table caption')!.textContent!, selector);
  assert.ok(
    caption.replace(/\s+/g, ' ').includes(`Résultats arrêtés au ${publicationDateText('fr', publication.publishedAt)}`),
    `the caption names the publication: ${caption}`,
  );

  // Chart.js was fetched once the chart came into view, and drew on its canvas.
  await page.waitForFunction((sel) => document.querySelector(sel)?.shadowRoot?.querySelector('canvas') !== null, selector);
  assert.deepEqual(errors, []);
  await page.close();
});

test('the key figure shows the share the API publishes for France', async () => {
  const page = await browser.newPage();
  await page.goto(`${server.origin}/prefecture.html`);
  const selector = 'barometre-indicateur[question="journal_papier"]';
  await page.waitForFunction((sel) => /France/.test(document.querySelector(sel)?.shadowRoot?.textContent ?? ''), selector, {
    timeout: 20_000,
  });
  const text = await page.evaluate((sel) => document.querySelector(sel)!.shadowRoot!.textContent!.replace(/\s+/g, ' '), selector);
  const [, france] = (await results('communication', 'journal_papier', 'france')).series;
  const answer = france!.questions.journal_papier!.answers!.oui!;
  assert.equal(answer.status, 'publie', 'the sample publishes this share for France');
  assert.match(text, new RegExp(`France : ${Math.round(answer.share! * 100)}\\s?%`));
  await page.close();
});
