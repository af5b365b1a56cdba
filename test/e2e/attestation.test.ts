import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey } from 'jose';
import type { Browser } from 'playwright-core';
import { parseCsv } from '../helpers/csv.js';
import { ADMIN_TOKEN, launchBrowser, startServer, type RunningServer } from './harness.js';
import { completeWithKeyboard, stepHeading } from './keyboard.js';

/**
 * An OPSN portal as a real one works: its back end signs a short-lived attestation for its
 * signed-in user with the portal's key, its page hands it to the questionnaire of the built
 * bundle, and the real server, which knows the portal's public key, records the contribution as
 * verified. The portal's first token has already expired, as one does when the respondent takes
 * long: the questionnaire asks the page for a fresh one and sends the answers with it.
 */

const PORTAL = 'e2e-portail';
// The town hall of Saint-Malo, which no other end-to-end test answers for.
const SIRET = '21350288300019';

let server: RunningServer;
let browser: Browser;
let folder: string;
let signingKey: CryptoKey;

before(async () => {
  const { publicKey, privateKey } = await generateKeyPair('ES256');
  signingKey = privateKey;
  folder = mkdtempSync(join(tmpdir(), 'barometre-e2e-portal-'));
  const jwks = join(folder, 'portal.jwks.json');
  writeFileSync(jwks, JSON.stringify({ keys: [{ ...(await exportJWK(publicKey)), kid: `${PORTAL}-1`, alg: 'ES256', use: 'sig' }] }));
  server = await startServer({ BAROMETRE_PORTAL_KEYS: `${PORTAL}=${jwks}` });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
  if (folder) rmSync(folder, { recursive: true, force: true });
});

/** The portal's back end: an attestation for its user, valid five minutes, or one that expired two minutes ago. */
function sign(expired: boolean): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  const [iat, exp] = expired ? [now - 900, now - 120] : [now, now + 300];
  return new SignJWT({ siret: SIRET, role: 'agent', email: 'dgs@saint-malo.example' })
    .setProtectedHeader({ alg: 'ES256', kid: `${PORTAL}-1` })
    .setIssuer(PORTAL)
    .setAudience('barometre')
    .setIssuedAt(iat)
    .setExpirationTime(exp)
    .setJti(randomUUID())
    .sign(signingKey);
}

// The portal's page: it asks its back end for an attestation, gives it to the questionnaire, and
// asks again whenever the questionnaire says it can no longer serve.
const PAGE = `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Portail</title>
  <script type="module" src="/cdn/barometre-widgets.js"></script></head><body><main>
  <h1>Espace adhérents</h1>
  <barometre-questionnaire api="/api/v1" theme="inclusion"></barometre-questionnaire>
  <ol id="log"></ol></main>
  <script type="module">
    const questionnaire = document.querySelector('barometre-questionnaire');
    const attest = async () => { questionnaire.attestation = await (await fetch('/portail/attestation')).text(); };
    document.addEventListener('barometre-attestation-expired', (event) => {
      document.getElementById('log').insertAdjacentHTML('beforeend', '<li>' + event.type + ' ' + event.detail.code + '</li>');
      void attest();
    });
    void attest();
  </script></body></html>`;

test('a portal page passes a signed attestation, and the contribution is recorded as verified in its name', async () => {
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  let tokens = 0;
  await page.route(`${server.origin}/portail-atteste.html`, (route) => route.fulfill({ contentType: 'text/html', body: PAGE }));
  await page.route(`${server.origin}/portail/attestation`, async (route) =>
    route.fulfill({ contentType: 'text/plain', body: await sign(tokens++ === 0) }),
  );
  await page.goto(`${server.origin}/portail-atteste.html`);
  const shown = () => document.querySelector('barometre-questionnaire')?.shadowRoot?.textContent ?? '';
  await page.waitForFunction(`/attesté par e2e-portail/.test((${shown.toString()})())`, undefined, { timeout: 15_000 });
  const siret = page.locator('barometre-questionnaire').getByLabel('Numéro SIRET de votre collectivité');
  // The field takes the attested SIRET once the questionnaire's definition is in; on a slow machine
  // that can follow the attestation's banner.
  await page
    .waitForFunction(
      (expected) =>
        [...(document.querySelector('barometre-questionnaire')?.shadowRoot?.querySelectorAll('input') ?? [])].some(
          (input) => input.value.replace(/\s/g, '') === expected,
        ),
      SIRET,
      { timeout: 15_000 },
    )
    .catch(() => undefined);
  assert.equal((await siret.inputValue()).replace(/\s/g, ''), SIRET, 'the SIRET is the attested one');
  assert.equal(await siret.getAttribute('readonly'), '', 'and it cannot be changed');

  await completeWithKeyboard(page, /^Merci/);
  assert.equal(tokens, 2, 'a fresh attestation was asked for once the first was refused as expired');
  assert.match((await page.textContent('#log')) ?? '', /barometre-attestation-expired attestation_expired/);
  const verification = page.locator('barometre-questionnaire [part="verification"]');
  // Set as French is, with a no-break space before the colon.
  assert.equal((await verification.textContent())?.trim(), `Contribution vérifiée\u00a0: attestée par ${PORTAL}.`);
  const code = (await page.locator('barometre-questionnaire [part="edit-code"]').textContent())?.trim() ?? '';
  assert.match(code, /^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);
  // The code is not left readable in the portal's storage.
  const stored = await page.evaluate(() => Object.keys(localStorage).map((key) => localStorage.getItem(key)).join('\n'));
  assert.ok(!stored.includes(code), 'the edit code is not in localStorage');

  const csv = parseCsv(await (await fetch(`${server.api}/export/inclusion.csv`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } })).text());
  const [header, ...rows] = csv;
  const row = rows.find((cells) => cells[header!.indexOf('siret')] === SIRET);
  assert.ok(row, 'the contribution is recorded');
  assert.equal(row[header!.indexOf('verification')], 'verifiee');
  assert.equal(row[header!.indexOf('verifie_par')], PORTAL);
  assert.match(await stepHeading(page), /^Merci, votre contribution est enregistrée/);
  assert.deepEqual(errors, []);
  await page.close();
});
