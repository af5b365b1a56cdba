import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { bandOf } from '../../src/core/territory/population-band.js';
import { defaultReferential } from '../../src/server/referential/adapter.js';
import { headOfficeSiret } from '../../src/server/seed/seed.js';
import type { BulkRecord } from '../../src/server/store/types.js';
import { completeWithKeyboard, focused, stepHeading } from './keyboard.js';
import { launchBrowser, startServer, type RunningServer } from './harness.js';
import { contribute, sendSample } from './sample.js';

// From the OPSN portal to the prefecture: a contribution made with the keyboard on one demo page
// is counted by the chart another demo page shows for the collectivité's département, once it is
// published; and what the prefecture page shows agrees with the API, territory by territory.

/** The SIRET the OPSN demo page prefills (Rennes). */
const PREFILLED = '21350238800019';
/** The prefecture demo page is about Gironde; its first chart compares answers to `rssi`. */
const DEPARTEMENT = { code: '33', name: 'Gironde' };
const CHART = 'barometre-territoire-chart[question="rssi"]';
/** The prefecture page's map: who has a place of digital mediation, by département. */
const MAP = { theme: 'inclusion', question: 'lieu_mediation', code: 'oui' };

let server: RunningServer;
let browser: Browser;
let sample: BulkRecord[];

