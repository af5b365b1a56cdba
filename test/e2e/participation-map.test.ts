import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import type { ParticipationResponse } from '../../src/core/schema/participation.js';
import { launchBrowser, startServer, type RunningServer } from './harness.js';
import { contribute, sampleRecords } from './sample.js';

// A prefecture's question — where have the communes answered the cybersecurity questionnaire? —
// answered by the participation map on the built bundle: a few communes of Gironde and of Landes
// answer through the API, a publication counts them, and the map shows each département's share
// of its communes that answered, the same as the API's counts, with its request sent by the
// loader as soon as it sees the tag.

const NNBSP = '\u202f';

let server: RunningServer;
let browser: Browser;
/** Communes that answered, by département code. */
const answered = new Map<string, number>([
  ['33', 4],
  ['40', 2],
]);

before(async () => {
  server = await startServer();
  const records = sampleRecords(['cybersecurite']);
  for (const [departement, count] of answered) {
    const communes = records.filter((record) => record.placement.kind === 'commune' && record.placement.departementCode === departement).slice(0, count);
    assert.equal(communes.length, count);
    for (const record of communes) await contribute(server, record);
  }
  await server.publish();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

/** Each département's communes as the API counts them for the cybersecurity questionnaire. */
async function communesOf(id: string): Promise<{ respondents: number; total: number }> {
  const response = await fetch(`${server.api}/participation?territoire=${id}`);
  const body = (await response.json()) as ParticipationResponse;
  const kind = body.territories[0]!.themes.find((theme) => theme.theme === 'cybersecurite')!.kinds.find((one) => one.kind === 'commune')!;
  return { respondents: kind.respondents, total: kind.total! };
}

test('the participation map shows each département’s share of communes that answered, from one early request', async () => {
  const page = await browser.newPage();
  const errors: string[] = [];
  const asked: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('request', (request) => asked.push(request.url()));
  const html = `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Participation</title>
    <script type="module" src="/cdn/barometre-widgets.js"></script></head><body><main>
    <barometre-carte api="${server.api}" mesure="participation" theme="cybersecurite" territoire="departement:33"></barometre-carte>
    </main></body></html>`;
  await page.route(`${server.origin}/participation-carte.html`, (route) => route.fulfill({ contentType: 'text/html', body: html }));
  await page.goto(`${server.origin}/participation-carte.html`);
  await page.waitForFunction(() => document.querySelector('barometre-carte')?.shadowRoot?.querySelector('svg.map path[role="option"]'), undefined, {
    timeout: 20_000,
  });

  const label = (id: string) =>
    page.evaluate((one) => document.querySelector('barometre-carte')!.shadowRoot!.querySelector(`[role="option"][data-id="${one}"]`)?.getAttribute('aria-label'), id);
  for (const [code, count] of answered) {
    const counts = await communesOf(`departement:${code}`);
    assert.equal(counts.respondents, count, `the API counts the ${count} communes of ${code} that answered`);
    const share = Math.round((100 * count) / counts.total);
    assert.match((await label(`departement:${code}`))!, new RegExp(`^[^:]+ : ${share}${NNBSP}% \\(${count} sur ${counts.total}\\)$`));
  }
  // A département where nobody answered is a real 0 %, not a secret.
  const charente = await communesOf('departement:16');
  assert.equal(await label('departement:16'), `Charente : 0${NNBSP}% (0 sur ${charente.total})`);

  // The table says the same, Gironde marked as the chosen territory.
  await page.evaluate(() => (document.querySelector('barometre-carte')!.shadowRoot!.querySelector('[part~="table-button"]') as HTMLButtonElement).click());
  const gironde = await page.evaluate(() =>
    [...document.querySelector('barometre-carte')!.shadowRoot!.querySelector('tbody tr[data-id="departement:33"]')!.children].map((cell) => cell.textContent!.replace(/[ \t\n]+/g, ' ').trim()),
  );
  const counts = await communesOf('departement:33');
  assert.deepEqual(gironde, [`Gironde (33) — territoire choisi`, `${Math.round(400 / counts.total)}${NNBSP}%`, `4 sur ${counts.total}`]);

  // One request for the level's participation, sent by the loader with the element's code; no results nor questionnaire.
  assert.deepEqual(
    asked.filter((url) => url.startsWith(server.api)),
    [`${server.api}/participation?niveau=departement`],
  );
  assert.deepEqual(errors, []);
  await page.close();
});
