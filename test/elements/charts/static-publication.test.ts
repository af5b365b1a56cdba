import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { Question, QuestionnaireDefinition } from '../../../src/core/schema/questionnaire.js';
import type { ResultsResponse } from '../../../src/core/schema/results.js';
import { BarometreProvider } from '../../../src/elements/provider/barometre-provider.js';
import '../../../src/elements/indicateur/define.js';
import '../../../src/elements/territoire-chart/define.js';
import type { BarometreIndicateur } from '../../../src/elements/indicateur/barometre-indicateur.js';
import type { BarometreTerritoireChart } from '../../../src/elements/territoire-chart/barometre-territoire-chart.js';
import {
  hasStaticFile,
  staticDefinitionUrl,
  staticMapUrl,
  staticResultsUrl,
  territoireFile,
} from '../../../src/elements/shared/results/static-publication.js';
import { items, part, text, untilStatus } from './helpers/dom.js';
import { captureEvents } from './helpers/events.js';
import { API, defaultRoute, installFakeApi, json, PUBLICATION_BASE, publicationRoute, type FakeApi } from './helpers/fake-api.js';

const NNBSP = '\u202f';

/** Every URL the elements asked for, as strings. */
const asked = (api: FakeApi) => api.requests.map((url) => url.href);

/** Requests that went to the API rather than to the publication's files. */
const apiRequests = (api: FakeApi) => api.requests.filter((url) => !url.href.startsWith(PUBLICATION_BASE));

