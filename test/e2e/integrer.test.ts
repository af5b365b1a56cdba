import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, startServer, type RunningServer } from './harness.js';
import { sendSample } from './sample.js';

/**
 * From a figure to a snippet and back: the code an element's "Intégrer" action (or the
 * configurator) shows, pasted alone into a blank page of the same server, draws the same figures
 * through the built script-tag bundle.
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

/** A page of the server holding only `body`: what a webmaster gets after pasting the snippet. */
async function blankPage(body: string): Promise<Page> {
  const page = await browser.newPage();
  const url = `${server.origin}/page-vierge-${Date.now()}.html`;
  const html = `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Page vierge</title></head><body>\n${body}\n</body></html>`;
  await page.route(url, (route) => route.fulfill({ contentType: 'text/html', body: html }));
  await page.goto(url);
  return page;
}

/** A figure's table alternative as a reader sees it: its caption, headers, then each row's cells. */
async function tableOf(page: Page, selector: string): Promise<string[][]> {
  await page.locator(selector).first().scrollIntoViewIfNeeded();
  await page.waitForFunction(
    (sel) => (document.querySelector(sel)?.shadowRoot?.querySelectorAll('table tbody tr').length ?? 0) > 0,
    selector,
    { timeout: 20_000 },
  );
  return page.evaluate((sel) => {
    // No named function in here: the test's compiler would wrap it in a helper the page does not have.
    const table = document.querySelector(sel)!.shadowRoot!.querySelector('table')!;
    return [table.querySelector('caption')!, ...table.querySelectorAll('tr')].map((row) =>
      (row.localName === 'tr' ? [...row.children] : [row]).map((cell) => cell.textContent!.replace(/\s+/g, ' ').trim()),
    );
  }, selector);
}

/** The snippet an element's "Intégrer" panel shows, opened by the keyboard. */
async function snippetOf(page: Page, selector: string): Promise<string> {
  const toggle = page.locator(`${selector} >> [part~="embed-button"]`).first();
  await toggle.waitFor({ timeout: 20_000 });
  await toggle.focus();
  await page.keyboard.press('Enter');
  const area = page.locator(`${selector} >> [part~="embed-code"]`).first();
  await area.waitFor();
  return area.inputValue();
}

