import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { defaultReferential } from '../../src/server/referential/adapter.js';
import { headOfficeSiret } from '../../src/server/seed/seed.js';
import { completeWithKeyboard, focused, stepHeading } from './keyboard.js';
import { launchBrowser, startServer, type RunningServer } from './harness.js';

// From the OPSN portal to the prefecture: a contribution made with the keyboard on one demo page
// is counted by the chart another demo page shows for the collectivité's département.

/** The SIRET the OPSN demo page prefills (Rennes). */
const PREFILLED = '21350238800019';
/** The prefecture demo page is about Gironde; its first chart compares answers to `rssi`. */
const DEPARTEMENT = { code: '33', name: 'Gironde' };
const CHART = 'barometre-territoire-chart[question="rssi"]';

let server: RunningServer;
let browser: Browser;

before(async () => {
  // The synthetic data gives Gironde enough respondents for its figures to be published: with an
  // empty database the chart would only say "données insuffisantes" (BAROMETRE_MIN_CELL).
  server = await startServer({ BAROMETRE_SEED: 'synthetic' });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

/** The largest commune of the département that has not answered the cybersecurity questionnaire yet. */
async function communeYetToAnswer(): Promise<{ name: string; siret: string }> {
  const communes = [...defaultReferential().collectivites()]
    .filter((c) => c.kind === 'commune' && c.departementCode === DEPARTEMENT.code)
    .sort((a, b) => (b.population ?? 0) - (a.population ?? 0));
  for (const commune of communes) {
    const siret = headOfficeSiret(commune.siren);
    const status = (await (await fetch(`${server.api}/contributions/${siret}/cybersecurite`)).json()) as { exists: boolean };
    if (!status.exists) return { name: commune.name, siret };
  }
  throw new Error(`every commune of ${DEPARTEMENT.name} has answered`);
}

const digits = (text: string) => Number(text.replace(/\D/g, ''));

/**
 * The number of respondents the prefecture page shows for the département in its `rssi` chart,
 * read as a visitor reads it: in the list of territories under the caption ("Gironde (n = 69)")
 * and in the table's "Nombre de répondants" row.
 *
 * Each reading opens a new browser context. Results are served with `Cache-Control: public,
 * max-age=60`, so within a minute the same context would answer the chart's request from its
 * HTTP cache — on a new page or a reload alike, since a reload revalidates the page, not the
 * `fetch` calls its scripts make — and show the figures from before the contribution (tried
 * with a new page in the same context: the count stayed the same). A new context starts with an
 * empty cache, like the browser of another visitor of the prefecture site.
 */
async function shownCount(): Promise<{ listed: number; tabled: number; percents: string[] }> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${server.origin}/prefecture.html`);
    const chart = page.locator(CHART);
    await chart.scrollIntoViewIfNeeded();
    const listed = chart.locator('[part~="series"] li', { hasText: new RegExp(`^${DEPARTEMENT.name} \\(`) });
    await listed.waitFor({ timeout: 20_000 });

    await chart.getByRole('button', { name: 'Tableau' }).click();
    const table = chart.locator('[part~="table"]');
    const headers = (await table.locator('thead th').allTextContents()).map((text) => text.trim());
    const column = headers.indexOf(DEPARTEMENT.name);
    assert.ok(column > 0, `the table has a ${DEPARTEMENT.name} column: ${JSON.stringify(headers)}`);
    const respondents = table.getByRole('row', { name: /Nombre de répondants/ });
    const tabled = await respondents.locator('th, td').nth(column).textContent();
    // The shares of the département are published, not hidden by small-cell secrecy.
    const percents = await table.locator('tbody tr').evaluateAll(
      (rows, index) => rows.map((row) => row.children[index]?.textContent?.trim() ?? ''),
      column,
    );
    assert.deepEqual(errors, []);
    return { listed: digits((await listed.textContent()) ?? ''), tabled: digits(tabled ?? ''), percents };
  } finally {
    await context.close();
  }
}

test('a contribution completed with the keyboard on the OPSN page is counted by the prefecture chart of its département', async () => {
  const commune = await communeYetToAnswer();
  const before = await shownCount();
  assert.ok(before.listed > 0, 'the chart shows a number of respondents');
  assert.equal(before.tabled, before.listed, 'the table and the list of territories agree');
  for (const cell of before.percents) assert.match(cell, /^\d+\s?%$/, `shares are shown: ${JSON.stringify(before.percents)}`);

  // The OPSN page, in a context of its own (no draft, no outbox), answered with the keyboard alone.
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${server.origin}/portail-opsn.html`);
  await page.waitForFunction(() => customElements.get('barometre-questionnaire') !== undefined);
  await page.waitForFunction(
    () => document.querySelector('barometre-questionnaire')?.shadowRoot?.textContent?.includes('Rennes'),
    undefined,
    { timeout: 15_000 },
  );
  // The portal prefills its own SIRET; the agent answers for another commune: Tab to the field,
  // select what is there and type the commune's SIRET.
  let onSiret = false;
  for (let keys = 0; keys < 30 && !onSiret; keys++) {
    await page.keyboard.press('Tab');
    const control = await focused(page);
    onSiret = control?.tag === 'input' && control.type === 'text' && control.value.replace(/\s/g, '') === PREFILLED;
  }
  assert.ok(onSiret, 'the SIRET field is reached with Tab');
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type(commune.siret);
  assert.equal((await focused(page))?.value.replace(/\s/g, ''), commune.siret);
  await page.waitForFunction(
    (name) => document.querySelector('barometre-questionnaire')?.shadowRoot?.querySelector('[part~="collectivite"]')?.textContent?.includes(name),
    commune.name,
    { timeout: 15_000 },
  );

  await completeWithKeyboard(page, /^Merci/);
  assert.match(await stepHeading(page), /^Merci, votre contribution est enregistrée/);
  const status = (await (await fetch(`${server.api}/contributions/${commune.siret}/cybersecurite`)).json()) as { exists: boolean };
  assert.equal(status.exists, true, `${commune.name} has answered`);
  assert.deepEqual(errors, []);
  await context.close();

  const after = await shownCount();
  assert.equal(after.listed, before.listed + 1, `${DEPARTEMENT.name}: n = ${before.listed} before, ${after.listed} after`);
  assert.equal(after.tabled, before.tabled + 1, 'the table counts it too');
});
