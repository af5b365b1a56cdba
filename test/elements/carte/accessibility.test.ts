import { expect, fixture, html } from '@open-wc/testing';
import '../../../src/elements/carte/define.js';
import type { BarometreCarte } from '../../../src/elements/carte/barometre-carte.js';
import { untilStatus } from '../charts/helpers/dom.js';
import { departementResults, ILLE_ET_VILAINE, withIntervals } from './fixtures/map-results.js';
import { API, installMapApi, json, type FakeApi } from './helpers/map-api.js';
import { optionOf, part, untilDrawn } from './helpers/map-dom.js';

describe('accessibility of <barometre-carte> (axe)', () => {
  let api: FakeApi;

  beforeEach(() => {
    api = installMapApi();
  });

  afterEach(() => api.restore());

  async function map(attributes = ''): Promise<BarometreCarte> {
    const wrapper = await fixture<HTMLElement>(html`<main></main>`);
    wrapper.innerHTML = `<barometre-carte api="${API}" theme="inclusion" question="lieu_mediation" code="oui" territoire="${ILLE_ET_VILAINE.id}" ${attributes}></barometre-carte>`;
    const el = wrapper.querySelector<BarometreCarte>('barometre-carte')!;
    await untilDrawn(el);
    return el;
  }

  it('finds no violation in a drawn map', async () => {
    const el = await map();
    await expect(el).to.be.accessible();
  });

  it('finds no violation with the table shown', async () => {
    const el = await map();
    part<HTMLButtonElement>(el, 'table-button')!.click();
    await el.updateComplete;
    await expect(el).to.be.accessible();
  });

  it('finds no violation with a territory focused and its tooltip shown', async () => {
    const el = await map();
    (optionOf(el, ILLE_ET_VILAINE.id) as SVGElement).focus();
    await el.updateComplete;
    await expect(el).to.be.accessible();
  });

  it('finds no violation at 320 px with margins and the table shown, its scrolling box focusable', async () => {
    api.route = () => json(withIntervals(departementResults()));
    const wrapper = await fixture<HTMLElement>(html`<main style="width: 320px"></main>`);
    wrapper.innerHTML = `<barometre-carte api="${API}" theme="inclusion" question="lieu_mediation" code="oui"></barometre-carte>`;
    const el = wrapper.querySelector<BarometreCarte>('barometre-carte')!;
    await untilDrawn(el);
    part<HTMLButtonElement>(el, 'table-button')!.click();
    await el.updateComplete;
    const box = part(el, 'table-container')!;
    // The table is wider or taller than its box: it scrolls, so it must take focus.
    expect(box.scrollHeight > box.clientHeight || box.scrollWidth > box.clientWidth).to.equal(true);
    expect(box.getAttribute('tabindex')).to.equal('0');
    await expect(el).to.be.accessible();
  });

  it('finds no violation by région, in English', async () => {
    const el = await map('niveau="region" lang="en"');
    await expect(el).to.be.accessible();
  });

  it('finds no violation on a dark host', async () => {
    const wrapper = await fixture<HTMLElement>(html`
      <main style="background:#161616; --barometre-text:#f5f5f5; --barometre-text-muted:#c8c8c8; --barometre-surface:#161616; --barometre-separator:#555; --barometre-accent:#9ab8ff; --barometre-on-accent:#161616"></main>
    `);
    wrapper.innerHTML = `<barometre-carte api="${API}" theme="inclusion" question="lieu_mediation" code="oui"></barometre-carte>`;
    const el = wrapper.querySelector<BarometreCarte>('barometre-carte')!;
    await untilDrawn(el);
    part<HTMLButtonElement>(el, 'table-button')!.click();
    await el.updateComplete;
    await expect(el).to.be.accessible();
  });

  it('finds no violation in the error state', async () => {
    api.route = () => json({ error: 'indisponible', message: 'Le service est en maintenance.' }, 503);
    const el = await fixture<BarometreCarte>(html`
      <barometre-carte api=${API} theme="inclusion" question="lieu_mediation" code="oui"></barometre-carte>
    `);
    await untilStatus(el, 'error');
    await expect(el).to.be.accessible();
  });
});
