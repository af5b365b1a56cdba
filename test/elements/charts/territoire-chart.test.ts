import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { Question, QuestionnaireDefinition } from '../../../src/core/schema/questionnaire.js';
import { ResultsResponse } from '../../../src/core/schema/results.js';
import '../../../src/elements/territoire-chart/define.js';
import type { BarometreTerritoireChart } from '../../../src/elements/territoire-chart/barometre-territoire-chart.js';
import {
  cyberSeries,
  inclusionSeries,
  PUBLICATION_EN,
  PUBLICATION_FR,
  resultsOf,
  unpublishedTerritory,
} from './fixtures/results.js';
import { parseCsv } from '../../helpers/csv.js';
import { items, part, shadow, statusOf, text, untilStatus } from './helpers/dom.js';
import { captureEvents } from './helpers/events.js';
import { API, defaultRoute, deferred, installFakeApi, json, type FakeApi } from './helpers/fake-api.js';

const NNBSP = '\u202f';
const pct = (value: number) => `${value}${NNBSP}%`;

async function drawn(el: BarometreTerritoireChart): Promise<NonNullable<BarometreTerritoireChart['chart']>> {
  await waitUntil(() => el.chart, 'the chart was never drawn', { timeout: 5000 });
  return el.chart!;
}

function tableRows(el: Element): string[][] {
  const table = shadow(el).querySelector('table')!;
  return [...table.querySelectorAll('tr')].map((row) => [...row.children].map((cell) => text(cell)));
}