before(async () => {
  // Gironde needs enough respondents for its figures to be published: an empty database would
  // only show "aucune réponse".
  server = await startServer();
  sample = await sendSample(server);
  await server.publish();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

/**
 * Communes of the département that have not answered the cybersecurity questionnaire, all of one
 * population band, as many as `count`, largest first. Contributions are published together only
 * when enough of them move every series they count in — the département, and the group of
 * communes of their size — so they must share a band.
 */
function communesYetToAnswer(count: number): { name: string; siret: string }[] {
  const answered = new Set(sample.filter((record) => record.theme === 'cybersecurite').map((record) => record.siren));
  const byBand = new Map<string, { name: string; siret: string; population: number }[]>();
  for (const c of defaultReferential().collectivites()) {
    if (c.kind !== 'commune' || c.departementCode !== DEPARTEMENT.code || answered.has(c.siren)) continue;
    const band = bandOf(c.population ?? 0);
    byBand.set(band, [...(byBand.get(band) ?? []), { name: c.name, siret: headOfficeSiret(c.siren), population: c.population ?? 0 }]);
  }
  const bands = [...byBand.values()].filter((communes) => communes.length >= count);
  // The band of the largest commune that has enough others beside it.
  bands.sort((a, b) => Math.max(...b.map((c) => c.population)) - Math.max(...a.map((c) => c.population)));
  const communes = bands[0]?.sort((a, b) => b.population - a.population).slice(0, count);
  if (!communes) throw new Error(`no band of ${DEPARTEMENT.name} has ${count} communes yet to answer`);
  return communes.map(({ name, siret }) => ({ name, siret }));
}

const digits = (text: string) => Number(text.replace(/\D/g, ''));

/**
 * The number of respondents the prefecture page shows for the département in its `rssi` chart,
 * read as a visitor reads it: in the list of territories under the caption ("Gironde (n = 69)")
 * and in the table's "Nombre de répondants" row.
 *
 * Each reading opens a new browser context, with an empty HTTP cache, like the browser of another
 * visitor of the prefecture site: what it shows is what the latest publication says.
 */
async function shownCount(): Promise<{ listed: number; tabled: number; percents: string[] }> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${server.origin}/prefecture.html`);
    const chart = page.locator(CHART);
    await chart.scrollIntoViewIfNeeded();
    const listed = chart.locator('[part~="series"] li', { hasText: new RegExp(`^${DEPARTEMENT.name} \\(`) });
    await listed.waitFor({ timeout: 20_000 });

    await chart.getByRole('button', { name: 'Tableau' }).click();
    const table = chart.locator('[part~="table"]');
    const headers = (await table.locator('thead th').allTextContents()).map((text) => text.trim());
    const column = headers.indexOf(DEPARTEMENT.name);
    assert.ok(column > 0, `the table has a ${DEPARTEMENT.name} column: ${JSON.stringify(headers)}`);
    const respondents = table.getByRole('row', { name: /Nombre de répondants/ });
    const tabled = await respondents.locator('th, td').nth(column).textContent();
    // The shares of the département are published, not hidden by small-cell secrecy.
    const percents = await table.locator('tbody tr').evaluateAll(
      (rows, index) => rows.map((row) => row.children[index]?.textContent?.trim() ?? ''),
      column,
    );
    assert.deepEqual(errors, []);
    return { listed: digits((await listed.textContent()) ?? ''), tabled: digits(tabled ?? ''), percents };
  } finally {
    await context.close();
  }
}

test('a contribution completed with the keyboard on the OPSN page is counted by the prefecture chart once published with enough others', async () => {
  const before = await shownCount();
  assert.ok(before.listed > 0, 'the chart shows a number of respondents');
  assert.equal(before.tabled, before.listed, 'the table and the list of territories agree');
  // Each share with its margin of error when the API gives one ("77 % ± 12 pts").
  for (const cell of before.percents) assert.match(cell, /^\d+\s?%(\s±\s\d+\spts)?$/, `shares are shown: ${JSON.stringify(before.percents)}`);
  const { minCell } = (await (await fetch(`${server.api}/resultats/cybersecurite?territoire=departement:${DEPARTEMENT.code}&question=rssi`)).json()) as {
    minCell: number;
  };
  const [commune, ...others] = communesYetToAnswer(minCell);

  // The OPSN page, in a context of its own (no draft, no outbox), answered with the keyboard alone.
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${server.origin}/portail-opsn.html`);
  await page.waitForFunction(() => customElements.get('barometre-questionnaire') !== undefined);
  await page.waitForFunction(
    () => document.querySelector('barometre-questionnaire')?.shadowRoot?.textContent?.includes('Rennes'),
    undefined,
    { timeout: 15_000 },
  );
  // The portal prefills its own SIRET; the agent answers for another commune: Tab to the field,
  // select what is there and type the commune's SIRET.
  let onSiret = false;
  for (let keys = 0; keys < 30 && !onSiret; keys++) {
    await page.keyboard.press('Tab');
    const control = await focused(page);
    onSiret = control?.tag === 'input' && control.type === 'text' && control.value.replace(/\s/g, '') === PREFILLED;
  }
  assert.ok(onSiret, 'the SIRET field is reached with Tab');
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type(commune!.siret);
  assert.equal((await focused(page))?.value.replace(/\s/g, ''), commune!.siret);
  await page.waitForFunction(
    (name) => document.querySelector('barometre-questionnaire')?.shadowRoot?.querySelector('[part~="collectivite"]')?.textContent?.includes(name),
    commune!.name,
    { timeout: 15_000 },
  );

  await completeWithKeyboard(page, /^Merci/);
  assert.match(await stepHeading(page), /^Merci, votre contribution est enregistrée/);
  // Publications are made on demand here: the confirmation says the answers wait for the next one.
  const when = await page.locator('barometre-questionnaire [part="next-publication"]').textContent();
  assert.equal(
    when?.trim(),
    'Vos réponses seront prises en compte à la prochaine publication des résultats, ou à une suivante si trop peu d’autres collectivités de votre territoire ont répondu entre-temps.',
  );
  const status = (await (await fetch(`${server.api}/contributions/${commune!.siret}/cybersecurite`)).json()) as { exists: boolean };
  assert.equal(status.exists, true, `${commune!.name} has answered`);
  assert.deepEqual(errors, []);
  await context.close();

  // Recorded, but not in the figures until a publication counts it.
  assert.deepEqual(await shownCount(), before, 'nothing changes before the next publication');
  // Published alone, it would be the one difference between two publications: it waits.
  await server.publish();
  assert.deepEqual(await shownCount(), before, `${commune!.name} alone is held back`);

  // Others of the same size in the same département answer (through the API, with answers of the
  // sample); published together, they are all counted.
  const answers = sample.filter((record) => record.theme === 'cybersecurite');
  for (const [index, other] of others.entries()) {
    const { version, role, answers: given } = answers[index]!;
    await contribute(server, { siret: other.siret, theme: 'cybersecurite', version, role, answers: given });
  }
  await server.publish();
  const after = await shownCount();
  assert.equal(after.listed, before.listed + minCell, `${DEPARTEMENT.name}: n = ${before.listed} before, ${after.listed} after`);
  assert.equal(after.tabled, before.tabled + minCell, 'the table counts them too');
});

