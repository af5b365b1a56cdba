import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { BarometreProvider } from '../../../src/elements/provider/barometre-provider.js';
import '../../../src/elements/indicateur/define.js';
import '../../../src/elements/territoire-chart/define.js';
import type { BarometreIndicateur } from '../../../src/elements/indicateur/barometre-indicateur.js';
import type { BarometreTerritoireChart } from '../../../src/elements/territoire-chart/barometre-territoire-chart.js';
import { part, text, untilStatus } from './helpers/dom.js';
import { API, installFakeApi, type FakeApi } from './helpers/fake-api.js';

let counter = 0;

/** The query of every results request, as `territoire|ponderation|lang-less`. */
function asked(api: FakeApi): string[] {
  return api.resultsRequests().map((url) => `${url.searchParams.get('territoire') ?? '-'}|${url.searchParams.get('ponderation')}`);
}

describe('results elements inside <barometre-provider>', () => {
  let api: FakeApi;

  before(() => {
    if (!customElements.get('barometre-provider')) customElements.define('barometre-provider', BarometreProvider);
  });

  beforeEach(() => {
    api = installFakeApi();
  });

  afterEach(() => api.restore());

  it('takes the API, territory, weighting and language from the provider', async () => {
    const el = await fixture(html`
      <barometre-provider api=${API} territoire="departement:35" ponderation="redressee" lang="en">
        <barometre-territoire-chart theme="cybersecurite" question="rssi" comparer="france"></barometre-territoire-chart>
        <barometre-indicateur theme="inclusion" question="lieu_mediation" code="oui"></barometre-indicateur>
      </barometre-provider>
    `);
    const chart = el.querySelector<BarometreTerritoireChart>('barometre-territoire-chart')!;
    const indicator = el.querySelector<BarometreIndicateur>('barometre-indicateur')!;
    await waitUntil(() => chart.chart);
    await untilStatus(indicator, 'ready');
    expect(asked(api)).to.deep.equal(['departement:35|redressee', 'departement:35|redressee']);
    // A weighted figure is an estimate for every authority of the territory, not a share of respondents.
    expect(text(part(chart, 'subtitle'))).to.match(
      /^Estimated share of all the territory’s authorities the question applies to, whether they responded or not · weighted data/,
    );
    expect(text(part(indicator, 'territory'))).to.equal('Ille-et-Vilaine');
  });

  it("lets the element's own territory and weighting win over the provider's", async () => {
    const el = await fixture(html`
      <barometre-provider api=${API} territoire="departement:35" ponderation="redressee">
        <barometre-territoire-chart territoire="departement:22" ponderation="brute" theme="cybersecurite" question="rssi" comparer="france"></barometre-territoire-chart>
      </barometre-provider>
    `);
    const chart = el.querySelector<BarometreTerritoireChart>('barometre-territoire-chart')!;
    await waitUntil(() => chart.chart);
    expect(asked(api)).to.deep.equal(['departement:22|brute']);
  });

  it("lets the element's own api win over the provider's", async () => {
    const el = await fixture(html`
      <barometre-provider api="https://elsewhere.test/api">
        <barometre-indicateur api=${API} theme="inclusion" question="lieu_mediation" code="oui" territoire="departement:35"></barometre-indicateur>
      </barometre-provider>
    `);
    const indicator = el.querySelector<BarometreIndicateur>('barometre-indicateur')!;
    await untilStatus(indicator, 'ready');
    expect(api.resultsRequests()).to.have.length(1);
  });

  it("refetches when the provider's territory changes", async () => {
    const el = await fixture<BarometreProvider>(html`
      <barometre-provider api=${API} territoire="departement:35">
        <barometre-territoire-chart theme="cybersecurite" question="rssi" comparer="france"></barometre-territoire-chart>
      </barometre-provider>
    `);
    const chart = el.querySelector<BarometreTerritoireChart>('barometre-territoire-chart')!;
    await waitUntil(() => chart.chart?.data.datasets.length === 2);
    el.selectTerritoire('departement:22');
    // Côtes-d'Armor is below the threshold: only France is drawn.
    await waitUntil(() => chart.chart?.data.datasets.length === 1);
    expect(asked(api)).to.deep.equal(['departement:35|brute', 'departement:22|brute']);
    expect(chart.chart!.data.datasets[0]!.label).to.equal('France');
  });

  it('does not refetch for the provider when its own territory is set', async () => {
    const el = await fixture<BarometreProvider>(html`
      <barometre-provider api=${API} territoire="departement:35">
        <barometre-indicateur territoire="departement:35" theme="inclusion" question="lieu_mediation" code="oui"></barometre-indicateur>
      </barometre-provider>
    `);
    const indicator = el.querySelector<BarometreIndicateur>('barometre-indicateur')!;
    await untilStatus(indicator, 'ready');
    el.selectTerritoire('departement:22');
    await el.updateComplete;
    await indicator.updateComplete;
    expect(asked(api)).to.deep.equal(['departement:35|brute']);
  });

  it('works when the provider is defined after its children upgraded', async () => {
    const providerTag = `late-barometre-provider-${++counter}`;
    const wrapper = await fixture<HTMLElement>(html`<div></div>`);
    wrapper.innerHTML = `
      <${providerTag} api="${API}" territoire="departement:35">
        <barometre-territoire-chart theme="cybersecurite" question="rssi" comparer="region"></barometre-territoire-chart>
        <barometre-indicateur theme="inclusion" question="lieu_mediation" code="oui"></barometre-indicateur>
      </${providerTag}>`;
    const chart = wrapper.querySelector<BarometreTerritoireChart>('barometre-territoire-chart')!;
    const indicator = wrapper.querySelector<BarometreIndicateur>('barometre-indicateur')!;
    await chart.updateComplete;
    // No provider yet: the elements say what they lack and ask nothing.
    await untilStatus(chart, 'unconfigured');
    expect(api.requests).to.have.length(0);

    customElements.define(providerTag, class extends BarometreProvider {});
    await waitUntil(() => chart.chart?.data.datasets.length === 2);
    await untilStatus(indicator, 'ready');
    expect(asked(api)).to.deep.equal(['departement:35|brute', 'departement:35|brute']);
  });
});
