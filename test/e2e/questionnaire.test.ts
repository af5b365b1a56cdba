import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { completeWithKeyboard, stepHeading } from './keyboard.js';
import { launchBrowser, startServer, type RunningServer } from './harness.js';

// The OPSN demo page prefills the SIRET of the town hall of Rennes.
const RENNES = '21350238800019';

let server: RunningServer;
let browser: Browser;

before(async () => {
  server = await startServer({ BAROMETRE_SEED: 'none' });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

test('a respondent completes the cybersecurity questionnaire with the keyboard alone, from the script-tag build', async () => {
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${server.origin}/portail-opsn.html`);
  await page.waitForFunction(() => customElements.get('barometre-questionnaire') !== undefined);
  await page.waitForFunction(
    () => document.querySelector('barometre-questionnaire')?.shadowRoot?.textContent?.includes('Rennes'),
    undefined,
    { timeout: 15_000 },
  );

  const headings = await completeWithKeyboard(page, /^Merci/);
  assert.ok(headings.length >= 5, `identification, sections, review and confirmation: ${headings.join(' → ')}`);
  assert.match(await stepHeading(page), /^Merci, votre contribution est enregistrée/);

  const confirmation = await page.evaluate(() => document.querySelector('barometre-questionnaire')!.shadowRoot!.textContent!);
  assert.match(confirmation, /code de modification/i);

  // The server has it, and says so without giving the answers away.
  const status = await (await fetch(`${server.api}/contributions/${RENNES}/cybersecurite`)).json();
  assert.equal(status.exists, true);
  assert.equal(status.answers, undefined);

  // The portal's event log received the submission.
  const log = await page.textContent('#event-log');
  assert.match(log ?? '', /barometre-submitted/);
  assert.deepEqual(errors, []);
  await page.close();
});
