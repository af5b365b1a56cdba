import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { publicationDateText } from '../../src/elements/shared/publication-date.js';
import { parseCsv } from '../helpers/csv.js';
import { completeWithKeyboard, stepHeading } from './keyboard.js';
import { ADMIN_TOKEN, launchBrowser, startServer, type RunningServer } from './harness.js';

// The OPSN demo page prefills the SIRET of the town hall of Rennes.
const RENNES = '21350238800019';

let server: RunningServer;
let browser: Browser;
/** The edit code the first contribution received. */
let editCode = '';

const asAdmin = { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } };

/**
 * Rennes's contribution as the administrator's export shows it: the public status says only
 * whether it exists, never when it was written.
 */
async function recorded(): Promise<{ exists: boolean; updatedAt?: string }> {
  const [header, ...rows] = parseCsv(await (await fetch(`${server.api}/export/cybersecurite.csv`, asAdmin)).text());
  const row = rows.find((cells) => cells[header!.indexOf('siret')] === RENNES);
  return row ? { exists: true, updatedAt: row[header!.indexOf('mis_a_jour_le')]! } : { exists: false };
}

/** Submissions set aside for the administrator's review. */
async function pending(): Promise<{ siret: string; theme: string }[]> {
  return ((await (await fetch(`${server.api}/admin/pending`, asAdmin)).json()) as { pending: { siret: string; theme: string }[] }).pending;
}

/**
 * Opens the portal for a collectivité that has already answered. A browser that sent the last
 * answer keeps its confirmation on screen: "Répondre à nouveau" leaves it.
 */
async function answerAgain(page: Page): Promise<void> {
  await page.goto(`${server.origin}/portail-opsn.html`);
  const shown = () => document.querySelector('barometre-questionnaire')?.shadowRoot?.textContent ?? '';
  await page.waitForFunction(`/déjà répondu|Répondre à nouveau/.test((${shown.toString()})())`);
  const again = page.locator('barometre-questionnaire').getByRole('button', { name: 'Répondre à nouveau' });
  if ((await again.count()) > 0) {
    await again.focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(`/déjà répondu/.test((${shown.toString()})())`);
  }
}

before(async () => {
  // Publications on a schedule, so that the confirmation can say when the answers will count.
  server = await startServer({ BAROMETRE_PUBLICATION_INTERVAL: '1d' });
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

  // It says from which publication the answers will count: the next scheduled one, as the API announces it.
  const { next } = (await (await fetch(`${server.api}/publications`)).json()) as { next: string };
  const nextPublication = page.locator('barometre-questionnaire [part="next-publication"]');
  await page.waitForFunction(
    () => /à partir du/.test(document.querySelector('barometre-questionnaire')?.shadowRoot?.querySelector('[part="next-publication"]')?.textContent ?? ''),
  );
  assert.equal(
    (await nextPublication.textContent())?.trim(),
    `Vos réponses seront prises en compte dans les résultats publiés à partir du ${publicationDateText('fr', next)}, ` +
      'ou dans une publication suivante si trop peu d’autres collectivités de votre territoire ont répondu entre-temps.',
  );

  // The server has it, and says so without giving the answers away, nor when they came.
  const status = await (await fetch(`${server.api}/contributions/${RENNES}/cybersecurite`)).json();
  assert.deepEqual(status, { exists: true });

  editCode = (await page.locator('barometre-questionnaire [part="edit-code"]').textContent())!.trim();
  assert.ok(editCode.length >= 16, 'an edit code is shown');

  // The portal's event log received the submission.
  const log = await page.textContent('#event-log');
  assert.match(log ?? '', /barometre-submitted/);
  assert.deepEqual(errors, []);
  await page.close();
});

test('a second answer without the edit code is set aside and changes nothing; with the code it replaces the first', async () => {
  assert.ok(editCode, 'runs after the first contribution');
  const before = await recorded();
  assert.equal(before.exists, true);
  const page = await browser.newPage();
  await answerAgain(page);
  await completeWithKeyboard(page, /^Votre réponse est transmise pour examen/);
  const text = await page.evaluate(() => document.querySelector('barometre-questionnaire')!.shadowRoot!.textContent!);
  assert.match(text, /ne remplace pas/);
  assert.deepEqual(await recorded(), before, 'the first contribution is unchanged');
  assert.deepEqual(
    (await pending()).map(({ siret, theme }) => ({ siret, theme })),
    [{ siret: RENNES, theme: 'cybersecurite' }],
    'the second answer waits for review',
  );

  await answerAgain(page);
  await page.locator('barometre-questionnaire').getByLabel('Code de modification').fill(editCode);
  await completeWithKeyboard(page, /^Merci, votre contribution est mise à jour/);
  const after = await recorded();
  assert.ok(after.updatedAt! > before.updatedAt!, 'replaced');
  await page.close();
});

test('a reload in the middle of the questionnaire restores the draft', async () => {
  const page = await browser.newPage();
  await answerAgain(page);
  // Choose a role, go to the first section and answer its first question.
  const questionnaire = page.locator('barometre-questionnaire');
  await questionnaire.getByLabel('Élu ou élue').check();
  await questionnaire.getByRole('button', { name: 'Suivant' }).click();
  await page.waitForFunction(() => /Étape 2/.test(document.querySelector('barometre-questionnaire')?.shadowRoot?.textContent ?? ''));
  const heading = await stepHeading(page);
  const first = questionnaire.locator('fieldset input[type="radio"]').first();
  await first.check();
  await page.waitForFunction(() => /Brouillon enregistré/.test(document.querySelector('barometre-questionnaire')?.shadowRoot?.textContent ?? ''));

  await page.reload();
  await page.waitForFunction(() => /Brouillon du .* restauré/.test(document.querySelector('barometre-questionnaire')?.shadowRoot?.textContent ?? ''));
  assert.equal(await stepHeading(page), heading, 'back on the same step');
  assert.equal(await questionnaire.locator('fieldset input[type="radio"]').first().isChecked(), true, 'the answer is restored');
  await page.close();
});

test('a submission made while the network is cut waits, then is delivered exactly once when it returns', async () => {
  const page = await browser.newPage();
  // Every PUT the page attempts, and the status of those the server answered.
  const puts = new Map<import('playwright-core').Request, { key: string | undefined; status?: number }>();
  page.on('request', (request) => {
    if (request.method() === 'PUT') puts.set(request, { key: request.headers()['idempotency-key'] });
  });
  page.on('response', (response) => {
    const put = puts.get(response.request());
    if (put) put.status = response.status();
  });
  const before = await recorded();
  await answerAgain(page);
  await page.locator('barometre-questionnaire').getByLabel('Code de modification').fill(editCode);
  await completeWithKeyboard(page, /^Votre contribution attend le réseau/, {
    beforeSubmit: () => page.context().setOffline(true),
  });
  assert.deepEqual(await recorded(), before, 'nothing reached the server');

  await page.context().setOffline(false);
  await page.waitForFunction(() => /^Merci/.test(document.querySelector('barometre-questionnaire')?.shadowRoot?.querySelector('[part~="step-heading"]')?.textContent?.trim() ?? ''), undefined, { timeout: 30_000 });
  const delivered = [...puts.values()].filter((put) => put.status !== undefined);
  assert.equal(delivered.length, 1, 'one submission reached the server');
  assert.equal(delivered[0]!.status, 200);
  assert.ok(puts.size >= 2, 'it was tried while offline, then again');
  assert.equal(new Set([...puts.values()].map((put) => put.key)).size, 1, 'every attempt carried the same idempotency key');
  assert.ok((await recorded()).updatedAt! > before.updatedAt!);
  await page.close();
});
