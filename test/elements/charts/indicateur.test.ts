import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../../src/elements/indicateur/define.js';
import type { BarometreIndicateur } from '../../../src/elements/indicateur/barometre-indicateur.js';
import { inclusionSeries, PUBLICATION_EN, PUBLICATION_FR, resultsOf } from './fixtures/results.js';
import { items, part, shadow, statusOf, text, untilStatus } from './helpers/dom.js';
import { captureEvents } from './helpers/events.js';
import { API, defaultRoute, deferred, installFakeApi, json, type FakeApi } from './helpers/fake-api.js';

const NNBSP = '\u202f';

describe('<barometre-indicateur>', () => {
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

  it('shows the key figure, its label, the France comparison, n and base', async () => {
    const el = await fixture<BarometreIndicateur>(html`
      <barometre-indicateur api=${API} theme="inclusion" question="lieu_mediation" code="oui" territoire="departement:35"></barometre-indicateur>
    `);
    await untilStatus(el, 'ready');
    expect(Object.fromEntries(api.resultsRequests()[0]!.searchParams)).to.deep.equal({
      territoire: 'departement:35',
      comparer: 'france',
      question: 'lieu_mediation',
      ponderation: 'brute',
    });
    expect(text(part(el, 'territory'))).to.equal('Ille-et-Vilaine');
    expect(text(part(el, 'value'))).to.equal(`31${NNBSP}%`);
    expect(text(part(el, 'label'))).to.equal('ont répondu « Oui »');
    expect(text(part(el, 'question'))).to.equal('Votre collectivité dispose-t-elle d’au moins un lieu de médiation numérique ?');
    expect(items(el, 'comparisons')).to.deep.equal([`France : 26${NNBSP}%`]);
    expect(text(part(el, 'meta'))).to.equal('n = 42 · Part des collectivités ayant répondu à la question · données brutes');
    expect(text(part(el, 'source'))).to.equal(`Source : Baromètre numérique des collectivités, vague 1. ${PUBLICATION_FR}.`);
    expect(capture.of('barometre-data')).to.have.length(1);
  });

  it('compares with what comparer asks', async () => {
    const el = await fixture<BarometreIndicateur>(html`
      <barometre-indicateur api=${API} theme="inclusion" question="lieu_mediation" code="oui" territoire="departement:35" comparer="region france"></barometre-indicateur>
    `);
    await untilStatus(el, 'ready');
    expect(items(el, 'comparisons')).to.deep.equal([`Bretagne : 29${NNBSP}%`, `France : 26${NNBSP}%`]);
  });

  it('writes English percentages without a space', async () => {
    const el = await fixture<BarometreIndicateur>(html`
      <barometre-indicateur lang="en" api=${API} theme="inclusion" question="lieu_mediation" code="oui"></barometre-indicateur>
    `);
    await untilStatus(el, 'ready');
    // Without a territory the France series is the figure itself, with nothing to compare it to.
    expect(text(part(el, 'territory'))).to.equal('France');
    expect(text(part(el, 'value'))).to.equal('26%');
    expect(text(part(el, 'label'))).to.equal('answered “Yes”');
    expect(part(el, 'comparisons')).to.equal(null);
  });

  it('does not compare France with itself', async () => {
    // The reference API answers a request without territory with France as the territory.
    const series = inclusionSeries();
    api.route = () => json(resultsOf('inclusion', [{ ...series.france, role: 'territoire' }, series.france]));
    const el = await fixture<BarometreIndicateur>(html`
      <barometre-indicateur api=${API} theme="inclusion" question="lieu_mediation" code="oui"></barometre-indicateur>
    `);
    await untilStatus(el, 'ready');
    expect(text(part(el, 'territory'))).to.equal('France');
    expect(part(el, 'comparisons')).to.equal(null);
  });

  it('says a code hidden by statistical secrecy in a published question, with the question’s n, rather than a zero', async () => {
    const el = await fixture<BarometreIndicateur>(html`
      <barometre-indicateur api=${API} theme="inclusion" question="lieu_mediation" code="nsp" territoire="departement:35"></barometre-indicateur>
    `);
    await untilStatus(el, 'ready');
    expect(text(part(el, 'value'))).to.equal('masqué (secret statistique)');
    expect(part(el, 'value')!.dataset.state).to.equal('masque');
    expect(items(el, 'comparisons')).to.deep.equal([`France : 4${NNBSP}%`]);
    expect(text(part(el, 'meta'))).to.equal('n = 42 · Part des collectivités ayant répondu à la question · données brutes');
  });

  for (const [territoire, state, stateEn] of [
    ['departement:22', 'moins de 5 réponses', 'fewer than 5 responses'],
    ['departement:56', 'masqué (secret statistique)', 'hidden (statistical secrecy)'],
    ['departement:29', 'aucune réponse', 'no response'],
  ] as const) {
    it(`says which state applies when the territory is not published (${state}), without a number of respondents`, async () => {
      const el = await fixture<BarometreIndicateur>(html`
        <barometre-indicateur api=${API} theme="inclusion" question="lieu_mediation" code="oui" territoire=${territoire}></barometre-indicateur>
      `);
      await untilStatus(el, 'ready');
      expect(text(part(el, 'value'))).to.equal(state);
      expect(text(part(el, 'value'))).to.not.match(/\d+\s*%/);
      expect(items(el, 'comparisons')).to.deep.equal([`France : 26${NNBSP}%`]);
      expect(text(part(el, 'meta'))).to.equal('Part des collectivités ayant répondu à la question · données brutes');
      el.lang = 'en';
      await el.updateComplete;
      expect(text(part(el, 'value'))).to.equal(stateEn);
      expect(text(part(el, 'meta'))).to.equal('Share of the authorities that answered the question · raw data');
      expect(text(part(el, 'source'))).to.contain(PUBLICATION_EN);
    });
  }

  it('says a comparison that is not published in words', async () => {
    const series = inclusionSeries();
    const france = { ...series.france, status: 'masque' as const, n: null, questions: {} };
    api.route = () => json(resultsOf('inclusion', [series.territoire, france]));
    const el = await fixture<BarometreIndicateur>(html`
      <barometre-indicateur api=${API} theme="inclusion" question="lieu_mediation" code="oui" territoire="departement:35"></barometre-indicateur>
    `);
    await untilStatus(el, 'ready');
    expect(text(part(el, 'value'))).to.equal(`31${NNBSP}%`);
    expect(items(el, 'comparisons')).to.deep.equal(['France : masqué (secret statistique)']);
  });

  it('uses the base asked and the decimals asked', async () => {
    const el = await fixture<BarometreIndicateur>(html`
      <barometre-indicateur api=${API} theme="inclusion" question="services_proposes" code="accompagnement" base="toutes" decimales="1" territoire="departement:35"></barometre-indicateur>
    `);
    await untilStatus(el, 'ready');
    // 11 of 42 respondents; 547 of 2,729.
    expect(text(part(el, 'value'))).to.equal(`26,2${NNBSP}%`);
    expect(items(el, 'comparisons')).to.deep.equal([`France : 20,0${NNBSP}%`]);
    expect(text(part(el, 'meta'))).to.contain('Part de l’ensemble des collectivités répondantes');
  });

  it('is empty for an answer code with no result', async () => {
    const el = await fixture<BarometreIndicateur>(html`
      <barometre-indicateur api=${API} theme="inclusion" question="lieu_mediation" code="peut_etre" territoire="departement:35"></barometre-indicateur>
    `);
    await untilStatus(el, 'empty');
    expect(text(part(el, 'status'))).to.equal('Aucun résultat n’est disponible pour cette réponse sur ce territoire.');
    expect(part(el, 'value')).to.equal(null);
  });

  it('asks for the code it needs', async () => {
    const el = await fixture<BarometreIndicateur>(html`<barometre-indicateur api=${API} theme="inclusion" question="lieu_mediation"></barometre-indicateur>`);
    await untilStatus(el, 'unconfigured');
    expect(text(part(el, 'status'))).to.contain('attribut code');
    expect(api.requests).to.have.length(0);
  });

  it('shows loading, then an error with a retry that fetches again', async () => {
    const held = deferred<Response>();
    api.route = () => held.promise;
    const el = await fixture<BarometreIndicateur>(html`
      <barometre-indicateur api=${API} theme="inclusion" question="lieu_mediation" code="oui" territoire="departement:99"></barometre-indicateur>
    `);
    expect(statusOf(el)).to.equal('loading');
    expect(text(part(el, 'status'))).to.equal('Chargement des résultats…');
    held.resolve(defaultRoute(api.requests[0]!) as Response);
    await untilStatus(el, 'error');
    expect(text(part(el, 'status'))).to.equal('Les résultats n’ont pas pu être chargés. Territoire inconnu : departement:99.');
    expect(capture.of('barometre-error')[0]!.detail).to.deep.equal({ code: 'territoire_inconnu', message: 'Territoire inconnu : departement:99.' });

    api.route = (url) => defaultRoute(new URL(url.href.replace('departement%3A99', 'departement%3A35')));
    part<HTMLButtonElement>(el, 'retry-button')!.click();
    await untilStatus(el, 'ready');
    expect(api.resultsRequests()).to.have.length(2);
    expect(text(part(el, 'value'))).to.equal(`31${NNBSP}%`);
  });

  it('reads a static results file', async () => {
    const el = await fixture<BarometreIndicateur>(html`
      <barometre-indicateur src="/test/elements/charts/fixtures/rssi-departement-35.json" question="rssi" code="aucun"></barometre-indicateur>
    `);
    await untilStatus(el, 'ready');
    expect(text(part(el, 'value'))).to.equal(`45${NNBSP}%`);
    expect(text(part(el, 'label'))).to.equal('ont répondu « Non »');
    expect(items(el, 'comparisons')).to.deep.equal([`Bretagne : 52${NNBSP}%`, `France : 64${NNBSP}%`]);
  });

  it('never loads Chart.js', async () => {
    const el = await fixture<BarometreIndicateur>(html`
      <barometre-indicateur api=${API} theme="inclusion" question="lieu_mediation" code="oui"></barometre-indicateur>
    `);
    await untilStatus(el, 'ready');
    await new Promise((resolve) => setTimeout(resolve, 200));
    const loaded = performance.getEntriesByType('resource').map((entry) => entry.name);
    expect(loaded.filter((name) => /chart-runtime|chart\.js|territoire-chart/.test(name))).to.deep.equal([]);
    expect(shadow(el).querySelector('canvas')).to.equal(null);
  });

  it('errors on a JSON body that is not results', async () => {
    api.route = () => json({ hello: 'world' });
    const el = await fixture<BarometreIndicateur>(html`
      <barometre-indicateur api=${API} theme="inclusion" question="lieu_mediation" code="oui"></barometre-indicateur>
    `);
    await waitUntil(() => capture.of('barometre-error').length === 1);
    expect(capture.of('barometre-error')[0]!.detail.code).to.equal('invalid_results');
    expect(part(el, 'value')).to.equal(null);
  });
});