/** What a results series, or one of its questions, says of itself. */
interface Figure {
  status: string;
  n: number | null;
  answers?: Record<string, { status: string }>;
}

interface MapRow {
  id: string;
  state: string;
  n: string;
}

test('the prefecture map and the results agree on every département: the same state, the same number of respondents', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${server.origin}/prefecture.html`);
  const map = page.locator('barometre-carte[question="lieu_mediation"]');
  await map.scrollIntoViewIfNeeded();
  await page.waitForFunction(() => (document.querySelector('barometre-carte')?.shadowRoot?.querySelectorAll('tbody tr[data-id]').length ?? 0) > 90, undefined, {
    timeout: 20_000,
  });
  // The map's table, its text alternative: one row per département, its figure or state, its respondents.
  const rows: MapRow[] = await page.evaluate(() =>
    [...document.querySelector('barometre-carte')!.shadowRoot!.querySelectorAll('tbody tr[data-id]')].map((tr) => {
      const cells = tr.querySelectorAll('td');
      return { id: tr.getAttribute('data-id')!, state: cells[0]!.getAttribute('data-state')!, n: cells[1]!.textContent!.trim() };
    }),
  );
  assert.deepEqual(errors, []);
  await context.close();

  const departements = defaultReferential().territoriesOfLevel('departement');
  assert.deepEqual(rows.map((row) => row.id).sort(), departements.map((d) => d.id).sort(), 'every département is in the table');

  const seen = new Map<string, number>();
  for (const row of rows) {
    const url = `${server.api}/resultats/${MAP.theme}?territoire=${row.id}&question=${MAP.question}`;
    const body = (await (await fetch(url)).json()) as { minCell: number; series: (Figure & { questions: Record<string, Figure> })[] };
    const [series] = body.series;
    // A series not published has no question: its state is the question's.
    const question: Figure = series!.status === 'publie' ? series!.questions[MAP.question]! : series!;
    const state =
      question.status !== 'publie' ? question.status : question.answers?.[MAP.code]?.status === 'masque' ? 'masque' : 'value';
    assert.equal(row.state, state, `${row.id}: the map shows ${row.state}, the results say ${state}`);
    const n = question.n === null ? null : String(question.n);
    // Where the number of respondents is not published, the state stands in its place, in words.
    const words = { insuffisant: `moins de ${body.minCell} réponses`, masque: 'masqué (secret statistique)' }[question.status];
    if (n === null) assert.equal(row.n, words, `${row.id}: respondents`);
    else assert.equal(row.n.replace(/[\s\u202f]/g, ''), n, `${row.id}: respondents`);
    seen.set(state, (seen.get(state) ?? 0) + 1);
  }
  // The sample puts départements in every state a département with k answers or fewer can take:
  // published, too few, nobody. A département with k answers keeps its figure: where a neighbour
  // has too few, its région's count of the answer is the one masked (the map's hatching of a
  // masked département is checked by the element's own tests).
  for (const state of ['value', 'insuffisant', 'aucune']) assert.ok(seen.has(state), `some département is ${state}: ${JSON.stringify([...seen])}`);
  assert.ok(!seen.has('masque'), `no département with k answers is hatched: ${JSON.stringify([...seen])}`);
  const regionOf = (id: string) => departements.find((d) => d.id === id)!.parentIds.find((parent) => parent.startsWith('region:'))!;
  const smallIn = new Map<string, number>();
  for (const row of rows) if (row.state === 'insuffisant') smallIn.set(regionOf(row.id), (smallIn.get(regionOf(row.id)) ?? 0) + 1);
  // Two small départements of one région hide each other; one alone needs its région's count hidden.
  for (const [region, count] of smallIn) {
    if (count > 1) continue;
    const body = (await (await fetch(`${server.api}/resultats/${MAP.theme}?territoire=${region}&question=${MAP.question}`)).json()) as {
      series: { status: string; questions: Record<string, Figure> }[];
    };
    const answers = body.series[0]!.questions[MAP.question]!.answers!;
    assert.equal(answers[MAP.code]!.status, 'masque', `${region}, beside a département with too few answers, masks its count of "${MAP.code}"`);
  }
});
