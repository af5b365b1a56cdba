import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { cyberSubmission } from '../server/helpers.js';
import { launchBrowser, startServer } from './harness.js';

/**
 * Editions on the built bundle: the operator's calendar file moves a wave, and the questionnaire
 * turns respondents away before anything is typed; a year later, the 2026 questionnaire takes up
 * the 2025 answers with their edit code. The servers run on one database file, as an upgrade
 * between two editions would.
 */

const RENNES = '21350238800019';

let browser: Browser;
const folder = mkdtempSync(join(tmpdir(), 'barometre-e2e-editions-'));
const database = join(folder, 'barometre.db');

/** A calendar file moving the first wave of 2025 and of 2026. */
function calendar(name: string, waves: { 2025: { opens: string; closes: string }; 2026: { opens: string; closes: string } }): string {
  const path = join(folder, name);
  writeFileSync(path, JSON.stringify({ 2025: { waves: { 1: waves[2025] } }, 2026: { waves: { 1: waves[2026] } } }));
  return path;
}

const shown = (page: Page) => page.evaluate(() => document.querySelector('barometre-questionnaire')?.shadowRoot?.textContent?.replace(/\s+/g, ' ') ?? '');

before(async () => {
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  rmSync(folder, { recursive: true, force: true });
});

test('outside the wave the calendar file sets, the questionnaire says when it opens and the API refuses', async () => {
  const server = await startServer({
    BAROMETRE_DB: join(folder, 'closed.db'),
    BAROMETRE_EDITIONS_FILE: calendar('closed.json', {
      2025: { opens: '2025-02-03', closes: '2025-04-30' },
      2026: { opens: '2099-01-15', closes: '2099-03-31' },
    }),
  });
  try {
    const page = await browser.newPage();
    await page.goto(`${server.origin}/portail-opsn.html`);
    await page.waitForFunction(() => /ouvre le/.test(document.querySelector('barometre-questionnaire')?.shadowRoot?.textContent ?? ''), undefined, { timeout: 15_000 });
    assert.match(await shown(page), /Le volet « Cybersécurité » de l’édition 2026 du Baromètre ouvre le 15 janvier 2099\./);
    assert.equal(await page.locator('barometre-questionnaire').getByLabel('Numéro SIRET').count(), 0);
    const refused = await fetch(`${server.api}/contributions/${RENNES}/cybersecurite`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', 'idempotency-key': 'e2e-closed-1' },
      body: JSON.stringify(cyberSubmission()),
    });
    assert.equal(refused.status, 409);
    assert.equal(((await refused.json()) as { error: string }).error, 'wave_not_open');
  } finally {
    await server.stop();
  }
});

test('a year later, the 2026 questionnaire takes up the 2025 answers with their edit code', async () => {
  // 2025's first wave is still open today, 2026's opens tomorrow's year: Rennes answers 2025.
  const last = await startServer({
    BAROMETRE_DB: database,
    BAROMETRE_EDITIONS_FILE: calendar('last-year.json', {
      2025: { opens: '2025-02-03', closes: '2098-12-31' },
      2026: { opens: '2099-01-01', closes: '2099-03-31' },
    }),
  });
  let code: string;
  try {
    const created = await fetch(`${last.api}/contributions/${RENNES}/cybersecurite`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', 'idempotency-key': 'e2e-2025-1' },
      body: JSON.stringify(cyberSubmission({ rssi: 'mutualise' })),
    });
    assert.equal(created.status, 201);
    code = ((await created.json()) as { editCode: string }).editCode;
  } finally {
    await last.stop();
  }

  // The release's own calendar: 2026 takes answers now.
  const server = await startServer({ BAROMETRE_DB: database });
  try {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${server.origin}/portail-opsn.html`);
    const questionnaire = page.locator('barometre-questionnaire');
    await page.waitForFunction(() => /Reprendre vos réponses de l’édition 2025/.test(document.querySelector('barometre-questionnaire')?.shadowRoot?.textContent ?? ''), undefined, {
      timeout: 20_000,
    });
    await questionnaire.getByLabel('Code de modification de l’édition 2025').fill(code);
    await questionnaire.getByRole('button', { name: 'Reprendre mes réponses' }).click();
    await page.waitForFunction(() => /réponses de l’édition 2025 ont été reprises/.test(document.querySelector('barometre-questionnaire')?.shadowRoot?.textContent ?? ''));
    await questionnaire.getByRole('radio', { name: 'Agent de la collectivité' }).check();
    await questionnaire.getByRole('button', { name: 'Suivant' }).click();
    // The first section shows the 2025 answer, unmarked: the question did not change.
    const unchanged = questionnaire.locator('fieldset', { hasText: 'a-t-elle subi une cyberattaque' }).first();
    await unchanged.waitFor();
    assert.equal(await unchanged.getByRole('radio', { name: 'Non' }).isChecked(), true);
    assert.equal(await questionnaire.getByText('Nouvelle question').count(), 0);
    assert.deepEqual(errors, []);
  } finally {
    await server.stop();
  }
});
