import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, startServer, type RunningServer } from './harness.js';

// The prefecture demo page shows Gironde against its région, France and similar départements.
const TERRITORY = 'departement:33';

let server: RunningServer;
let browser: Browser;

before(async () => {
  server = await startServer({ BAROMETRE_SEED: 'synthetic' });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

interface SeriesJson {
  territory: { name: string };
  questions: Record<string, { answers?: Record<string, { share: number | null }> }>;
}

async function results(theme: string, question: string, comparer: string): Promise<SeriesJson[]> {
  const url = `${server.api}/resultats/${theme}?territoire=${TERRITORY}&comparer=${comparer}&question=${question}`;
  const body = await (await fetch(url)).json();
  return body.series;
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

test('the prefecture page draws the API results for its département, région, France and similar départements', async () => {
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${server.origin}/prefecture.html`);

  const selector = 'barometre-territoire-chart[question="rssi"]';
  await page.locator(selector).scrollIntoViewIfNeeded();
  const table = await chartTable(page, selector);
  const series = await results('cybersecurite', 'rssi', 'region,france,similaires');
  const codes = await optionLabels('cybersecurite', 'rssi');

  assert.deepEqual(table.headers.slice(1), series.map((s) => s.territory.name));
  let compared = 0;
  for (const row of table.rows) {
    const code = codes.get(row.label);
    if (!code) continue; // the respondents row
    series.forEach((s, column) => {
      const share = s.questions.rssi?.answers?.[code]?.share ?? null;
      assert.equal(percentIn(row.cells[column]!), share === null ? null : Math.round(share * 100), `${row.label} / ${s.territory.name}`);
      compared += 1;
    });
  }
  assert.equal(compared, codes.size * series.length);

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
  const [, france] = await results('communication', 'journal_papier', 'france');
  const share = france!.questions.journal_papier!.answers!.oui!.share!;
  assert.match(text, new RegExp(`France : ${Math.round(share * 100)}\\s?%`));
  await page.close();
});
