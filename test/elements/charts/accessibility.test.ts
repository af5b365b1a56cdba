import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../../src/elements/indicateur/define.js';
import '../../../src/elements/territoire-chart/define.js';
import type { BarometreIndicateur } from '../../../src/elements/indicateur/barometre-indicateur.js';
import type { BarometreTerritoireChart } from '../../../src/elements/territoire-chart/barometre-territoire-chart.js';
import { part, untilStatus } from './helpers/dom.js';
import { API, installFakeApi, json, type FakeApi } from './helpers/fake-api.js';

describe('accessibility of the results elements (axe)', () => {
  let api: FakeApi;

  beforeEach(() => {
    api = installFakeApi();
  });

  afterEach(() => api.restore());

  async function chart(attributes = ''): Promise<BarometreTerritoireChart> {
    const wrapper = await fixture<HTMLElement>(html`<main></main>`);
    wrapper.innerHTML = `<barometre-territoire-chart api="${API}" theme="cybersecurite" question="rssi" territoire="departement:35" comparer="region france" ${attributes}></barometre-territoire-chart>`;
    const el = wrapper.querySelector<BarometreTerritoireChart>('barometre-territoire-chart')!;
    await waitUntil(() => el.chart, 'the chart was never drawn', { timeout: 5000 });
    await el.updateComplete;
    return el;
  }

  it('finds no violation in a drawn chart', async () => {
    const el = await chart();
    await expect(el).to.be.accessible();
  });

  it('finds no violation with the table shown', async () => {
    const el = await chart();
    part<HTMLButtonElement>(el, 'table-button')!.click();
    await el.updateComplete;
    await expect(el).to.be.accessible();
  });

  it('lets keyboard users scroll the shown table at 320 px: a named, focusable region (axe scrollable-region-focusable)', async () => {
    const wrapper = await fixture<HTMLElement>(html`<main style="width: 320px"></main>`);
    wrapper.innerHTML = `<barometre-territoire-chart api="${API}" theme="cybersecurite" question="rssi" territoire="departement:35" comparer="region france similaires"></barometre-territoire-chart>`;
    const el = wrapper.querySelector<BarometreTerritoireChart>('barometre-territoire-chart')!;
    await waitUntil(() => el.chart, 'the chart was never drawn', { timeout: 5000 });
    const region = part(el, 'table-container')!;
    // Out of sight, it stays out of the tab order.
    expect(region.hasAttribute('tabindex')).to.equal(false);
    part<HTMLButtonElement>(el, 'table-button')!.click();
    await el.updateComplete;
    // Four series do not fit in 320 px: the table scrolls sideways inside its box.
    expect(region.scrollWidth).to.be.greaterThan(region.clientWidth);
    expect(region.getAttribute('tabindex')).to.equal('0');
    expect(region.getAttribute('role')).to.equal('region');
    expect(region.getAttribute('aria-label')).to.equal(
      'Tableau des valeurs : Votre collectivité dispose-t-elle d’un responsable de la sécurité des systèmes d’information (RSSI) ?',
    );
    region.focus();
    expect(el.shadowRoot!.activeElement).to.equal(region);
    await expect(el).to.be.accessible();
  });

  it('finds no violation with a series hidden by statistical secrecy and the table shown', async () => {
    const wrapper = await fixture<HTMLElement>(html`<main></main>`);
    wrapper.innerHTML = `<barometre-territoire-chart api="${API}" theme="cybersecurite" question="rssi" territoire="departement:56" comparer="region france"></barometre-territoire-chart>`;
    const el = wrapper.querySelector<BarometreTerritoireChart>('barometre-territoire-chart')!;
    await waitUntil(() => el.chart);
    part<HTMLButtonElement>(el, 'table-button')!.click();
    await el.updateComplete;
    await expect(el).to.be.accessible();
  });

  it('finds no violation in an indicator whose territory is below the threshold', async () => {
    const el = await fixture<BarometreIndicateur>(html`
      <barometre-indicateur api=${API} theme="inclusion" question="lieu_mediation" code="oui" territoire="departement:22"></barometre-indicateur>
    `);
    await untilStatus(el, 'ready');
    await expect(el).to.be.accessible();
  });

  it('finds no violation in a stacked chart with a series below the threshold, in English', async () => {
    const wrapper = await fixture<HTMLElement>(html`<main></main>`);
    wrapper.innerHTML = `<barometre-territoire-chart lang="en" type="barres-empilees" api="${API}" theme="cybersecurite" question="rssi" territoire="departement:22" comparer="region france"></barometre-territoire-chart>`;
    const el = wrapper.querySelector<BarometreTerritoireChart>('barometre-territoire-chart')!;
    await waitUntil(() => el.chart);
    await expect(el).to.be.accessible();
  });

  it('finds no violation on a dark host', async () => {
    const wrapper = await fixture<HTMLElement>(html`
      <main style="background:#161616; --barometre-text:#f5f5f5; --barometre-text-muted:#c8c8c8; --barometre-surface:#161616; --barometre-separator:#555; --barometre-accent:#9ab8ff; --barometre-on-accent:#161616"></main>
    `);
    wrapper.innerHTML = `<barometre-territoire-chart api="${API}" theme="cybersecurite" question="rssi" territoire="departement:35" comparer="france"></barometre-territoire-chart>`;
    const el = wrapper.querySelector<BarometreTerritoireChart>('barometre-territoire-chart')!;
    await waitUntil(() => el.chart);
    part<HTMLButtonElement>(el, 'table-button')!.click();
    await el.updateComplete;
    await expect(el).to.be.accessible();
  });

  it('finds no violation in the error state', async () => {
    api.route = () => json({ error: 'indisponible', message: 'Le service est en maintenance.' }, 503);
    const el = await fixture<BarometreTerritoireChart>(html`
      <barometre-territoire-chart api=${API} theme="cybersecurite" question="rssi"></barometre-territoire-chart>
    `);
    await untilStatus(el, 'error');
    await expect(el).to.be.accessible();
  });

  it('finds no violation in an indicator', async () => {
    const el = await fixture<BarometreIndicateur>(html`
      <barometre-indicateur api=${API} theme="inclusion" question="lieu_mediation" code="oui" territoire="departement:35" comparer="region france"></barometre-indicateur>
    `);
    await untilStatus(el, 'ready');
    await expect(el).to.be.accessible();
  });
});
