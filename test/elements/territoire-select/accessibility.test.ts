import { expect, fixture, html } from '@open-wc/testing';
import '../../../src/elements/territoire-select/define.js';
import type { BarometreTerritoireSelect } from '../../../src/elements/territoire-select/barometre-territoire-select.js';
import { combobox, hint, labelText, listbox, press, type, untilOptions, untilStatus } from './helpers/combobox.js';
import { API, installFakeTerritoires, type FakeTerritoires } from './helpers/fake-territoires.js';
import { loadSample } from './helpers/sample.js';

/** A picker in a 320 px wide column, as on a small phone. */
async function narrowPicker(label?: string): Promise<BarometreTerritoireSelect> {
  const column = await fixture<HTMLDivElement>(html`
    <div style="width: 320px">
      <barometre-territoire-select api=${API} label=${label ?? ''}></barometre-territoire-select>
    </div>
  `);
  return column.querySelector('barometre-territoire-select')!;
}

describe('<barometre-territoire-select> accessibility', () => {
  let fake: FakeTerritoires;

  beforeEach(async () => {
    fake = installFakeTerritoires(await loadSample());
  });

  afterEach(() => fake.restore());

  it('has a visible label, in French by default and in English, or the one given', async () => {
    expect(labelText(await narrowPicker())).to.equal('Choisir un territoire');
    expect(labelText(await narrowPicker('Votre commune'))).to.equal('Votre commune');
    const english = await fixture<BarometreTerritoireSelect>(html`<barometre-territoire-select lang="en" api=${API}></barometre-territoire-select>`);
    expect(labelText(english)).to.equal('Choose an area');
  });

  it('exposes the combobox pattern: a list popup it controls, with list autocompletion', async () => {
    const el = await narrowPicker();
    const input = combobox(el);
    expect(input.getAttribute('aria-autocomplete')).to.equal('list');
    expect(listbox(el).getAttribute('role')).to.equal('listbox');
    expect(hint(el)).to.contain('au moins 2 caractères');
  });

  it('passes axe while closed', async () => {
    const el = await narrowPicker();
    await expect(el).to.be.accessible();
  });

  it('passes axe while open with results and a highlighted option, and fits 320 px', async () => {
    const el = await narrowPicker();
    await type(el, 'saint etienne');
    await untilOptions(el);
    await press('ArrowDown');
    await expect(el).to.be.accessible();
    expect(el.getBoundingClientRect().width).to.be.at.most(320);
    expect(listbox(el).getBoundingClientRect().width).to.be.at.most(320);
    expect(listbox(el).scrollWidth).to.be.at.most(listbox(el).clientWidth);
  });

  it('passes axe with no results', async () => {
    const el = await narrowPicker();
    await type(el, 'zzzz');
    await untilStatus(el, 'Aucun résultat');
    await expect(el).to.be.accessible();
  });

  it('passes axe after an error, with its retry button', async () => {
    const el = await narrowPicker();
    fake.failing = true;
    await type(el, 'rennes');
    await untilStatus(el, 'La recherche n’a pas abouti');
    await expect(el).to.be.accessible();
  });

  it('shows the highlighted option in the accent colour, with AA contrast', async () => {
    const el = await narrowPicker();
    await type(el, 'rennes');
    await untilOptions(el);
    await press('ArrowDown');
    const option = el.shadowRoot!.querySelector('[part~="option-active"]')!;
    const style = getComputedStyle(option);
    expect(style.backgroundColor).to.equal('rgb(29, 79, 145)');
    expect(style.color).to.equal('rgb(255, 255, 255)');
  });

  it('takes the page’s tokens', async () => {
    const column = await fixture<HTMLDivElement>(html`
      <div style="--barometre-accent: rgb(0, 0, 145)">
        <barometre-territoire-select api=${API}></barometre-territoire-select>
      </div>
    `);
    const el = column.querySelector<BarometreTerritoireSelect>('barometre-territoire-select')!;
    await type(el, 'rennes');
    await untilOptions(el);
    await press('ArrowDown');
    expect(getComputedStyle(el.shadowRoot!.querySelector('[part~="option-active"]')!).backgroundColor).to.equal('rgb(0, 0, 145)');
  });
});
