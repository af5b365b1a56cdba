import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { launchBrowser, startServer, type RunningServer } from './harness.js';
import { sendSample } from './sample.js';

let server: RunningServer;
let browser: Browser;

before(async () => {
  server = await startServer();
  await sendSample(server);
  await server.publish();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

/** Headers of a chart's table: the answer column, then one column per series. */
function tableHeaders(page: import('playwright-core').Page, selector: string) {
  return page.evaluate(
    (sel) => [...(document.querySelector(sel)?.shadowRoot?.querySelectorAll('table thead th') ?? [])].map((th) => th.textContent!.trim()),
    selector,
  );
}

test('a person picks a commune with the keyboard and every chart and the map follow', async () => {
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${server.origin}/comparer.html`);

  // One chart per published choice question of the theme.
  const definition = await (await fetch(`${server.api}/questionnaires/cybersecurite`)).json();
  const published = definition.sections
    .flatMap((section: { questions: { kind: string }[] }) => section.questions)
    .filter((question: { kind: string }) => question.kind !== 'text' && question.kind !== 'number');
  await page.waitForFunction((count) => document.querySelectorAll('#charts barometre-territoire-chart').length === count, published.length);

  const firstChart = '#charts barometre-territoire-chart:first-child';
  await page.waitForFunction((sel) => (document.querySelector(sel)?.shadowRoot?.querySelectorAll('table thead th').length ?? 0) > 1, firstChart);
  assert.equal((await tableHeaders(page, firstChart))[1], 'Gironde');

  // The picker, by keyboard only: type, arrow down to the first result, Enter.
  const input = page.locator('barometre-territoire-select').locator('input');
  await input.focus();
  // The field shows the current territory's name: select it all, then type over it.
  await page.keyboard.press('Control+A');
  await page.keyboard.type('Rennes', { delay: 30 });
  await page.waitForFunction(() =>
    [...(document.querySelector('barometre-territoire-select')?.shadowRoot?.querySelectorAll('[role="option"]') ?? [])].some((o) =>
      o.textContent?.includes('Rennes'),
    ),
  );
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');

  await page.waitForFunction(() => (document.querySelector('#comparison') as HTMLElement & { territoire?: string })?.territoire === 'commune:35238');
  await page.waitForFunction((sel) => {
    const headers = [...(document.querySelector(sel)?.shadowRoot?.querySelectorAll('table thead th') ?? [])];
    return headers[1]?.textContent?.trim() === 'Rennes';
  }, firstChart);
  const headers = (await tableHeaders(page, firstChart)).slice(1).map((text) => text.replace(/[\s\u202f]+/g, ' '));
  assert.deepEqual(headers, ['Rennes', 'Bretagne', 'France', 'Communes de 100 000 habitants et plus']);
  // Rennes has not answered (communes are never published alone), nor has any commune of its size;
  // Bretagne and France have figures. The list under the chart says so in words.
  const listed = (
    await page.evaluate(
      (sel) => [...document.querySelector(sel)!.shadowRoot!.querySelectorAll('[part~="series"] li')].map((li) => li.textContent!.trim()),
      firstChart,
    )
  ).map((text) => text.replace(/[\s\u202f]+/g, ' '));
  assert.equal(listed.length, 4);
  assert.equal(listed[0], 'Rennes : aucune réponse');
  assert.match(listed[1]!, /^Bretagne \(n = \d+\)$/);
  assert.match(listed[2]!, /^France \(n = \d+\)$/);
  assert.equal(listed[3], 'Communes de 100 000 habitants et plus : aucune réponse');

  // The map shows the theme and outlines the chosen territory's département once it is drawn.
  await page.locator('#map').scrollIntoViewIfNeeded();
  await page.waitForFunction(() => (document.querySelector('#map')?.shadowRoot?.querySelectorAll('path').length ?? 0) > 90);
  assert.deepEqual(errors, []);
  await page.close();
});
