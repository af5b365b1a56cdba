import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import type { Browser, Route } from 'playwright-core';
import { parseCsv } from '../helpers/csv.js';
import { completeWithKeyboard, focused } from './keyboard.js';
import { openPortal, passIdentification, pattern, question, said, sees, saysPolitely, tabTo } from './questionnaire-page.js';
import { ADMIN_TOKEN, launchBrowser, startServer, type RunningServer } from './harness.js';

/**
 * "Partager avec un collègue" on the built bundle: two colleagues of the mairie of Rennes, each
 * in a browser of their own, fill one questionnaire together through the real server.
 */

// The OPSN demo page asks the cybersecurity questionnaire of the town hall of Rennes.
const RENNES = '21350238800019';
const SHARE_KEY = 'a1'.repeat(32);

let server: RunningServer;
let browser: Browser;

before(async () => {
  server = await startServer({ BAROMETRE_SHARED_DRAFT_KEY: SHARE_KEY });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

const FONCTION = 'Quelle est votre fonction ?';
const CYBERATTAQUE = 'Votre collectivité a-t-elle subi une cyberattaque au cours des trois dernières années ?';
const RSSI = 'Votre collectivité dispose-t-elle d’un responsable de la sécurité des systèmes d’information (RSSI) ?';
const PCA = 'Disposez-vous d’un plan de continuité d’activité (PCA) et d’un plan de reprise d’activité (PRA) ?';

/** Rennes's cybersecurity answers as the administrator's export gives them, by answer key. */
async function exported(): Promise<Record<string, string>> {
  const response = await fetch(`${server.api}/export/cybersecurite.csv`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
  const [header, ...rows] = parseCsv(await response.text());
  const row = rows.find((cells) => cells[header!.indexOf('siret')] === RENNES);
  assert.ok(row, 'Rennes has a contribution');
  return Object.fromEntries(header!.map((column, index) => [column, row[index]!]));
}

test('two colleagues fill one questionnaire: shared by keyboard, opened by link, changes seen, the last change per question wins, one sends it', async () => {
  const marie = await (await browser.newContext()).newPage();
  const paul = await (await browser.newContext()).newPage();
  const errors: string[] = [];
  for (const page of [marie, paul]) page.on('pageerror', (error) => errors.push(error.message));

  // Marie answers the first two questions on her device.
  await openPortal(marie, `${server.origin}/portail-opsn.html`);
  await passIdentification(marie);
  await question(marie, FONCTION).getByLabel('Secrétaire de mairie').check();
  await question(marie, CYBERATTAQUE).getByLabel('Non').check();

  // She shares them with the keyboard alone.
  await tabTo(marie, 'Partager avec un collègue');
  await marie.keyboard.press('Enter');
  await sees(marie, /Qui êtes-vous \?/);
  assert.equal((await focused(marie))?.tag, 'input', 'the first name field has the focus');
  await marie.keyboard.type('Marie');
  await marie.keyboard.press('Tab');
  await marie.keyboard.type('secrétaire de mairie');
  await marie.keyboard.press('Enter');
  await sees(marie, /Brouillon partagé jusqu’au/);
  const link = await marie.locator('barometre-questionnaire #sharing-link').inputValue();
  const code = (await marie.locator('barometre-questionnaire #sharing-code-value').textContent())!.trim();
  assert.match(code, /^[0-9A-Z]{4}-[0-9A-Z]{4}$/, 'a short code is shown');
  assert.equal(link, `${server.origin}/portail-opsn.html#barometre-partage=cybersecurite.${RENNES}.${code}`);
  await saysPolitely(marie, new RegExp(`Brouillon partagé créé\\. Code : ${code}`));

  // Paul opens the link in his own browser: the code is filled in, he says who he is.
  await openPortal(paul, link);
  await sees(paul, /Code du brouillon partagé/);
  assert.equal(await paul.locator('barometre-questionnaire #sharing-code').inputValue(), code);
  assert.equal(new URL(paul.url()).hash, '', 'the code left the address at once');
  await paul.locator('barometre-questionnaire').getByLabel('Prénom').fill('Paul');
  await paul.locator('barometre-questionnaire').getByLabel('Fonction (facultatif)').fill('adjoint au numérique');
  await paul.locator('barometre-questionnaire').getByRole('button', { name: 'Ouvrir le brouillon partagé' }).click();
  await saysPolitely(paul, /Brouillon partagé ouvert : 2 réponses de vos collègues reprises\./);
  // He sees who last changed what, and when.
  const today = new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'long' }).format(new Date());
  await sees(paul, new RegExp(`« ${pattern(FONCTION)} » : Marie \\(secrétaire de mairie\\), ${today} à \\d\\d:\\d\\d`));

  // His questionnaire holds Marie's answers; he completes another one.
  await passIdentification(paul);
  assert.equal(await question(paul, FONCTION).getByLabel('Secrétaire de mairie').isChecked(), true);
  assert.equal(await question(paul, CYBERATTAQUE).getByLabel('Non').isChecked(), true);
  await paul.locator('barometre-questionnaire').getByRole('button', { name: 'Suivant' }).click();
  await sees(paul, /Étape 3/);
  await question(paul, RSSI).getByLabel('Oui, en interne').check();
  await sees(paul, new RegExp(`« ${pattern(RSSI)} » : Paul \\(adjoint au numérique\\)`));

  // Marie asks for her colleagues' changes: told in words, and the answer is in her form.
  await marie.locator('barometre-questionnaire').getByRole('button', { name: 'Voir les changements de mes collègues' }).click();
  await saysPolitely(marie, new RegExp(`^Paul \\(adjoint au numérique\\) a modifié « ${pattern(RSSI)} »\\.$`));
  await marie.locator('barometre-questionnaire').getByRole('button', { name: 'Suivant' }).click();
  await sees(marie, /Étape 3/);
  assert.equal(await question(marie, RSSI).getByLabel('Oui, en interne').isChecked(), true);

  // Marie answers the PCA question; Paul, whose page has not fetched it (his reads are held meanwhile), answers it after her.
  const held: Route[] = [];
  await paul.route('**/brouillons/**', (route) => (route.request().method() === 'GET' ? void held.push(route) : route.continue()));
  await question(marie, PCA).getByLabel('Oui, les deux').check();
  await sees(marie, new RegExp(`« ${pattern(PCA)} » : Marie \\(secrétaire de mairie\\)`));
  await question(paul, PCA).getByLabel('Un PCA seulement').check();
  // The last change wins: Paul's. He is told, in words, whose answer his replaced and when it was given.
  await saysPolitely(paul, new RegExp(`^Votre réponse à « ${pattern(PCA)} » remplace celle de Marie \\(secrétaire de mairie\\), modifiée à \\d{1,2} h \\d\\d\\.$`));
  await paul.unrouteAll({ behavior: 'wait' });
  for (const route of held) await route.continue().catch(() => undefined);
  assert.equal(await question(paul, PCA).getByLabel('Un PCA seulement').isChecked(), true);
  const shared = (await (await fetch(`${server.api}/brouillons/${RENNES}/cybersecurite`, { headers: { authorization: `Bearer ${code}` } })).json()) as {
    draft: { entries: { key: string; value: unknown; by: { name: string } }[] };
  };
  const pca = shared.draft.entries.find((entry) => entry.key === 'pca_pra');
  assert.deepEqual([pca?.value, pca?.by.name], ['pca_seul', 'Paul'], 'the draft holds the last change');

  // Marie's page, at its next sync, takes Paul's answer in and says who changed it.
  await marie.locator('barometre-questionnaire').getByRole('button', { name: 'Voir les changements de mes collègues' }).click();
  await saysPolitely(marie, new RegExp(`^Paul \\(adjoint au numérique\\) a modifié « ${pattern(PCA)} »\\.$`));
  assert.equal(await question(marie, PCA).getByLabel('Un PCA seulement').isChecked(), true);

  // Having seen it, Marie changes it again: her change replaces nothing unseen, and Paul sees it in turn.
  await question(marie, PCA).getByLabel('Un PRA seulement').check();
  await sees(marie, new RegExp(`« ${pattern(PCA)} » : Marie \\(`));
  assert.doesNotMatch(await said(marie), /remplace/);
  await paul.locator('barometre-questionnaire').getByRole('button', { name: 'Voir les changements de mes collègues' }).click();
  await saysPolitely(paul, new RegExp(`^Marie \\(secrétaire de mairie\\) a modifié « ${pattern(PCA)} »\\.$`));
  assert.equal(await question(paul, PCA).getByLabel('Un PRA seulement').isChecked(), true);

  // Paul sends the questionnaire, completing what is left with the keyboard.
  await completeWithKeyboard(paul, /^Merci/);
  await sees(paul, /Ce brouillon partagé a été envoyé : la contribution de votre collectivité est enregistrée\./);
  assert.deepEqual(await (await fetch(`${server.api}/contributions/${RENNES}/cybersecurite`)).json(), { exists: true });
  const closed = await fetch(`${server.api}/brouillons/${RENNES}/cybersecurite`, { headers: { authorization: `Bearer ${code}` } });
  assert.equal(closed.status, 410);
  assert.equal(((await closed.json()) as { error: string }).error, 'shared_draft_sent');
  // The contribution holds both colleagues' answers.
  const answers = await exported();
  assert.equal(answers.fonction_repondant, 'secretaire_mairie');
  assert.equal(answers.rssi, 'interne');
  assert.equal(answers.pca_pra, 'pra_seul');

  // Marie's page learns it at her next look.
  await marie.locator('barometre-questionnaire').getByRole('button', { name: 'Voir les changements de mes collègues' }).click();
  await sees(marie, /Ce brouillon partagé a été envoyé : la contribution de votre collectivité est enregistrée\./);
  assert.deepEqual(errors, []);
});

test('an expired shared draft says so, on the page of whoever had it open and of whoever opens its link; nothing on the device is lost', async () => {
  // A server of its own: Rennes has not answered there.
  const fresh = await startServer({ BAROMETRE_SHARED_DRAFT_KEY: SHARE_KEY, BAROMETRE_SHARED_DRAFT_DAYS: '1' });
  try {
    const marie = await (await browser.newContext()).newPage();
    await openPortal(marie, `${fresh.origin}/portail-opsn.html`);
    await passIdentification(marie);
    await question(marie, FONCTION).getByLabel('Secrétaire de mairie').check();
    const questionnaire = marie.locator('barometre-questionnaire');
    await questionnaire.getByRole('button', { name: 'Partager avec un collègue' }).click();
    await questionnaire.getByLabel('Prénom').fill('Marie');
    await questionnaire.getByRole('button', { name: 'Créer le brouillon partagé' }).click();
    await sees(marie, /Brouillon partagé jusqu’au/);
    const link = await questionnaire.locator('#sharing-link').inputValue();
    const code = (await questionnaire.locator('#sharing-code-value').textContent())!.trim();

    // A day cannot pass in a test: the draft's end is brought forward in the server's database, as the days would.
    const database = new Database(fresh.databasePath);
    try {
      database.prepare('UPDATE shared_drafts SET expires_at = ? WHERE siren = ?').run('2000-01-01T00:00:00.000Z', RENNES.slice(0, 9));
    } finally {
      database.close();
    }

    // Marie goes on answering: her change meets the expired draft, and she is told her answers stay here.
    await question(marie, CYBERATTAQUE).getByLabel('Je ne sais pas').check();
    await sees(marie, /Ce brouillon partagé a expiré\. Vos réponses restent enregistrées sur cet appareil\./);
    assert.equal(await question(marie, FONCTION).getByLabel('Secrétaire de mairie').isChecked(), true);
    assert.equal(await question(marie, CYBERATTAQUE).getByLabel('Je ne sais pas').isChecked(), true);
    const expired = await fetch(`${fresh.api}/brouillons/${RENNES}/cybersecurite`, { headers: { authorization: `Bearer ${code}` } });
    assert.equal(expired.status, 410);
    assert.equal(((await expired.json()) as { error: string }).error, 'shared_draft_expired');

    // A colleague arriving by the link now is told the same, in words.
    const paul = await (await browser.newContext()).newPage();
    await openPortal(paul, link);
    await paul.locator('barometre-questionnaire').getByLabel('Prénom').fill('Paul');
    await paul.locator('barometre-questionnaire').getByRole('button', { name: 'Ouvrir le brouillon partagé' }).click();
    await sees(paul, /Ce brouillon partagé a expiré\./);

    // Back on Marie's device, both answers are still there, and she may share them again.
    await marie.reload();
    await sees(marie, /Brouillon du .* restauré/);
    assert.equal(await question(marie, FONCTION).getByLabel('Secrétaire de mairie').isChecked(), true);
    assert.equal(await question(marie, CYBERATTAQUE).getByLabel('Je ne sais pas').isChecked(), true);
    await questionnaire.getByRole('button', { name: 'Partager avec un collègue' }).click();
    await questionnaire.getByLabel('Prénom').fill('Marie');
    await questionnaire.getByRole('button', { name: 'Créer le brouillon partagé' }).click();
    await saysPolitely(marie, /Brouillon partagé créé\. Code : /);
    const again = (await questionnaire.locator('#sharing-code-value').textContent())!.trim();
    assert.notEqual(again, code, 'a new draft, with a code of its own');
  } finally {
    await fresh.stop();
  }
});
