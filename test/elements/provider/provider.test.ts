import { expect, fixture, html } from '@open-wc/testing';
import { html as litHtml } from 'lit';
import { BarometreProvider } from '../../../src/elements/provider/barometre-provider.js';
import { ConfiguredElement } from '../../../src/elements/shared/configured-element.js';

/** A minimal element that shows what configuration it sees. */
class ConfigProbe extends ConfiguredElement {
  protected override render() {
    return litHtml`${this.apiBase ?? '-'}|${this.effectiveLang}|${this.config.territoire ?? '-'}`;
  }
}
customElements.define('config-probe', ConfigProbe);

let counter = 0;
const uniqueTag = (base: string) => `${base}-${++counter}`;

function seen(probe: Element): string {
  return probe.shadowRoot!.textContent!.trim();
}

describe('<barometre-provider>', () => {
  before(() => {
    if (!customElements.get('barometre-provider')) customElements.define('barometre-provider', BarometreProvider);
  });

  it('shares api, territory and language with the elements inside', async () => {
    const el = await fixture(html`
      <barometre-provider api="https://example.org/api/v1/" territoire="departement:35" lang="en">
        <div><config-probe></config-probe></div>
      </barometre-provider>
    `);
    const probe = el.querySelector('config-probe')!;
    await (probe as ConfigProbe).updateComplete;
    expect(seen(probe)).to.equal('https://example.org/api/v1|en|departement:35');
  });

  it('updates every element inside when a provider attribute changes', async () => {
    const el = await fixture<BarometreProvider>(html`
      <barometre-provider api="/a" territoire="region:53"><config-probe></config-probe><config-probe></config-probe></barometre-provider>
    `);
    el.setAttribute('territoire', 'france');
    el.setAttribute('api', '/b');
    await el.updateComplete;
    const probes = [...el.querySelectorAll<ConfigProbe>('config-probe')];
    await Promise.all(probes.map((p) => p.updateComplete));
    expect(probes.map(seen)).to.deep.equal(['/b|fr|france', '/b|fr|france']);
  });

  it("lets an element's own attribute win over the provider's", async () => {
    const el = await fixture(html`
      <barometre-provider api="/provider" lang="en"><config-probe api="/own" lang="fr"></config-probe></barometre-provider>
    `);
    const probe = el.querySelector<ConfigProbe>('config-probe')!;
    await probe.updateComplete;
    expect(seen(probe)).to.equal('/own|fr|-');
  });

  it('reaches elements upgraded before the provider is defined', async () => {
    const providerTag = uniqueTag('late-provider');
    const wrapper = await fixture(html`<div></div>`);
    wrapper.innerHTML = `<${providerTag} api="/late" territoire="departement:29"><config-probe></config-probe></${providerTag}>`;
    const probe = wrapper.querySelector<ConfigProbe>('config-probe')!;
    await probe.updateComplete;
    expect(seen(probe)).to.equal('-|fr|-');
    customElements.define(providerTag, class extends BarometreProvider {});
    await (wrapper.firstElementChild as BarometreProvider).updateComplete;
    await probe.updateComplete;
    expect(seen(probe)).to.equal('/late|fr|departement:29');
  });

  it('follows the page language when neither element nor provider sets one', async () => {
    const el = await fixture(html`<section lang="en"><config-probe></config-probe></section>`);
    const probe = el.querySelector<ConfigProbe>('config-probe')!;
    await probe.updateComplete;
    expect(seen(probe)).to.equal('-|en|-');
  });

  it('announces a territory chosen from inside', async () => {
    const el = await fixture<BarometreProvider>(html`<barometre-provider territoire="france"></barometre-provider>`);
    let announced: unknown;
    el.addEventListener('barometre-territoire-change', (e) => (announced = (e as CustomEvent).detail));
    el.selectTerritoire('departement:35');
    await el.updateComplete;
    expect(announced).to.deep.equal({ territoire: 'departement:35' });
    expect(el.territoire).to.equal('departement:35');
  });
});