describe('static publications', () => {
  let api: FakeApi;
  let capture: ReturnType<typeof captureEvents>;

  before(() => {
    if (!customElements.get('barometre-provider')) customElements.define('barometre-provider', BarometreProvider);
  });

  beforeEach(() => {
    api = installFakeApi((url) => (url.href.startsWith(PUBLICATION_BASE) ? publicationRoute(url) : defaultRoute(url)));
    capture = captureEvents(['barometre-data', 'barometre-error']);
  });

  afterEach(() => {
    api.restore();
    capture.stop();
  });

  describe('layout', () => {
    it('names files after the territory, with ":" written "-", under the theme and weighting', () => {
      expect(territoireFile('departement:35')).to.equal('departement-35');
      expect(territoireFile('region:53')).to.equal('region-53');
      expect(territoireFile('france')).to.equal('france');
      const base = new URL('/pub/2026-12-06/', document.baseURI).href;
      expect(staticResultsUrl('/pub/2026-12-06/', 'cybersecurite', 'brute', 'departement:2A')).to.equal(
        `${base}resultats/cybersecurite/brute/departement-2A.json`,
      );
      expect(staticResultsUrl('https://x.test/p', 'inclusion', 'redressee', undefined)).to.equal('https://x.test/p/resultats/inclusion/redressee/france.json');
      expect(staticMapUrl('https://x.test/p', 'inclusion', 'brute', 'region', 'lieu_mediation')).to.equal(
        'https://x.test/p/resultats/inclusion/brute/carte/region/lieu_mediation.json',
      );
      expect(staticDefinitionUrl('https://x.test/p//', 'inclusion')).to.equal('https://x.test/p/questionnaires/inclusion.json');
    });

    it('has no file for communes nor EPCI', () => {
      expect([undefined, 'france', 'region:53', 'departement:35'].map(hasStaticFile)).to.deep.equal([true, true, true, true]);
      expect(['commune:35238', 'epci:243500139'].map(hasStaticFile)).to.deep.equal([false, false]);
    });
  });

  it('reads the territory’s file named by the provider’s publication, keeping the comparisons asked, in the order asked', async () => {
    const el = await fixture(html`
      <barometre-provider api=${API} publication=${PUBLICATION_BASE} territoire="departement:35">
        <barometre-territoire-chart theme="cybersecurite" question="rssi" comparer="france region"></barometre-territoire-chart>
      </barometre-provider>
    `);
    const chart = el.querySelector<BarometreTerritoireChart>('barometre-territoire-chart')!;
    await waitUntil(() => chart.chart, 'the chart was never drawn', { timeout: 5000 });
    expect(asked(api)).to.have.members([
      `${PUBLICATION_BASE}/questionnaires/cybersecurite.json`,
      `${PUBLICATION_BASE}/resultats/cybersecurite/brute/departement-35.json`,
    ]);
    expect(apiRequests(api)).to.deep.equal([]);
    // The file holds France, similaires, the territory and its région, in that order: the chart
    // shows the territory, then France and the région as asked, and not the similar ones.
    expect(chart.chart!.data.datasets.map((set) => set.label)).to.deep.equal(['Ille-et-Vilaine', 'France', 'Bretagne']);
    await waitUntil(() => capture.of('barometre-data').length === 1);
    const { results } = capture.of('barometre-data')[0]!.detail as { results: ResultsResponse };
    expect(results.series.map((series) => series.role)).to.deep.equal(['territoire', 'france', 'region']);
    expect(results.series.every((series) => Object.keys(series.questions).join() === 'rssi')).to.equal(true);
    expect(text(part(chart, 'source'))).to.contain('Résultats arrêtés au 6 décembre 2026 à 14 h');
  });

  it('reads France’s file without a territory, and the reweighted folder for ponderation="redressee"', async () => {
    const el = await fixture<BarometreIndicateur>(html`
      <barometre-indicateur publication=${PUBLICATION_BASE} ponderation="redressee" theme="inclusion" question="lieu_mediation" code="oui"></barometre-indicateur>
    `);
    await untilStatus(el, 'ready');
    expect(asked(api)).to.include(`${PUBLICATION_BASE}/resultats/inclusion/redressee/france.json`);
    expect(text(part(el, 'territory'))).to.equal('France');
    expect(text(part(el, 'value'))).to.equal(`26${NNBSP}%`);
    // France is the territory itself: it is not compared with itself.
    expect(part(el, 'comparisons')).to.equal(null);
  });

  it('keeps the key figure’s default comparison, France', async () => {
    const el = await fixture<BarometreIndicateur>(html`
      <barometre-indicateur publication=${PUBLICATION_BASE} territoire="departement:35" theme="inclusion" question="lieu_mediation" code="oui"></barometre-indicateur>
    `);
    await untilStatus(el, 'ready');
    expect(items(el, 'comparisons')).to.deep.equal([`France : 26${NNBSP}%`]);
  });

  for (const territoire of ['commune:35238', 'epci:243500139']) {
    it(`says a ${territoire.split(':')[0]} is not in the static publication, and asks for nothing`, async () => {
      const el = await fixture(html`
        <barometre-provider publication=${PUBLICATION_BASE} territoire=${territoire}>
          <barometre-territoire-chart theme="cybersecurite" question="rssi"></barometre-territoire-chart>
          <barometre-indicateur lang="en" theme="inclusion" question="lieu_mediation" code="oui"></barometre-indicateur>
        </barometre-provider>
      `);
      const chart = el.querySelector<BarometreTerritoireChart>('barometre-territoire-chart')!;
      const indicator = el.querySelector<BarometreIndicateur>('barometre-indicateur')!;
      await untilStatus(chart, 'unconfigured');
      await untilStatus(indicator, 'unconfigured');
      expect(text(part(chart, 'status'))).to.equal(
        'Les résultats des communes et des intercommunalités ne figurent pas dans la publication statique : choisissez un département, une région ou la France.',
      );
      expect(text(part(indicator, 'status'))).to.equal(
        'Results for communes and intercommunalités are not part of the static publication: choose a département, a région or France.',
      );
      expect(api.requests).to.deep.equal([]);
    });
  }

  it('follows the provider to a département with a file after a commune without one', async () => {
    const el = await fixture<BarometreProvider>(html`
      <barometre-provider publication=${PUBLICATION_BASE} territoire="commune:35238">
        <barometre-territoire-chart theme="cybersecurite" question="rssi" comparer="region"></barometre-territoire-chart>
      </barometre-provider>
    `);
    const chart = el.querySelector<BarometreTerritoireChart>('barometre-territoire-chart')!;
    await untilStatus(chart, 'unconfigured');
    el.selectTerritoire('departement:22');
    await waitUntil(() => chart.chart, 'the chart was never drawn', { timeout: 5000 });
    expect(asked(api)).to.include(`${PUBLICATION_BASE}/resultats/cybersecurite/brute/departement-22.json`);
    // Côtes-d'Armor's own series is below the threshold: only Bretagne is drawn, and the state is said.
    expect(chart.chart!.data.datasets.map((set) => set.label)).to.deep.equal(['Bretagne']);
    expect(text(part(chart, 'notes'))).to.equal('Côtes-d’Armor : moins de 5 réponses, non représenté sur le graphique.');
  });

  it('lets the element’s own attributes win: its publication over the provider’s, its api over the provider’s publication', async () => {
    const other = `${API}/publications/ancienne`;
    const el = await fixture(html`
      <barometre-provider publication=${other} territoire="departement:35">
        <barometre-indicateur publication=${PUBLICATION_BASE} theme="inclusion" question="lieu_mediation" code="oui"></barometre-indicateur>
        <barometre-territoire-chart api=${API} theme="cybersecurite" question="rssi" comparer="france"></barometre-territoire-chart>
      </barometre-provider>
    `);
    const indicator = el.querySelector<BarometreIndicateur>('barometre-indicateur')!;
    const chart = el.querySelector<BarometreTerritoireChart>('barometre-territoire-chart')!;
    await untilStatus(indicator, 'ready');
    await waitUntil(() => chart.chart, 'the chart was never drawn', { timeout: 5000 });
    expect(asked(api)).to.include(`${PUBLICATION_BASE}/resultats/inclusion/brute/departement-35.json`);
    expect(api.resultsRequests().filter((url) => url.pathname === '/v1/resultats/cybersecurite')).to.have.length(1);
    expect(asked(api).some((href) => href.startsWith(other))).to.equal(false);
  });

  it('prefers a src file to the publication', async () => {
    const el = await fixture<BarometreIndicateur>(html`
      <barometre-indicateur publication=${PUBLICATION_BASE} src="/test/elements/charts/fixtures/rssi-departement-35.json" question="rssi" code="aucun"></barometre-indicateur>
    `);
    await untilStatus(el, 'ready');
    expect(text(part(el, 'value'))).to.equal(`45${NNBSP}%`);
    expect(asked(api).some((href) => href.includes('/resultats/'))).to.equal(false);
  });

  it('takes wording from the publication’s definition when it has one', async () => {
    const { cybersecuriteDefinition } = await import('../../../src/questionnaires/cybersecurite.js');
    const custom: QuestionnaireDefinition = structuredClone(cybersecuriteDefinition as QuestionnaireDefinition);
    const rssi = custom.sections.flatMap((section): Question[] => section.questions).find((question) => question.id === 'rssi')!;
    rssi.label = { fr: 'Avez-vous un RSSI (publication) ?', en: 'Do you have a CISO (publication)?' };
    const base = `${PUBLICATION_BASE}-libelles`;
    api.route = (url) =>
      url.href === `${base}/questionnaires/cybersecurite.json`
        ? json(custom)
        : publicationRoute(new URL(url.href.replace(base, PUBLICATION_BASE)));
    const el = await fixture<BarometreTerritoireChart>(html`
      <barometre-territoire-chart publication=${base} territoire="departement:35" theme="cybersecurite" question="rssi"></barometre-territoire-chart>
    `);
    await waitUntil(() => el.chart, 'the chart was never drawn', { timeout: 5000 });
    expect(text(part(el, 'title'))).to.equal('Avez-vous un RSSI (publication) ?');
  });

  it('says a missing file as a file that could not be read', async () => {
    api.route = () => new Response('Not Found', { status: 404 });
    const el = await fixture<BarometreTerritoireChart>(html`
      <barometre-territoire-chart publication=${PUBLICATION_BASE} territoire="region:53" theme="cybersecurite" question="rssi"></barometre-territoire-chart>
    `);
    await untilStatus(el, 'error');
    expect(asked(api)).to.include(`${PUBLICATION_BASE}/resultats/cybersecurite/brute/region-53.json`);
    expect(text(part(el, 'status'))).to.equal('Les résultats n’ont pas pu être chargés. Le fichier de résultats n’a pas pu être lu (HTTP 404).');
    expect(capture.of('barometre-error')[0]!.detail.code).to.equal('http_404');
  });
});