test('a chart’s snippet, pasted into a blank page, draws the same figures', async () => {
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${server.origin}/prefecture.html`);
  const selector = 'barometre-territoire-chart[question="services_proposes"]';
  const shown = await tableOf(page, selector);
  const snippet = await snippetOf(page, selector);

  // The provider's settings are written on the element, with this server's addresses.
  assert.equal(
    snippet,
    `<script type="module" src="${server.origin}/cdn/barometre-widgets.js"></script>\n` +
      '<barometre-territoire-chart\n' +
      `  api="${server.api}"\n` +
      '  theme="inclusion"\n' +
      '  question="services_proposes"\n' +
      '  territoire="departement:33"\n' +
      '  comparer="region france"\n' +
      '  base="toutes"\n' +
      '  lang="fr"\n' +
      '></barometre-territoire-chart>',
  );

  const pasted = await blankPage(snippet);
  pasted.on('pageerror', (error) => errors.push(error.message));
  assert.deepEqual(await tableOf(pasted, 'barometre-territoire-chart'), shown);
  // Drawn, not only tabulated: the chart's canvas is there as on the first page.
  await pasted.waitForFunction(() => document.querySelector('barometre-territoire-chart')?.shadowRoot?.querySelector('canvas[part~="canvas"]'));
  assert.deepEqual(errors, []);
  await page.close();
  await pasted.close();
});

test('a key figure’s and a map’s snippets show the same figures on a blank page', async () => {
  const page = await browser.newPage();
  await page.goto(`${server.origin}/prefecture.html`);
  const indicator = 'barometre-indicateur[question="lieu_mediation"]';
  const indicatorText = (p: Page) =>
    p.evaluate((sel) => {
      const root = document.querySelector(sel)!.shadowRoot!;
      return ['territory', 'value', 'comparisons', 'meta', 'source'].map((name) => root.querySelector(`[part~="${name}"]`)?.textContent?.replace(/\s+/g, ' ').trim());
    }, indicator);
  await page.waitForFunction((sel) => document.querySelector(sel)?.shadowRoot?.querySelector('[part~="source"]'), indicator, { timeout: 20_000 });
  const indicatorShown = await indicatorText(page);
  const indicatorSnippet = await snippetOf(page, indicator);
  assert.match(indicatorSnippet, /code="oui"/);

  // The page has two maps: the answers to a question, then who answered.
  const map = 'barometre-carte[question="lieu_mediation"]';
  const mapShown = await tableOf(page, map);
  const mapSnippet = await snippetOf(page, map);
  assert.match(mapSnippet, /territoire="departement:33"/);
  assert.doesNotMatch(mapSnippet, /mesure=/);

  // Both under one script tag: the second snippet's is the same, and a page needs it once.
  const script = indicatorSnippet.split('\n')[0]!;
  assert.equal(mapSnippet.split('\n')[0], script);
  const pasted = await blankPage(`${indicatorSnippet}\n${mapSnippet.split('\n').slice(1).join('\n')}`);
  await pasted.waitForFunction((sel) => document.querySelector(sel)?.shadowRoot?.querySelector('[part~="source"]'), 'barometre-indicateur', { timeout: 20_000 });
  assert.deepEqual(
    await pasted.evaluate(() => {
      const root = document.querySelector('barometre-indicateur')!.shadowRoot!;
      return ['territory', 'value', 'comparisons', 'meta', 'source'].map((name) => root.querySelector(`[part~="${name}"]`)?.textContent?.replace(/\s+/g, ' ').trim());
    }),
    indicatorShown,
  );
  assert.deepEqual(await tableOf(pasted, 'barometre-carte'), mapShown);
  await page.close();
  await pasted.close();
});

/** Waits until the configurator's snippet holds every one of `parts`, and gives it. */
async function snippetHolding(page: Page, ...parts: string[]): Promise<string> {
  await page.waitForFunction((all) => all.every((part) => (document.getElementById('snippet') as HTMLTextAreaElement).value.includes(part)), parts, {
    timeout: 20_000,
  });
  return page.locator('#snippet').inputValue();
}

/** Each shape of a map as a screen reader names it, by territory. */
async function shapeNames(page: Page, selector: string): Promise<[string, string][]> {
  await page.waitForFunction((sel) => document.querySelector(sel)?.shadowRoot?.querySelector('svg.map path[role="option"]'), selector, { timeout: 20_000 });
  return page.evaluate(
    (sel) =>
      [...document.querySelector(sel)!.shadowRoot!.querySelectorAll('svg.map [role="option"]')].map(
        (shape) => [shape.getAttribute('data-id')!, shape.getAttribute('aria-label')!] as [string, string],
      ),
    selector,
  );
}

test('the configurator’s participation map: its own settings only, a snippet with mesure, type and edition, the same figures once pasted', async () => {
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${server.origin}/integrer.html`);
  await snippetHolding(page, 'barometre-territoire-chart');

  // The map, then what it shows, chosen with the keyboard as a radio group is: its arrows.
  await page.getByRole('radio', { name: 'Carte de France' }).check();
  await snippetHolding(page, '<barometre-carte');
  const answers = page.getByRole('radio', { name: 'Les réponses à une question' });
  assert.equal(await answers.isChecked(), true, 'a map shows answers by default');
  await answers.focus();
  await page.keyboard.press('ArrowDown');
  assert.equal(await page.getByRole('radio', { name: /^La participation/ }).isChecked(), true);
  await snippetHolding(page, 'mesure="participation"');

  // What does not apply to who answered is hidden (and out of the keyboard's way); its own settings are there.
  assert.equal(await page.getByRole('combobox', { name: 'Question' }).count(), 0);
  assert.equal(await page.getByRole('combobox', { name: 'Réponse comptée' }).count(), 0);
  assert.equal(await page.getByRole('group', { name: 'Chiffres' }).count(), 0);
  assert.equal(await page.getByRole('group', { name: 'Collectivités comptées' }).count(), 1);
  assert.equal(await page.getByRole('radio', { name: 'Communes' }).isChecked(), true, 'communes by default');
  assert.equal(await page.getByRole('radio', { name: 'L’édition en cours' }).isChecked(), true, 'the current edition by default');
  assert.match(await page.locator('#a11y-notes').innerText(), /89 sur 277/);
  assert.match(await page.locator('#a11y-notes').innerText(), /pas de communes dans ce territoire/);

  await page.getByRole('radio', { name: /^Intercommunalités/ }).check();
  await page.getByRole('radio', { name: '2026' }).check();
  const code = await snippetHolding(page, 'type="epci"', 'edition="2026"');
  assert.equal(
    code,
    `<script type="module" src="${server.origin}/cdn/barometre-widgets.js"></script>\n` +
      '<barometre-carte\n' +
      `  api="${server.api}"\n` +
      '  mesure="participation"\n' +
      '  theme="cybersecurite"\n' +
      '  territoire="departement:33"\n' +
      '  type="epci"\n' +
      '  edition="2026"\n' +
      '  lang="fr"\n' +
      '></barometre-carte>',
  );
  // The preview's own "Intégrer" gives the same code; its table and shapes say who answered.
  const preview = '#preview barometre-carte';
  assert.equal(await snippetOf(page, preview), code);
  const shown = await tableOf(page, preview);
  assert.match(shown[0]![0]!, /^Part des intercommunalités ayant répondu au volet « Cybersécurité », par départements\. Édition 2026/);
  const gironde = shown.find((row) => row[0]!.startsWith('Gironde (33)'))!;
  assert.match(gironde[2]!, /^\d+ sur \d+$/, `Gironde's intercommunalités counted out of those it holds: ${JSON.stringify(gironde)}`);
  const names = await shapeNames(page, preview);

  const pasted = await blankPage(code);
  pasted.on('pageerror', (error) => errors.push(error.message));
  assert.deepEqual(await tableOf(pasted, 'barometre-carte'), shown);
  assert.deepEqual(await shapeNames(pasted, 'barometre-carte'), names);

  // Back to the answers: the question, the answer and the weighting return, the participation's settings leave.
  await page.getByRole('radio', { name: 'Les réponses à une question' }).check();
  const answersCode = await snippetHolding(page, 'question=', 'code=');
  assert.doesNotMatch(answersCode, /^ {2}(mesure|type|edition)=/m);
  assert.equal(await page.getByRole('group', { name: 'Collectivités comptées' }).count(), 0);
  assert.equal(await page.getByRole('group', { name: 'Chiffres' }).count(), 1);
  assert.deepEqual(errors, []);
  await page.close();
  await pasted.close();
});

