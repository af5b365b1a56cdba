import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import type { EvolutionResponse } from '../../src/core/schema/evolution.js';
import { launchBrowser, startServer, type RunningServer } from './harness.js';
import { sendSample } from './sample.js';

/**
 * `<barometre-evolution>` on the prefecture demo page, from the built script-tag bundle and the
 * real server: the loader defines it when its tag is seen and sends its request at once, it reads the evolution of Gironde
 * against its région and France, draws its lines with the shared Chart.js chunk, and says in
 * words every edition's figure, the edition that has none yet and why the series breaks there.
 * The server's contributions go to the edition whose wave is open today; the editions before it
 * have no publication on a server started empty.
 */

let server: RunningServer;
let browser: Browser;
let publicationId: string;

before(async () => {
  server = await startServer();
  await sendSample(server);
  publicationId = (await server.publish()).id;
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

const QUERY = 'question=rssi&code=mutualise&territoire=departement%3A33&comparer=region%2Cfrance&ponderation=brute';

test('the prefecture page draws Gironde’s evolution from the API, each edition said in words', async () => {
  const page = await browser.newPage();
  const asked: string[] = [];
  page.on('request', (request) => asked.push(request.url()));
  await page.goto(`${server.origin}/prefecture.html`);
  const evolution = page.locator('barometre-evolution');
  // Scrolled to once its figures are shown: the charts above it take their height meanwhile, and
  // Chart.js is only loaded for an element near the viewport.
  await page.waitForFunction(() => document.querySelector('barometre-evolution')?.shadowRoot?.querySelector('[part~="status"]')?.getAttribute('data-state') === 'ready');
  await page.waitForLoadState('networkidle');
  await evolution.scrollIntoViewIfNeeded();
  await page.waitForFunction(() => (document.querySelector('barometre-evolution') as unknown as { chart?: unknown } | null)?.chart !== undefined, undefined, {
    timeout: 20_000,
  });

  assert.deepEqual(
    asked.filter((url) => url.includes('/evolution?')),
    [`${server.api}/resultats/cybersecurite/evolution?${QUERY}`],
  );
  assert.ok(asked.some((url) => /\/cdn\/chunks\/evolution-[\w-]+\.js$/.test(url)), 'the element’s own chunk');
  assert.ok(asked.some((url) => /\/cdn\/chunks\/chart-runtime-[\w-]+\.js$/.test(url)), 'the shared Chart.js chunk');
  // The loader asks for the figures as it sees the tag, not once the element's code has run.
  const timings = (await page.evaluate(() =>
    (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).map((entry) => ({ name: entry.name, start: entry.startTime, end: entry.responseEnd })),
  )) as { name: string; start: number; end: number }[];
  const figures = timings.find((entry) => entry.name.includes('/evolution?'))!;
  const code = timings.find((entry) => /\/chunks\/evolution-[\w-]+\.js$/.test(entry.name))!;
  assert.ok(figures.start < code.end, `the evolution request started at ${figures.start} ms, before its code arrived at ${code.end} ms`);

  const body = (await (await fetch(`${server.api}/resultats/cybersecurite/evolution?${QUERY}`)).json()) as EvolutionResponse;
  const current = body.editions.at(-1)!;
  assert.equal(current.publication?.id, publicationId);
  assert.deepEqual(
    body.series.map((series) => series.territory.name),
    ['Gironde', 'Nouvelle-Aquitaine', 'France'],
  );

  const sentences = await evolution.locator('[part~="summary"] li').allTextContents();
  const gironde = body.series[0]!.points.at(-1)!;
  assert.equal(sentences.length, 3);
  assert.match(sentences[0]!.replace(/\s+/g, ' '), new RegExp(`^Gironde : .* en ${current.edition}\\.$`));
  if (gironde.status === 'publie') assert.match(sentences[0]!, new RegExp(`${Math.round(gironde.share! * 100)}\\s?%`));
  // Every edition before the current one is named, with no publication yet on this server.
  for (const earlier of body.editions.slice(0, -1)) {
    assert.equal(earlier.publication, null);
    assert.ok(sentences[0]!.includes(`pas encore publiée en ${earlier.edition}`), sentences[0]);
  }
  if (body.editions.length > 1) {
    const breaks = await evolution.locator('[part~="breaks"] li').allTextContents();
    assert.deepEqual(breaks, [current.breakBefore!.message.fr]);
  }
  const source = (await evolution.locator('[part~="source"]').textContent())!.replace(/\s+/g, ' ');
  assert.ok(source.includes(`Édition ${current.edition} : Résultats arrêtés au`), source);

  // The table alternative, by keyboard.
  await evolution.locator('[part~="table-button"]').focus();
  await page.keyboard.press('Enter');
  const rows = await evolution.locator('tbody tr th').allTextContents();
  assert.deepEqual(
    rows.map((row) => row.trim().slice(0, 4)),
    body.editions.map((edition) => edition.edition),
  );
  await page.close();
});
