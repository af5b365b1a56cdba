import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, startServer, type RunningServer } from './harness.js';
import { sendSample } from './sample.js';

// Host pages that do their worst (demo/hotes/): the elements must still show their content there.

let server: RunningServer;
let browser: Browser;

before(async () => {
  server = await startServer();
  // Figures for the key figures and charts to show.
  await sendSample(server);
  await server.publish();
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

  // The answers written beside the bars, in the page's huge inherited type, are not cut at the
  // canvas's left edge: every line starts inside it.
  await page.waitForFunction(() => (document.querySelector('barometre-territoire-chart') as { chart?: unknown } | null)?.chart !== undefined, undefined, {
    timeout: 20_000,
  });
  const labels = await page.evaluate(() => {
    interface LabelItem {
      label: string | string[];
      font: { string: string };
      options: { translation: [number, number]; textAlign: string };
    }
    const chart = (document.querySelector('barometre-territoire-chart') as unknown as {
      chart: { ctx: CanvasRenderingContext2D; scales: Record<string, { getLabelItems(): LabelItem[] }> };
    }).chart;
    const { ctx } = chart;
    return chart.scales.y!.getLabelItems().map((item) => {
      const lines = Array.isArray(item.label) ? item.label : [item.label];
      ctx.save();
      ctx.font = item.font.string;
      const width = Math.max(...lines.map((line) => ctx.measureText(line).width));
      ctx.restore();
      const [x] = item.options.translation;
      const left = item.options.textAlign === 'right' ? x - width : item.options.textAlign === 'center' ? x - width / 2 : x;
      return { text: lines.join(' '), left: Math.floor(left) };
    });
  });
  assert.ok(labels.length > 0, 'the chart has answer labels');
  for (const { text, left } of labels) assert.ok(left >= 0, `"${text}" starts at x = ${left}, outside the canvas`);

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

test('when the host, with its own copy of Lit, already defined <barometre-indicateur>, one warning names it and every element works', async () => {
  const { page, errors, warnings } = await visit('/hotes/autre-lit.html');
  await page.locator('barometre-territoire-chart').scrollIntoViewIfNeeded();
  await waitInShadow(page, 'barometre-territoire-chart', 'table tbody tr');
  assert.ok((await tableRows(page, 'barometre-territoire-chart')) > 0);
  await waitInShadow(page, 'barometre-questionnaire', '[part~="step-heading"]');
  assert.equal(await heading(page, 'barometre-questionnaire'), 'Votre collectivité');
  await page.waitForFunction(() => document.querySelectorAll('barometre-indicateur').length === 1);
  await page.waitForTimeout(300);

  // Two copies of Lit really are on the page: the host's, imported from /demo-modules/, and the
  // one inside our chunks; each copy of each package adds its version to these global lists.
  const versions = await page.evaluate(() => {
    const lists = window as unknown as Record<'litElementVersions' | 'litHtmlVersions' | 'reactiveElementVersions', string[] | undefined>;
    return [lists.litElementVersions?.length, lists.litHtmlVersions?.length, lists.reactiveElementVersions?.length];
  });
  assert.deepEqual(versions, [2, 2, 2], 'LitElement, lit-html and ReactiveElement are each loaded twice');

  // The host's element is the one defined under the tag, and keeps working: it renders with its Lit and updates on a click.
  assert.equal(await page.evaluate(() => customElements.get('barometre-indicateur')?.name), 'IndicateurDuSite');
  const hostElement = page.locator('barometre-indicateur');
  assert.match((await hostElement.locator('p').textContent()) ?? '', /Indicateur du site hôte/);
  const counter = hostElement.getByRole('button');
  assert.equal((await counter.textContent())?.trim(), 'Clics : 0');
  await counter.click();
  await page.waitForFunction(() => document.querySelector('barometre-indicateur')?.shadowRoot?.querySelector('button')?.textContent?.trim() === 'Clics : 1');

  // Ours still work beside it: the questionnaire moves on (here, to say the SIRET is missing).
  const questionnaire = page.locator('barometre-questionnaire');
  await questionnaire.getByLabel('Agent de la collectivité').check();
  await questionnaire.locator('button[type="submit"]').click();
  await page.waitForFunction(() => /SIRET/.test(document.querySelector('barometre-questionnaire')?.shadowRoot?.querySelector('[part~="error-summary"]')?.textContent ?? ''));

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