test('the configurator, served with the demo, writes the snippet of its preview; pasted, it draws the same figures', async () => {
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${server.origin}/`);
  await page.getByRole('link', { name: 'Intégrer une figure' }).click();
  await page.waitForURL(`${server.origin}/integrer.html`);
  const snippet = page.getByLabel('Code HTML', { exact: true });
  await page.waitForFunction(() => (document.getElementById('snippet') as HTMLTextAreaElement).value.includes('barometre-territoire-chart'));

  // Settings: columns, Ille-et-Vilaine against France only, weighted figures.
  await page.getByRole('radio', { name: 'Colonnes' }).check();
  await page.getByRole('checkbox', { name: 'sa région' }).uncheck();
  await page.getByRole('radio', { name: /^Redressés/ }).check();
  await page.getByRole('combobox', { name: 'Question' }).selectOption('rssi');
  const field = page.locator('barometre-territoire-select >> input');
  await field.fill('Ille-et');
  await page.locator('barometre-territoire-select >> [role="option"]').filter({ hasText: 'Ille-et-Vilaine' }).first().click();
  await page.waitForFunction(() => (document.getElementById('snippet') as HTMLTextAreaElement).value.includes('departement:35'));
  const code = await snippet.inputValue();
  assert.equal(
    code,
    `<script type="module" src="${server.origin}/cdn/barometre-widgets.js"></script>\n` +
      '<barometre-territoire-chart\n' +
      `  api="${server.api}"\n` +
      '  theme="cybersecurite"\n' +
      '  question="rssi"\n' +
      '  territoire="departement:35"\n' +
      '  comparer="france"\n' +
      '  type="colonnes"\n' +
      '  ponderation="redressee"\n' +
      '  lang="fr"\n' +
      '></barometre-territoire-chart>',
  );
  // The preview's own "Intégrer" gives the same code.
  assert.equal(await snippetOf(page, '#preview barometre-territoire-chart'), code);
  const shown = await tableOf(page, '#preview barometre-territoire-chart');

  // Copier: the clipboard gets the code, and the live region says so.
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
  await page.getByRole('button', { name: 'Copier le code' }).click();
  await page.waitForFunction(() => document.getElementById('copy-status')!.textContent !== '');
  assert.equal(await page.locator('#copy-status').getAttribute('role'), 'status');
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), code);

  const pasted = await blankPage(code);
  assert.deepEqual(await tableOf(pasted, 'barometre-territoire-chart'), shown);

  // A key figure: its own settings only, the others hidden and left out.
  await page.getByRole('radio', { name: 'Chiffre clé' }).check();
  await page.waitForFunction(() => (document.getElementById('snippet') as HTMLTextAreaElement).value.includes('barometre-indicateur'));
  assert.equal(await page.getByRole('group', { name: 'Type de graphique' }).count(), 0);
  assert.match(await snippet.inputValue(), /code="[^"]+"/);
  assert.doesNotMatch(await snippet.inputValue(), / {2}type=/);
  assert.deepEqual(errors, []);
  await page.close();
  await pasted.close();
});

test('the configurator page has no accessibility violation (axe)', async () => {
  const page = await browser.newPage();
  await page.goto(`${server.origin}/integrer.html`);
  await page.waitForFunction(() => (document.getElementById('snippet') as HTMLTextAreaElement).value !== '');
  await page.waitForFunction(() => document.querySelector('#preview barometre-territoire-chart')?.shadowRoot?.querySelector('[part~="source"]'), undefined, {
    timeout: 20_000,
  });
  const axe = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
  await page.addScriptTag({ path: axe });
  const violations = () =>
    page.evaluate(async () => {
      const result = await (window as unknown as { axe: { run(): Promise<{ violations: { id: string; nodes: { target: unknown }[] }[] }> } }).axe.run();
      return result.violations.map((violation) => `${violation.id}: ${JSON.stringify(violation.nodes.map((node) => node.target))}`);
    });
  assert.deepEqual(await violations(), []);

  // The participation map's settings and preview too.
  await page.getByRole('radio', { name: 'Carte de France' }).check();
  await page.getByRole('radio', { name: /^La participation/ }).check();
  await page.waitForFunction(() => document.querySelector('#preview barometre-carte')?.shadowRoot?.querySelector('svg.map [role="option"]'), undefined, { timeout: 20_000 });
  assert.deepEqual(await violations(), []);
  await page.close();
});
