import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { html as litHtml } from 'lit';
import '../../../src/elements/provider/define.js';
import '../../../src/elements/territoire-select/define.js';
import type { BarometreProvider } from '../../../src/elements/provider/barometre-provider.js';
import type { BarometreTerritoireSelect } from '../../../src/elements/territoire-select/barometre-territoire-select.js';
import { ConfiguredElement } from '../../../src/elements/shared/configured-element.js';
import { typeInto } from '../helpers/dom.js';
import { combobox, options, press, type, untilOptions } from './helpers/combobox.js';
import { API, installFakeTerritoires, type FakeTerritoires } from './helpers/fake-territoires.js';
import { loadSample } from './helpers/sample.js';

/** Stands for a chart: shows the territory it would load, taken from its provider. */
class TerritoryProbe extends ConfiguredElement {
  override render() {
    return litHtml`${this.effectiveTerritoire ?? ''}`;
  }
}
customElements.define('territory-probe', TerritoryProbe);

async function page(territoire?: string) {
  const provider = await fixture<BarometreProvider>(html`
    <barometre-provider api=${API} territoire=${territoire ?? ''}>
      <barometre-territoire-select></barometre-territoire-select>
      <territory-probe></territory-probe>
    </barometre-provider>
  `);
  const picker = provider.querySelector<BarometreTerritoireSelect>('barometre-territoire-select')!;
  const probe = provider.querySelector<TerritoryProbe>('territory-probe')!;
  return { provider, picker, probe };
}

const fieldReads = async (picker: BarometreTerritoireSelect, text: string) =>
  waitUntil(() => combobox(picker).value === text, `the field reads "${combobox(picker).value}", not "${text}"`);

describe('<barometre-territoire-select> inside <barometre-provider>', () => {
  let fake: FakeTerritoires;

  beforeEach(async () => {
    fake = installFakeTerritoires(await loadSample());
  });

  afterEach(() => fake.restore());

  it('sets the provider’s territory: a chart beside it follows', async () => {
    const { provider, picker, probe } = await page('departement:35');
    await probe.updateComplete;
    expect(probe.shadowRoot!.textContent).to.equal('departement:35');
    await fieldReads(picker, 'Ille-et-Vilaine');
    // Typing over the selected name, as after a double click.
    combobox(picker).select();
    await type(picker, 'st etienne');
    await untilOptions(picker);
    await press('ArrowDown');
    const changed = oneEvent(provider, 'barometre-territoire-change');
    await press('Enter');
    expect((await changed).detail).to.deep.equal({ territoire: 'commune:42218' });
    expect(provider.territoire).to.equal('commune:42218');
    await probe.updateComplete;
    expect(probe.shadowRoot!.textContent).to.equal('commune:42218');
  });

  it('fires barometre-territoire-select, bubbling out of shadow roots, with the territory, its name and kind', async () => {
    const { picker } = await page();
    await type(picker, 'rennes');
    await untilOptions(picker);
    const selected = oneEvent(document, 'barometre-territoire-select');
    // A tap or a click chooses too.
    options(picker)[1]!.click();
    const event = await selected;
    expect(event.bubbles && event.composed).to.equal(true);
    expect(event.detail).to.deep.equal({ territoire: 'epci:243500139', name: 'Rennes Métropole', kind: 'epci' });
    expect(combobox(picker).value).to.equal('Rennes Métropole');
  });

  it('shows the provider’s territory by name, and follows it when something else changes it', async () => {
    const { provider, picker } = await page('departement:35');
    await fieldReads(picker, 'Ille-et-Vilaine');
    expect(picker.value).to.equal('departement:35');
    provider.selectTerritoire('region:53');
    await fieldReads(picker, 'Bretagne');
    expect(picker.getAttribute('value')).to.equal('region:53');
  });

  it('shows a value set by the page, even when the provider names another territory', async () => {
    const provider = await fixture<BarometreProvider>(html`
      <barometre-provider api=${API} territoire="departement:35">
        <barometre-territoire-select value="commune:76575"></barometre-territoire-select>
      </barometre-provider>
    `);
    const picker = provider.querySelector<BarometreTerritoireSelect>('barometre-territoire-select')!;
    await fieldReads(picker, 'Saint-Étienne-du-Rouvray');
    picker.value = 'france';
    await fieldReads(picker, 'France');
  });

  it('gives the chosen name back to the field when the focus leaves without a choice', async () => {
    const { picker } = await page('commune:35238');
    await fieldReads(picker, 'Rennes');
    await typeInto(combobox(picker), 'saint');
    await untilOptions(picker);
    combobox(picker).blur();
    combobox(picker).dispatchEvent(new FocusEvent('focusout', { bubbles: true, composed: true }));
    await fieldReads(picker, 'Rennes');
    expect(options(picker)).to.have.length(0);
    expect(picker.value).to.equal('commune:35238');
  });

  it('does not look up again a territory it has just listed', async () => {
    const { picker } = await page();
    await type(picker, 'rennes');
    await untilOptions(picker);
    const searched = fake.queries();
    await press('ArrowDown');
    await press('Enter');
    await picker.updateComplete;
    expect(picker.value).to.equal('commune:35238');
    expect(fake.queries()).to.deep.equal(searched);
  });
});
