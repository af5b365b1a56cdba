import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, startServer, type RunningServer } from './harness.js';

// A portal on another origin than the API's, the server started without BAROMETRE_ORIGINS: the
// browser withholds every answer of the API from the page. The integrator must be told which
// setting to change, and the respondent must not be told to check their connection.

let server: RunningServer;
let browser: Browser;

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

/** A page of another origin (localhost, where the server is 127.0.0.1) holding one questionnaire on `api`. */
async function portal(api: string): Promise<{ page: Page; origin: string; console: string[] }> {
  const origin = server.origin.replace('127.0.0.1', 'localhost');
  const page = await browser.newPage();
  const messages: string[] = [];
  page.on('console', (message) => messages.push(`${message.type()}: ${message.text()}`));
  await page.goto(`${origin}/`);
  await page.setContent(`<!doctype html><html lang="fr"><head><meta charset="utf-8">
    <script type="module" src="${server.origin}/cdn/barometre-widgets.js"></script></head>
    <body><barometre-questionnaire api="${api}" theme="inclusion" siret="21350238800019"></barometre-questionnaire></body></html>`);
  return { page, origin, console: messages };
}

const lookupText = (page: Page) =>
  page.evaluate(() => document.querySelector('barometre-questionnaire')?.shadowRoot?.querySelector('.lookup')?.textContent?.trim() ?? '');

test('on an origin the server does not list, the console names BAROMETRE_ORIGINS and the origin, and the respondent is not told to check their connection', async () => {
  const { page, origin, console } = await portal(server.api);
  assert.notEqual(origin, server.origin);
  await page.waitForFunction(
    () => /n’accepte pas encore/.test(document.querySelector('barometre-questionnaire')?.shadowRoot?.querySelector('.lookup')?.textContent ?? ''),
    undefined,
    { timeout: 20_000 },
  );
  const said = await lookupText(page);
  assert.match(said, /ce n’est pas un problème de connexion/);
  assert.doesNotMatch(said, /connexion à internet/);
  const told = console.filter((line) => line.includes('BAROMETRE_ORIGINS'));
  assert.equal(told.length, 1, console.join('\n'));
  assert.ok(told[0]!.includes(origin), told[0]);
  await page.close();
});

test('when the API’s server cannot be reached at all, the element still says it cannot check for now, and blames no setting', async () => {
  const { page, console } = await portal('http://127.0.0.1:9/api/v1');
  await page.waitForFunction(
    () => /Impossible de vérifier ce SIRET/.test(document.querySelector('barometre-questionnaire')?.shadowRoot?.querySelector('.lookup')?.textContent ?? ''),
    undefined,
    { timeout: 20_000 },
  );
  assert.deepEqual(console.filter((line) => line.includes('BAROMETRE_ORIGINS')), []);
  await page.close();
});
