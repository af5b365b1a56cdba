import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, startServer, type RunningServer } from './harness.js';
import { sendSample } from './sample.js';

/**
 * The synthesis of a territory as a préfecture hands it out: its page served by the server
 * (`/synthese/departement-33`), drawn by the script-tag build, with the nine themes set against
 * France; and `<barometre-profil>` alone on a blank page, showing the same gaps from the same
 * publication. The loader sends the synthesis request with the element’s code, not after it, and
 * the participation counts likewise.
 */

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

/** The words of every gap line of an element, in order. */
function gapWords(page: Page, tag: string): Promise<string[]> {
  return page.evaluate(
    (tag) => [...(document.querySelector(tag)?.shadowRoot?.querySelectorAll('li.gap .gap-words') ?? [])].map((one) => (one.textContent ?? '').replace(/\s+/g, ' ').trim()),
    tag,
  );
}

test('the page of a département shows its synthesis with the themes set against France, its request sent with the code', async () => {
  const page = await browser.newPage();
  const asked: string[] = [];
  page.on('request', (request) => asked.push(request.url()));
  const response = await page.goto(`${server.origin}/synthese/departement-33`);
  assert.equal(response?.status(), 200);
  assert.match(await page.title(), /^Gironde — Synthèse du Baromètre numérique des collectivités$/);
  await page.waitForFunction(() => (document.querySelector('barometre-synthese')?.shadowRoot?.querySelectorAll('section.theme').length ?? 0) === 9);
  await page.waitForLoadState('networkidle');

  const syntheses = asked.filter((url) => url.includes('/api/v1/synthese?'));
  assert.deepEqual(syntheses, [`${server.api}/synthese?territoire=departement%3A33`]);
  const words = await gapWords(page, 'barometre-synthese');
  assert.ok(words.length > 30, `${words.length} gap lines`);
  // The sample gives Gironde published figures: some lines carry a gap with France.
  assert.ok(
    words.some((line) => / pts de (plus|moins) que la France|comme la France/.test(line)),
    words.join('\n'),
  );

  const timings = (await page.evaluate(() =>
    (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).map((entry) => ({ name: entry.name, start: entry.startTime, end: entry.responseEnd })),
  )) as { name: string; start: number; end: number }[];
  const request = timings.find((entry) => entry.name.includes('/api/v1/synthese?'));
  const element = timings.find((entry) => /\/chunks\/synthese-[\w-]+\.js$/.test(entry.name));
  assert.ok(request && element, timings.map((entry) => entry.name).join('\n'));
  assert.ok(request.start < element.end, `the synthesis was asked for at ${request.start} ms, before the element's code arrived at ${element.end} ms`);
  await page.close();
});

test('<barometre-profil> pasted into a blank page shows the same gaps as the synthesis', async () => {
  const page = await browser.newPage();
  const html = `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Profil</title>
    <script type="module" src="/cdn/barometre-widgets.js"></script></head><body><main>
    <barometre-synthese api="${server.api}" territoire="departement:33"></barometre-synthese>
    <barometre-profil api="${server.api}" territoire="departement:33"></barometre-profil>
    </main></body></html>`;
  await page.route(`${server.origin}/profil.html`, (route) => route.fulfill({ contentType: 'text/html', body: html }));
  await page.goto(`${server.origin}/profil.html`);
  await page.waitForFunction(() =>
    ['barometre-synthese', 'barometre-profil'].every((tag) => (document.querySelector(tag)?.shadowRoot?.querySelectorAll('li.gap').length ?? 0) > 0),
  );
  const profile = await gapWords(page, 'barometre-profil');
  assert.deepEqual(profile, await gapWords(page, 'barometre-synthese'));
  // The table alternative opens from the keyboard.
  await page.focus('barometre-profil >> [part~="table-button"]');
  await page.keyboard.press('Enter');
  const rows = await page.evaluate(() => document.querySelector('barometre-profil')?.shadowRoot?.querySelectorAll('[part~="gaps-table"] tbody tr').length ?? 0);
  assert.equal(rows, profile.length);
  const shown = await page.evaluate(() => document.querySelector('barometre-profil')?.shadowRoot?.querySelector('[part~="table-button"]')?.getAttribute('aria-pressed'));
  assert.equal(shown, 'true');
  await page.close();
});

test('<barometre-participation> gets its counts in the round of its code, asked once', async () => {
  const page = await browser.newPage();
  const asked: string[] = [];
  page.on('request', (request) => asked.push(request.url()));
  const html = `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Participation</title>
    <script type="module" src="/cdn/barometre-widgets.js"></script></head><body><main>
    <barometre-participation api="${server.api}" territoire="departement:33"></barometre-participation>
    </main></body></html>`;
  await page.route(`${server.origin}/participation.html`, (route) => route.fulfill({ contentType: 'text/html', body: html }));
  await page.goto(`${server.origin}/participation.html`);
  await page.waitForFunction(() => (document.querySelector('barometre-participation')?.shadowRoot?.querySelectorAll('table tbody tr').length ?? 0) > 0);
  await page.waitForLoadState('networkidle');
  assert.deepEqual(
    asked.filter((url) => url.includes('/api/v1/participation?')),
    [`${server.api}/participation?territoire=departement%3A33`],
  );
  const timings = (await page.evaluate(() =>
    (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).map((entry) => ({ name: entry.name, start: entry.startTime, end: entry.responseEnd })),
  )) as { name: string; start: number; end: number }[];
  const request = timings.find((entry) => entry.name.includes('/api/v1/participation?'));
  const element = timings.find((entry) => /\/chunks\/participation-[\w-]+\.js$/.test(entry.name));
  assert.ok(request && element, timings.map((entry) => entry.name).join('\n'));
  assert.ok(request.start < element.end, `the counts were asked for at ${request.start} ms, before the element's code arrived at ${element.end} ms`);
  await page.close();
});