describe('<barometre-territoire-chart>', () => {
  let api: FakeApi;
  let capture: ReturnType<typeof captureEvents>;

  beforeEach(() => {
    api = installFakeApi();
    capture = captureEvents(['barometre-data', 'barometre-error']);
  });

  afterEach(() => {
    api.restore();
    capture.stop();
  });

  it('uses fixtures that follow the results contract', () => {
    const fixtures = [
      resultsOf('cybersecurite', Object.values(cyberSeries())),
      resultsOf('cybersecurite', Object.values(cyberSeries()), 'redressee'),
      resultsOf('cybersecurite', [unpublishedTerritory('insuffisant'), cyberSeries().france]),
      resultsOf('cybersecurite', [unpublishedTerritory('masque'), unpublishedTerritory('aucune'), cyberSeries().france]),
      resultsOf('inclusion', Object.values(inclusionSeries())),
    ];
    for (const results of fixtures) {
      const parsed = ResultsResponse.safeParse(results);
      expect(parsed.success, JSON.stringify(parsed.error?.issues)).to.equal(true);
    }
  });

  it('asks the API for the theme, territory, comparisons, question and weighting', async () => {
    const el = await fixture<BarometreTerritoireChart>(html`
      <barometre-territoire-chart api="${API}/" theme="cybersecurite" question="rssi" territoire="departement:35" comparer="region  france,similaires"></barometre-territoire-chart>
    `);
    await drawn(el);
    const [url] = api.resultsRequests();
    expect(url!.pathname).to.equal('/v1/resultats/cybersecurite');
    expect(Object.fromEntries(url!.searchParams)).to.deep.equal({
      territoire: 'departement:35',
      comparer: 'region,france,similaires',
      question: 'rssi',
      ponderation: 'brute',
    });
  });

  it('says it is loading in a live region until the results arrive', async () => {
    const held = deferred<Response>();
    api.route = (url) => (url.pathname.includes('/resultats/') ? held.promise : defaultRoute(url));
    const el = await fixture<BarometreTerritoireChart>(html`
      <barometre-territoire-chart api=${API} theme="cybersecurite" question="rssi" territoire="departement:35"></barometre-territoire-chart>
    `);
    const status = part(el, 'status')!;
    expect(status.getAttribute('role')).to.equal('status');
    expect(status.getAttribute('aria-live')).to.equal('polite');
    expect(text(status)).to.equal('Chargement des résultats…');
    expect(part(el, 'figure')!.getAttribute('aria-busy')).to.equal('true');
    expect(part(el, 'canvas')).to.equal(null);
    held.resolve(defaultRoute(new URL(`${API}/resultats/cybersecurite?territoire=departement:35&question=rssi`)) as Response);
    await drawn(el);
    expect(text(status)).to.equal('');
    expect(part(el, 'figure')!.getAttribute('aria-busy')).to.equal('false');
  });

  it('draws one dataset per territory with the rounded shares, and shows wording, n, base, source and date', async () => {
    const el = await fixture<BarometreTerritoireChart>(html`
      <barometre-territoire-chart api=${API} theme="cybersecurite" question="rssi" territoire="departement:35" comparer="region france"></barometre-territoire-chart>
    `);
    const chart = await drawn(el);
    expect(chart.options.indexAxis).to.equal('y');
    expect(chart.data.labels!.map((label) => label.join(' '))).to.deep.equal(['Oui, en interne', 'Oui, mutualisé avec d’autres structures', 'Non']);
    expect(chart.data.datasets.map((set) => set.label)).to.deep.equal(['Ille-et-Vilaine', 'Bretagne', 'France']);
    expect(chart.data.datasets.map((set) => set.data)).to.deep.equal([
      [null, 48, 45],
      [14, 34, 52],
      [11, 25, 64],
    ]);
    expect(text(part(el, 'title'))).to.equal(
      'Votre collectivité dispose-t-elle d’un responsable de la sécurité des systèmes d’information (RSSI) ?',
    );
    expect(text(part(el, 'subtitle'))).to.equal('Part des collectivités ayant répondu à la question · données brutes');
    expect(items(el, 'series')).to.deep.equal(['Ille-et-Vilaine (n = 42)', 'Bretagne (n = 180)', `France (n = 2${NNBSP}729)`]);
    expect(text(part(el, 'source'))).to.equal(`Source : Baromètre numérique des collectivités, vague 1. ${PUBLICATION_FR}.`);
    const canvas = part<HTMLCanvasElement>(el, 'canvas')!;
    expect(canvas.getAttribute('role')).to.equal('img');
    expect(canvas.getAttribute('aria-label')).to.contain('Graphique en barres horizontales').and.contain('Ille-et-Vilaine, Bretagne, France');
  });

  it('fires barometre-data with the validated results once they are shown', async () => {
    const el = await fixture<BarometreTerritoireChart>(html`
      <barometre-territoire-chart api=${API} theme="cybersecurite" question="rssi" territoire="departement:35"></barometre-territoire-chart>
    `);
    await waitUntil(() => capture.of('barometre-data').length === 1);
    const { results } = capture.of('barometre-data')[0]!.detail as { results: ResultsResponse };
    expect(results.series.map((series) => series.territory.id)).to.deep.equal(['departement:35']);
    expect(part(el, 'title')).to.not.equal(null);
  });

  for (const [type, indexAxis, stacked] of [
    ['barres', 'y', false],
    ['colonnes', 'x', false],
    ['barres-empilees', 'y', true],
  ] as const) {
    it(`draws type="${type}"`, async () => {
      const el = await fixture<BarometreTerritoireChart>(html`
        <barometre-territoire-chart api=${API} type=${type} theme="cybersecurite" question="rssi" territoire="departement:35" comparer="region france"></barometre-territoire-chart>
      `);
      const chart = await drawn(el);
      expect(chart.options.indexAxis).to.equal(indexAxis);
      const valueAxis = indexAxis === 'y' ? 'x' : 'y';
      expect(Boolean(chart.options.scales?.[valueAxis]?.stacked)).to.equal(stacked);
      if (stacked) {
        // One bar per territory, one segment per answer.
        expect(chart.data.labels!.map((label) => label.join(' '))).to.deep.equal(['Ille-et-Vilaine', 'Bretagne', 'France']);
        expect(chart.data.datasets.map((set) => set.label)).to.deep.equal(['Oui, en interne', 'Oui, mutualisé avec d’autres structures', 'Non']);
        expect(chart.data.datasets.map((set) => set.data)).to.deep.equal([
          [null, 14, 11],
          [48, 34, 25],
          [45, 52, 64],
        ]);
      } else {
        expect(chart.data.datasets.map((set) => set.label)).to.deep.equal(['Ille-et-Vilaine', 'Bretagne', 'France']);
      }
    });
  }

  it('switches type without refetching', async () => {
    const el = await fixture<BarometreTerritoireChart>(html`
      <barometre-territoire-chart api=${API} theme="cybersecurite" question="rssi" territoire="departement:35"></barometre-territoire-chart>
    `);
    const first = await drawn(el);
    el.type = 'colonnes';
    await waitUntil(() => el.chart !== first);
    expect(el.chart!.options.indexAxis).to.equal('x');
    expect(api.resultsRequests()).to.have.length(1);
  });

  it('uses shares among those asked by default, and among all respondents with base="toutes"', async () => {
    const concerned = await fixture<BarometreTerritoireChart>(html`
      <barometre-territoire-chart api=${API} theme="inclusion" question="services_proposes" comparer="france"></barometre-territoire-chart>
    `);
    expect((await drawn(concerned)).data.datasets[0]!.data).to.deep.equal([77, 50, 19, 6]);
    expect(text(part(concerned, 'series'))).to.equal('France (n = 710)');

    const all = await fixture<BarometreTerritoireChart>(html`
      <barometre-territoire-chart api=${API} theme="inclusion" question="services_proposes" comparer="france" base="toutes"></barometre-territoire-chart>
    `);
    expect((await drawn(all)).data.datasets[0]!.data).to.deep.equal([20, 13, 5, 2]);
    expect(text(part(all, 'subtitle'))).to.contain('Part de l’ensemble des collectivités répondantes');
    expect(text(part(all, 'series'))).to.equal(`France (n = 2${NNBSP}729)`);
  });

  for (const [territoire, name, state, stateEn, count] of [
    ['departement:22', 'Côtes-d’Armor', 'moins de 5 réponses', 'fewer than 5 responses', 'moins de 5 réponses'],
    ['departement:56', 'Morbihan', 'masqué (secret statistique)', 'hidden (statistical secrecy)', 'masqué (secret statistique)'],
    ['departement:29', 'Finistère', 'aucune réponse', 'no response', '0'],
  ] as const) {
    it(`leaves a series out of the chart when it is not published (${state}) and says so in the series, notes and table`, async () => {
      const el = await fixture<BarometreTerritoireChart>(html`
        <barometre-territoire-chart api=${API} theme="cybersecurite" question="rssi" territoire=${territoire} comparer="region france"></barometre-territoire-chart>
      `);
      const chart = await drawn(el);
      // Never drawn, not even as zero bars.
      expect(chart.data.datasets.map((set) => set.label)).to.deep.equal(['Bretagne', 'France']);
      expect(chart.data.datasets.flatMap((set) => set.data).every((value) => typeof value === 'number' && value > 0)).to.equal(true);
      expect(items(el, 'series')).to.deep.equal([`${name} : ${state}`, 'Bretagne (n = 180)', `France (n = 2${NNBSP}729)`]);
      expect(text(part(el, 'notes'))).to.equal(`${name} : ${state}, non représenté sur le graphique.`);
      const rows = tableRows(el);
      expect(rows[0]).to.deep.equal(['Réponse', name, 'Bretagne', 'France']);
      for (const row of rows.slice(1, 4)) expect(row[1]).to.equal(state);
      expect(rows.at(-1)).to.deep.equal(['Nombre de répondants', count, '180', `2${NNBSP}729`]);
      expect(text(shadow(el).querySelector('caption'))).to.contain(`en pourcentage. ${PUBLICATION_FR}.`);
      // The CSV keeps the numeric column empty and says the state in the statut column.
      const csv = parseCsv(el.toCsv()!, ';');
      const header = csv.findIndex((row) => row[0] === 'Réponse');
      expect(csv[header]!.slice(0, 5)).to.deep.equal([
        'Réponse',
        `${name} (%)`,
        `${name} (marge d’erreur, points)`,
        `${name} (fragile)`,
        `${name} (statut)`,
      ]);
      const code = territoire === 'departement:29' ? 'aucune' : territoire === 'departement:22' ? 'insuffisant' : 'masque';
      for (const row of csv.slice(header + 1, header + 4)) expect(row.slice(1, 5)).to.deep.equal(['', '', '', code]);
      expect(csv[header + 4]!.slice(0, 5)).to.deep.equal(['Nombre de répondants', code === 'aucune' ? '0' : '', '', '', code]);
      // And in English.
      el.lang = 'en';
      await el.updateComplete;
      expect(text(part(el, 'notes'))).to.equal(`${name}: ${stateEn}, not drawn on the chart.`);
      expect(tableRows(el)[1]![1]).to.equal(stateEn);
    });
  }

  it('draws an answer hidden by statistical secrecy as a gap, never a zero, with a sentence and the series’ n', async () => {
    const el = await fixture<BarometreTerritoireChart>(html`
      <barometre-territoire-chart api=${API} theme="cybersecurite" question="rssi" territoire="departement:35" comparer="france"></barometre-territoire-chart>
    `);
    const chart = await drawn(el);
    expect(chart.data.datasets[0]!.data[0]).to.equal(null);
    expect(text(part(el, 'notes'))).to.equal('Une valeur ne figure pas sur le graphique (secret statistique) : le tableau indique laquelle.');
    expect(items(el, 'series')[0]).to.equal('Ille-et-Vilaine (n = 42)');
    expect(tableRows(el)[1]).to.deep.equal(['Oui, en interne', 'masqué (secret statistique)', pct(11)]);
    const csv = parseCsv(el.toCsv()!, ';');
    const row = csv.find((one) => one[0] === 'Oui, en interne')!;
    expect(row).to.deep.equal(['Oui, en interne', '', '', '', 'masque', '11', '', '0', 'publie']);
  });

  it('says a question that is not published in a published series, with its own state', async () => {
    const results = resultsOf('cybersecurite', [cyberSeries().territoire, cyberSeries().france]);
    results.series[0]!.questions.rssi = { status: 'insuffisant', n: null };
    api.route = (url) => (url.pathname.includes('/resultats/') ? json(results) : defaultRoute(url));
    const el = await fixture<BarometreTerritoireChart>(html`
      <barometre-territoire-chart api=${API} theme="cybersecurite" question="rssi" territoire="departement:35" comparer="france"></barometre-territoire-chart>
    `);
    await drawn(el);
    expect(items(el, 'series')).to.deep.equal(['Ille-et-Vilaine : moins de 5 réponses', `France (n = 2${NNBSP}729)`]);
    expect(tableRows(el)[1]).to.deep.equal(['Oui, en interne', 'moins de 5 réponses', pct(11)]);
  });

  it('names a number question’s bins and shows its median when published', async () => {
    const bins = (n: number, counts: number[], median: number | null) => ({
      status: 'publie' as const,
      n,
      answers: Object.fromEntries(
        ['un', 'deux_ou_trois', 'de_4_a_9', 'au_moins_10'].map((code, index) => [
          code,
          { status: 'publie' as const, count: counts[index]!, share: counts[index]! / n, shareOfAll: counts[index]! / n },
        ]),
      ),
      ...(median === null ? {} : { median }),
    });
    const series = inclusionSeries();
    series.territoire.questions = { nombre_lieux: bins(13, [6, 4, 3, 0], null) };
    series.france.questions = { nombre_lieux: bins(710, [300, 250, 120, 40], 2) };
    api.route = (url) => (url.pathname.includes('/resultats/') ? json(resultsOf('inclusion', [series.territoire, series.france])) : defaultRoute(url));
    const el = await fixture<BarometreTerritoireChart>(html`
      <barometre-territoire-chart api=${API} theme="inclusion" question="nombre_lieux" territoire="departement:35" comparer="france"></barometre-territoire-chart>
    `);
    const chart = await drawn(el);
    expect(chart.data.labels!.map((label) => label.join(' '))).to.deep.equal(['Un lieu', 'Deux ou trois', 'De 4 à 9', '10 ou plus']);
    const rows = tableRows(el);
    expect(rows.at(-1)).to.deep.equal(['Médiane', '', '2']);
    const csv = parseCsv(el.toCsv()!, ';');
    expect(csv.at(-1)).to.deep.equal(['Médiane', '', '', '', '', '2', '', '', 'publie']);
  });

  it('shows a result with no published series as notes and a table, without a canvas', async () => {
    const el = await fixture<BarometreTerritoireChart>(html`
      <barometre-territoire-chart api=${API} theme="cybersecurite" question="rssi" territoire="departement:22"></barometre-territoire-chart>
    `);
    await waitUntil(() => part(el, 'notes'));
    expect(part(el, 'canvas')).to.equal(null);
    expect(part(el, 'png-button')).to.equal(null);
    expect(text(part(el, 'notes'))).to.contain('moins de 5 réponses');
  });

  it('says so when there is no result for the question', async () => {
    const el = await fixture<BarometreTerritoireChart>(html`
      <barometre-territoire-chart api=${API} theme="cybersecurite" question="pca_pra" territoire="departement:35"></barometre-territoire-chart>
    `);
    await untilStatus(el, 'empty');
    expect(text(part(el, 'status'))).to.equal('Aucun résultat n’est disponible pour cette question sur ce territoire.');
    expect(part(el, 'canvas')).to.equal(null);
    expect(shadow(el).querySelector('table')).to.equal(null);
  });

  it('shows an error with a retry button that fetches again', async () => {
    api.route = () => json({ error: 'indisponible', message: 'Le service est en maintenance.' }, 503);
    const el = await fixture<BarometreTerritoireChart>(html`
      <barometre-territoire-chart api=${API} theme="cybersecurite" question="rssi" territoire="departement:35"></barometre-territoire-chart>
    `);
    await untilStatus(el, 'error');
    expect(text(part(el, 'status'))).to.equal('Les résultats n’ont pas pu être chargés. Le service est en maintenance.');
    expect(capture.of('barometre-error').map((event) => event.detail)).to.deep.equal([
      { code: 'indisponible', message: 'Le service est en maintenance.' },
    ]);
    expect(part(el, 'canvas')).to.equal(null);

    api.route = defaultRoute;
    const retry = part<HTMLButtonElement>(el, 'retry-button')!;
    expect(text(retry)).to.equal('Réessayer');
    retry.click();
    await drawn(el);
    expect(api.resultsRequests()).to.have.length(2);
    expect(part(el, 'retry-button')).to.equal(null);
    expect(statusOf(el)).to.equal('ready');
  });

  it('says the service does not answer when the network fails', async () => {
    api.route = () => Promise.reject(new TypeError('Failed to fetch'));
    const el = await fixture<BarometreTerritoireChart>(html`
      <barometre-territoire-chart api=${API} theme="cybersecurite" question="rssi"></barometre-territoire-chart>
    `);
    await untilStatus(el, 'error');
    expect(capture.of('barometre-error')[0]!.detail.code).to.equal('network');
    expect(text(part(el, 'status'))).to.contain('Le service du Baromètre ne répond pas');
  });

  it('refuses results that break the contract instead of drawing them', async () => {
    const broken = resultsOf('cybersecurite', [cyberSeries().france]);
    (broken.series[0]!.questions.rssi!.answers!.aucun as { share: number }).share = 64.02;
    api.route = () => json(broken);
    const el = await fixture<BarometreTerritoireChart>(html`
      <barometre-territoire-chart api=${API} theme="cybersecurite" question="rssi" comparer="france"></barometre-territoire-chart>
    `);
    await untilStatus(el, 'error');
    expect(capture.of('barometre-error')[0]!.detail.code).to.equal('invalid_results');
    expect(text(part(el, 'status'))).to.equal(
      'Les résultats n’ont pas pu être chargés. Les données reçues ne respectent pas le format attendu (series.0.questions.rssi.answers.aucun.share : La valeur doit être inférieure ou égale à 1).',
    );
    expect(part(el, 'canvas')).to.equal(null);
    expect(shadow(el).querySelector('table')).to.equal(null);
  });

  it('says what is missing when it has no data source', async () => {
    const el = await fixture<BarometreTerritoireChart>(html`<barometre-territoire-chart theme="cybersecurite" question="rssi"></barometre-territoire-chart>`);
    await untilStatus(el, 'unconfigured');
    expect(text(part(el, 'status'))).to.contain('Aucune source de données');
    expect(api.requests).to.have.length(0);
  });

  it('reads a static results file given by src, validating it', async () => {
    const el = await fixture<BarometreTerritoireChart>(html`
      <barometre-territoire-chart src="/test/elements/charts/fixtures/rssi-departement-35.json" question="rssi"></barometre-territoire-chart>
    `);
    const chart = await drawn(el);
    expect(chart.data.datasets.map((set) => set.label)).to.deep.equal(['Ille-et-Vilaine', 'Bretagne', 'France']);
    expect(chart.data.datasets[2]!.data).to.deep.equal([11, 25, 64]);
    expect(api.requests).to.have.length(0);

    const invalid = await fixture<BarometreTerritoireChart>(html`
      <barometre-territoire-chart src="/test/elements/charts/fixtures/invalid-percent-shares.json" question="rssi"></barometre-territoire-chart>
    `);
    await untilStatus(invalid, 'error');
    expect(part(invalid, 'canvas')).to.equal(null);

    const missing = await fixture<BarometreTerritoireChart>(html`
      <barometre-territoire-chart src="/test/elements/charts/fixtures/nowhere.json" question="rssi"></barometre-territoire-chart>
    `);
    await untilStatus(missing, 'error');
    expect(text(part(missing, 'status'))).to.contain('Le fichier de résultats n’a pas pu être lu (HTTP 404).');
  });

  it('refuses a file about another theme than the one asked', async () => {
    const el = await fixture<BarometreTerritoireChart>(html`
      <barometre-territoire-chart theme="inclusion" src="/test/elements/charts/fixtures/rssi-departement-35.json" question="rssi"></barometre-territoire-chart>
    `);
    await untilStatus(el, 'error');
    expect(text(part(el, 'status'))).to.contain('« cybersecurite » et non sur « inclusion »');
  });

  it('takes wording from the API’s definition when it serves one', async () => {
    const { cybersecuriteDefinition } = await import('../../../src/questionnaires/cybersecurite.js');
    const custom: QuestionnaireDefinition = structuredClone(cybersecuriteDefinition as QuestionnaireDefinition);
    const rssi = custom.sections.flatMap((section): Question[] => section.questions).find((question) => question.id === 'rssi')!;
    rssi.label = { fr: 'Avez-vous un RSSI ?', en: 'Do you have a CISO?' };
    api.route = (url) =>
      url.pathname.endsWith('/questionnaires/cybersecurite') ? json(custom) : defaultRoute(new URL(url.href.replace('/custom', '')));
    const el = await fixture<BarometreTerritoireChart>(html`
      <barometre-territoire-chart api="${API}/custom" theme="cybersecurite" question="rssi" territoire="departement:35"></barometre-territoire-chart>
    `);
    await drawn(el);
    expect(text(part(el, 'title'))).to.equal('Avez-vous un RSSI ?');
  });

  it('shows the same figures in a real table behind the "Tableau" toggle', async () => {
    const el = await fixture<BarometreTerritoireChart>(html`
      <barometre-territoire-chart api=${API} theme="cybersecurite" question="rssi" territoire="departement:35" comparer="region france"></barometre-territoire-chart>
    `);
    await drawn(el);
    const toggle = part<HTMLButtonElement>(el, 'table-button')!;
    const container = part(el, 'table-container')!;
    expect(toggle.getAttribute('aria-pressed')).to.equal('false');
    expect(toggle.getAttribute('aria-controls')).to.equal(container.id);
    // Hidden from sight only: screen readers always have the table.
    expect(container.classList.contains('visually-hidden')).to.equal(true);
    expect(shadow(el).querySelector('table')).to.not.equal(null);

    toggle.click();
    await el.updateComplete;
    expect(toggle.getAttribute('aria-pressed')).to.equal('true');
    expect(container.classList.contains('visually-hidden')).to.equal(false);
    expect(container.getBoundingClientRect().height).to.be.greaterThan(50);

    const table = shadow(el).querySelector('table')!;
    expect(text(table.querySelector('caption'))).to.contain('Votre collectivité dispose-t-elle');
    expect([...table.querySelectorAll('thead th')].map((th) => th.getAttribute('scope'))).to.deep.equal(['col', 'col', 'col', 'col']);
    expect([...table.querySelectorAll('tbody th, tfoot th')].every((th) => th.getAttribute('scope') === 'row')).to.equal(true);
    expect(tableRows(el)).to.deep.equal([
      ['Réponse', 'Ille-et-Vilaine', 'Bretagne', 'France'],
      ['Oui, en interne', 'masqué (secret statistique)', pct(14), pct(11)],
      ['Oui, mutualisé avec d’autres structures', pct(48), pct(34), pct(25)],
      ['Non', pct(45), pct(52), pct(64)],
      ['Nombre de répondants', '42', '180', `2${NNBSP}729`],
    ]);

    toggle.click();
    await el.updateComplete;
    expect(toggle.getAttribute('aria-pressed')).to.equal('false');
  });

  it('downloads a CSV equal to the data received: BOM, semicolons, same series, base and rounding', async () => {
    const el = await fixture<BarometreTerritoireChart>(html`
      <barometre-territoire-chart api=${API} theme="inclusion" question="services_proposes" territoire="departement:35" comparer="region france" base="toutes"></barometre-territoire-chart>
    `);
    await drawn(el);
    const saved: Blob[] = [];
    const originalCreate = URL.createObjectURL;
    const originalClick = HTMLAnchorElement.prototype.click;
    const names: string[] = [];
    URL.createObjectURL = (blob: Blob) => {
      saved.push(blob);
      return 'blob:test';
    };
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      names.push(this.download);
    };
    try {
      part<HTMLButtonElement>(el, 'csv-button')!.click();
    } finally {
      URL.createObjectURL = originalCreate;
      HTMLAnchorElement.prototype.click = originalClick;
    }
    expect(names).to.deep.equal(['barometre_inclusion_services-proposes_departement-35.csv']);
    expect(saved[0]!.type).to.equal('text/csv;charset=utf-8');
    const bytes = new Uint8Array(await saved[0]!.arrayBuffer());
    expect([...bytes.slice(0, 3)]).to.deep.equal([0xef, 0xbb, 0xbf]);
    const csv = new TextDecoder().decode(bytes.slice(3));
    expect(csv).to.equal(el.toCsv()!.slice(1));

    const rows = parseCsv(csv, ';');
    expect(rows[0]).to.deep.equal(['Question', 'Quels services y sont proposés ?']);
    expect(rows[1]).to.deep.equal(['Base', 'Part de l’ensemble des collectivités répondantes']);
    expect(rows[3]).to.deep.equal(['Source', 'Baromètre numérique des collectivités, vague 1']);
    // The edition counted, then the publication: a file travels without the page that said them.
    expect(rows[4]).to.deep.equal(['Édition', '2026']);
    expect(rows[5]).to.deep.equal(['Publication', '2026-12-06T13-00-00Z']);
    expect(rows[6]).to.deep.equal(['Date', '6 décembre 2026 à 14 h']);
    const header = rows.findIndex((row) => row[0] === 'Réponse');
    expect(rows[header]).to.deep.equal([
      'Réponse',
      ...['Ille-et-Vilaine', 'Bretagne', 'France'].flatMap((name) => [
        `${name} (%)`,
        `${name} (marge d’erreur, points)`,
        `${name} (fragile)`,
        `${name} (statut)`,
      ]),
    ]);
    // Every figure equals the share of all respondents received, rounded like the table; a
    // hidden one is an empty cell, never words nor a zero, with its status beside it. Among all
    // respondents no interval is published: the margin stays empty, never a made-up one.
    const series = inclusionSeries();
    const received = [series.territoire, series.region, series.france];
    const codes = ['accompagnement', 'culture_numerique', 'evaluation_competences', 'autre'];
    codes.forEach((code, index) => {
      const row = rows[header + 1 + index]!;
      received.forEach((s, column) => {
        const answer = s.questions.services_proposes!.answers![code]!;
        const expected = answer.shareOfAll === null ? ['', '', '', 'masque'] : [String(Math.round(answer.shareOfAll * 100)), '', '0', 'publie'];
        expect(row.slice(1 + column * 4, 5 + column * 4), `${code} / ${s.territory.name}`).to.deep.equal(expected);
      });
    });
    expect(rows[header + 5]).to.deep.equal(['Nombre de répondants', '42', '', '', 'publie', '180', '', '', 'publie', '2729', '', '', 'publie']);
    // The table shows the same figures.
    const table = tableRows(el);
    for (let index = 1; index <= 4; index += 1) {
      const shown = table[index]!.slice(1).map((cell) => (cell.endsWith('%') ? cell.replace(`${NNBSP}%`, '') : ''));
      expect(shown).to.deep.equal(rows[header + index]!.slice(1).filter((_, column) => column % 4 === 0));
    }
  });

  it('writes names that look like formulas so that spreadsheets do not run them', async () => {
    const results = resultsOf('cybersecurite', [cyberSeries().france]);
    results.series[0]!.territory.name = '=HYPERLINK("http://evil.example";"x")';
    api.route = (url) => (url.pathname.includes('/resultats/') ? json(results) : defaultRoute(url));
    const el = await fixture<BarometreTerritoireChart>(html`
      <barometre-territoire-chart api=${API} theme="cybersecurite" question="rssi" comparer="france"></barometre-territoire-chart>
    `);
    await drawn(el);
    const rows = parseCsv(el.toCsv()!, ';');
    const header = rows.find((row) => row[0] === 'Réponse')!;
    expect(header[1]).to.equal(`'=HYPERLINK("http://evil.example";"x") (%)`);
    expect(header[2]).to.equal(`'=HYPERLINK("http://evil.example";"x") (marge d’erreur, points)`);
    expect(header[4]).to.equal(`'=HYPERLINK("http://evil.example";"x") (statut)`);
  });

  it('exports the chart as a PNG on an opaque background', async () => {
    const el = await fixture<BarometreTerritoireChart>(html`
      <barometre-territoire-chart api=${API} theme="cybersecurite" question="rssi" territoire="departement:35" comparer="france"></barometre-territoire-chart>
    `);
    await drawn(el);
    await el.updateComplete;
    const button = part<HTMLButtonElement>(el, 'png-button')!;
    expect(button.disabled).to.equal(false);
    const png = el.toPng()!;
    expect(png.startsWith('data:image/png;base64,')).to.equal(true);
    const image = new Image();
    image.src = png;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = image.width;
    canvas.height = image.height;
    const context = canvas.getContext('2d')!;
    context.drawImage(image, 0, 0);
    // The top-left corner is background, not transparent.
    expect([...context.getImageData(1, 1, 1, 1).data]).to.deep.equal([255, 255, 255, 255]);
  });

  it('writes values on or beside the bars', async () => {
    const written: string[] = [];
    const original = CanvasRenderingContext2D.prototype.fillText;
    CanvasRenderingContext2D.prototype.fillText = function (this: CanvasRenderingContext2D, value: string, ...rest: [number, number]) {
      written.push(value);
      return original.call(this, value, ...rest);
    };
    try {
      for (const type of ['barres', 'barres-empilees', 'colonnes']) {
        written.length = 0;
        const el = await fixture<BarometreTerritoireChart>(html`
          <barometre-territoire-chart api=${API} type=${type} theme="cybersecurite" question="rssi" comparer="france"></barometre-territoire-chart>
        `);
        await drawn(el);
        await waitUntil(() => written.includes(pct(64)), `no value label drawn for ${type}`);
        expect(written, type).to.include.members([pct(11), pct(25), pct(64)]);
      }
    } finally {
      CanvasRenderingContext2D.prototype.fillText = original;
    }
  });

  it('speaks English and writes English percentages', async () => {
    const el = await fixture<BarometreTerritoireChart>(html`
      <barometre-territoire-chart lang="en" api=${API} theme="cybersecurite" question="rssi" comparer="france" decimales="1"></barometre-territoire-chart>
    `);
    await drawn(el);
    expect(text(part(el, 'title'))).to.equal('Does your authority have an information systems security officer (RSSI)?');
    expect(tableRows(el)[3]).to.deep.equal(['No', '64.0%']);
    expect(text(part(el, 'table-button'))).to.equal('Table');
    expect(text(part(el, 'source'))).to.equal(`Source: Digital barometer of French local authorities, wave 1. ${PUBLICATION_EN}.`);
    expect(text(shadow(el).querySelector('caption'))).to.contain(`in percent. ${PUBLICATION_EN}.`);
    const csv = parseCsv(el.toCsv()!, ';');
    expect(csv[4]).to.deep.equal(['Edition', '2026']);
    expect(csv[5]).to.deep.equal(['Publication', '2026-12-06T13-00-00Z']);
    expect(csv[6]).to.deep.equal(['Date', '6 December 2026, 2 pm (Paris time)']);
    expect(el.chart!.data.datasets[0]!.data).to.deep.equal([11, 25, 64]);
  });

  it('rounds to the decimals asked', async () => {
    const el = await fixture<BarometreTerritoireChart>(html`
      <barometre-territoire-chart api=${API} theme="cybersecurite" question="rssi" comparer="france" decimales="1"></barometre-territoire-chart>
    `);
    const chart = await drawn(el);
    expect(chart.data.datasets[0]!.data).to.deep.equal([11, 25, 64]);
    expect(tableRows(el)[1]).to.deep.equal(['Oui, en interne', `11,0${NNBSP}%`]);
    expect(tableRows(el)[2]).to.deep.equal(['Oui, mutualisé avec d’autres structures', `25,0${NNBSP}%`]);
  });

  it('follows the colours a dark host page sets', async () => {
    const wrapper = await fixture<HTMLElement>(html`
      <div style="--barometre-text: #f5f5f5; --barometre-surface: #161616; --barometre-chart-series-1: #56b4e9">
        <barometre-territoire-chart api=${API} theme="cybersecurite" question="rssi" territoire="departement:35" comparer="france"></barometre-territoire-chart>
      </div>
    `);
    const el = wrapper.querySelector<BarometreTerritoireChart>('barometre-territoire-chart')!;
    const chart = await drawn(el);
    expect(getComputedStyle(el).color).to.equal('rgb(245, 245, 245)');
    expect(getComputedStyle(el).backgroundColor).to.equal('rgb(22, 22, 22)');
    expect(chart.data.datasets[0]!.backgroundColor).to.equal('#56b4e9');
    expect(chart.data.datasets[0]!.borderColor).to.equal('#f5f5f5');
    // The legend is the element's list: its text and its swatches follow the page too.
    expect(getComputedStyle(part(el, 'series')!).color).to.equal('rgb(245, 245, 245)');
    const swatch = shadow(el).querySelector<HTMLCanvasElement>('[part~="series"] canvas.swatch')!;
    const middle = swatch.getContext('2d')!.getImageData(swatch.width / 2, swatch.height / 2, 1, 1).data;
    expect([...middle]).to.deep.equal([0x56, 0xb4, 0xe9, 255]);
  });

  it('gives series other than the first a texture as well as a colour', async () => {
    const el = await fixture<BarometreTerritoireChart>(html`
      <barometre-territoire-chart api=${API} theme="cybersecurite" question="rssi" territoire="departement:35" comparer="region france"></barometre-territoire-chart>
    `);
    const chart = await drawn(el);
    const fills = chart.data.datasets.map((set) => set.backgroundColor);
    expect(typeof fills[0]).to.equal('string');
    expect(fills[1]).to.be.instanceOf(CanvasPattern);
    expect(fills[2]).to.be.instanceOf(CanvasPattern);
  });

  it('turns animation off when the reader prefers reduced motion', async () => {
    const original = window.matchMedia;
    window.matchMedia = (query: string) =>
      ({ matches: query.includes('prefers-reduced-motion'), media: query, addEventListener() {}, removeEventListener() {} }) as unknown as MediaQueryList;
    try {
      const el = await fixture<BarometreTerritoireChart>(html`
        <barometre-territoire-chart api=${API} theme="cybersecurite" question="rssi" comparer="france"></barometre-territoire-chart>
      `);
      const chart = await drawn(el);
      expect(chart.options.animation).to.equal(false);
    } finally {
      window.matchMedia = original;
    }
  });

  it('fits a 320 px container and redraws when its container resizes', async () => {
    const wrapper = await fixture<HTMLElement>(html`
      <div style="width: 320px">
        <barometre-territoire-chart api=${API} theme="cybersecurite" question="rssi" territoire="departement:35" comparer="region france"></barometre-territoire-chart>
      </div>
    `);
    const el = wrapper.querySelector<BarometreTerritoireChart>('barometre-territoire-chart')!;
    const chart = await drawn(el);
    expect(el.scrollWidth).to.be.at.most(320);
    expect(chart.width).to.be.at.most(320);
    wrapper.style.width = '640px';
    await waitUntil(() => chart.width > 500, 'the chart did not follow its container', { timeout: 3000 });
  });

  it('destroys its chart when removed from the page', async () => {
    const el = await fixture<BarometreTerritoireChart>(html`
      <barometre-territoire-chart api=${API} theme="cybersecurite" question="rssi" comparer="france"></barometre-territoire-chart>
    `);
    const chart = await drawn(el);
    el.remove();
    expect(el.chart).to.equal(undefined);
    expect((chart as unknown as { ctx: unknown }).ctx).to.equal(null);
  });
});
