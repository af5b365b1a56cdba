import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, startServer, type RunningServer } from './harness.js';

// Host pages that do their worst (demo/hotes/): the elements must still show their content there.

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

interface Visit {
  page: Page;
  errors: string[];
  warnings: string[];
}

async function visit(path: string): Promise<Visit> {
  const page = await browser.newPage();
  const errors: string[] = [];
  const warnings: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
    if (message.type() === 'warning') warnings.push(message.text());
  });
  await page.goto(`${server.origin}${path}`);
  return { page, errors, warnings };
}

/** Waits until the shadow root of `selector` (the nth match) holds something matching `inner`. */
function waitInShadow(page: Page, selector: string, inner: string, nth = 0) {
  return page.waitForFunction(
    ([sel, css, index]) => document.querySelectorAll(sel)[index]?.shadowRoot?.querySelector(css) != null,
    [selector, inner, nth] as const,
    { timeout: 20_000 },
  );
}

const tableRows = (page: Page, selector: string, nth = 0) =>
  page.evaluate(
    ([sel, index]) => document.querySelectorAll(sel)[index]!.shadowRoot!.querySelectorAll('table tbody tr').length,
    [selector, nth] as const,
  );

const heading = (page: Page, selector: string, nth = 0) =>
  page.evaluate(
    ([sel, index]) =>
      document.querySelectorAll(sel)[index]?.shadowRoot?.querySelector('[part~="step-heading"]')?.textContent?.trim() ?? '',
    [selector, nth] as const,
  );

test('under aggressive !important CSS, the elements show their content and their buttons are visible and work', async () => {
  const { page, errors } = await visit('/hotes/css-agressif.html');
  const chart = page.locator('barometre-territoire-chart');
  const questionnaire = page.locator('barometre-questionnaire');

  // The key figure shows a percentage.
  await page.waitForFunction(() => /\d\s?%/.test(document.querySelector('barometre-indicateur')?.shadowRoot?.textContent ?? ''));

  // The chart's "Tableau" button is on screen, and clicking it shows the table.
  await chart.scrollIntoViewIfNeeded();
  await waitInShadow(page, 'barometre-territoire-chart', 'table tbody tr');
  const tableButton = chart.locator('button[part~="table-button"]');
  const box = await tableButton.boundingBox();
  assert.ok(box && box.width > 0 && box.height > 0, `the Tableau button has a box: ${JSON.stringify(box)}`);
  await tableButton.click();
  assert.equal(await tableButton.getAttribute('aria-pressed'), 'true');
  const tableBox = await chart.locator('[part~="table"]').boundingBox();
  assert.ok(tableBox && tableBox.height > 0, 'the table is shown');

  // The questionnaire's "Suivant" button is on screen and moves to the first section.
  await page.waitForFunction(() => document.querySelector('barometre-questionnaire')?.shadowRoot?.textContent?.includes('Rennes'), undefined, {
    timeout: 20_000,
  });
  assert.equal(await heading(page, 'barometre-questionnaire'), 'Votre collectivité');
  await questionnaire.getByLabel('Agent de la collectivité').check();
  const next = questionnaire.locator('button[type="submit"]');
  assert.equal((await next.textContent())?.trim(), 'Suivant');
  const nextBox = await next.boundingBox();
  assert.ok(nextBox && nextBox.width > 0 && nextBox.height > 0, `the Suivant button has a box: ${JSON.stringify(nextBox)}`);
  await next.click();
  await page.waitForFunction(
    () => {
      const text = document.querySelector('barometre-questionnaire')?.shadowRoot?.querySelector('[part~="step-heading"]')?.textContent;
      return text !== undefined && text !== null && text.trim() !== 'Votre collectivité';
    },
    undefined,
    { timeout: 10_000 },
  );
  assert.deepEqual(errors, []);
  await page.close();
});

test('under a strict Content-Security-Policy, every element renders without a single violation', async () => {
  const { page, errors } = await visit('/hotes/csp-strict.html');
  await page.locator('barometre-territoire-chart').scrollIntoViewIfNeeded();
  await waitInShadow(page, 'barometre-territoire-chart', 'table tbody tr');
  assert.ok((await tableRows(page, 'barometre-territoire-chart')) > 0);
  // Chart.js was loaded and drew.
  await page.waitForFunction(() => (document.querySelector('barometre-territoire-chart') as { chart?: unknown } | null)?.chart !== undefined, undefined, {
    timeout: 20_000,
  });
  await page.waitForFunction(() => /\d\s?%/.test(document.querySelector('barometre-indicateur')?.shadowRoot?.textContent ?? ''));
  await page.locator('barometre-carte').scrollIntoViewIfNeeded();
  await waitInShadow(page, 'barometre-carte', 'svg path');
  await waitInShadow(page, 'barometre-territoire-select', 'input[role="combobox"]');
  await page.locator('barometre-questionnaire').scrollIntoViewIfNeeded();
  await waitInShadow(page, 'barometre-questionnaire', '[part~="step-heading"]');
  assert.equal(await heading(page, 'barometre-questionnaire'), 'Votre collectivité');
  await page.waitForTimeout(300); // late violations (images, lazy chunks)
  const violations = await page.evaluate(() => (window as unknown as { __cspViolations: unknown[] }).__cspViolations);
  assert.deepEqual(violations, [], `CSP violations: ${JSON.stringify(violations, null, 2)}`);
  assert.deepEqual(errors, []);
  await page.close();
});

test('when the host already defined <barometre-indicateur>, one warning names it and the other elements work', async () => {
  const { page, errors, warnings } = await visit('/hotes/autre-lit.html');
  await page.locator('barometre-territoire-chart').scrollIntoViewIfNeeded();
  await waitInShadow(page, 'barometre-territoire-chart', 'table tbody tr');
  await waitInShadow(page, 'barometre-questionnaire', '[part~="step-heading"]');
  assert.equal(await heading(page, 'barometre-questionnaire'), 'Votre collectivité');
  await page.waitForFunction(() => document.querySelectorAll('barometre-indicateur').length === 1);
  await page.waitForTimeout(300);
  // The host's element keeps its content.
  assert.equal((await page.textContent('barometre-indicateur'))?.trim(), 'Indicateur du site hôte');
  const clashes = warnings.filter((text) => text.includes('barometre-indicateur'));
  assert.equal(clashes.length, 1, `warnings: ${JSON.stringify(warnings)}`);
  assert.match(clashes[0]!, /<barometre-indicateur> is already defined/);
  assert.deepEqual(errors, []);
  await page.close();
});

test('a page with two questionnaires and six charts shows them all', async () => {
  const { page, errors } = await visit('/hotes/beaucoup.html');
  const charts = page.locator('barometre-territoire-chart');
  assert.equal(await charts.count(), 6);
  for (let index = 0; index < 6; index++) {
    await charts.nth(index).scrollIntoViewIfNeeded();
    await waitInShadow(page, 'barometre-territoire-chart', 'table tbody tr', index);
    assert.ok((await tableRows(page, 'barometre-territoire-chart', index)) > 0, `chart ${index + 1} has table rows`);
  }
  for (const index of [0, 1]) {
    await waitInShadow(page, 'barometre-questionnaire', '[part~="step-heading"]', index);
    assert.equal(await heading(page, 'barometre-questionnaire', index), 'Votre collectivité');
  }
  const themes = await page.evaluate(() => [...document.querySelectorAll('barometre-questionnaire')].map((q) => q.shadowRoot!.textContent!));
  assert.notEqual(themes[0], themes[1]);
  assert.deepEqual(errors, []);
  await page.close();
});
