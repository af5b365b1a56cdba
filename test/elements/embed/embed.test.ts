import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../src/elements/carte/define.js';
import '../../../src/elements/indicateur/define.js';
import '../../../src/elements/provider/define.js';
import '../../../src/elements/territoire-chart/define.js';
import type { BarometreCarte } from '../../../src/elements/carte/barometre-carte.js';
import type { BarometreIndicateur } from '../../../src/elements/indicateur/barometre-indicateur.js';
import type { BarometreTerritoireChart } from '../../../src/elements/territoire-chart/barometre-territoire-chart.js';
import { installMapApi } from '../carte/helpers/map-api.js';
import { part, shadow, text, untilStatus } from '../charts/helpers/dom.js';
import { API, installFakeApi, type FakeApi } from '../charts/helpers/fake-api.js';

/** Where the snippets load the script-tag build from when the page has none: beside the API. */
const SCRIPT = '<script type="module" src="https://api.barometre.test/cdn/barometre-widgets.js"></script>';

type Figure = HTMLElement & { updateComplete: Promise<boolean>; embedSnippet(): Promise<string> };

const toggle = (el: Element) => part<HTMLButtonElement>(el, 'embed-button');
const code = (el: Element) => part<HTMLTextAreaElement>(el, 'embed-code');
const panel = (el: Element) => part(el, 'embed');

/** Opens the panel with a click, as a pointer user would, and waits for its code to arrive. */
async function open(el: Figure): Promise<HTMLTextAreaElement> {
  toggle(el)!.click();
  await waitUntil(() => code(el), 'the panel never opened', { timeout: 5000 });
  await el.updateComplete;
  return code(el)!;
}

/**
 * The snippet the panel shows once the element has rendered its latest settings. A change that
 * asks for other figures hides the toolbar while they load; the panel, still open, comes back with them.
 */
async function shown(el: Figure): Promise<string> {
  await el.updateComplete;
  await waitUntil(() => code(el), 'the panel did not come back with the figures', { timeout: 5000 });
  return code(el)!.value;
}

async function chart(markup: string): Promise<BarometreTerritoireChart> {
  const wrapper = await fixture<HTMLElement>(html`<main></main>`);
  wrapper.innerHTML = markup;
  const el = wrapper.querySelector<BarometreTerritoireChart>('barometre-territoire-chart')!;
  await untilStatus(el, 'ready');
  await waitUntil(() => toggle(el), 'no toolbar');
  return el;
}

describe('"Intégrer": the snippet of what is on screen', () => {
  let api: FakeApi;
  let writeText: typeof navigator.clipboard.writeText;

  beforeEach(() => {
    api = installFakeApi();
    writeText = navigator.clipboard.writeText;
  });

  afterEach(() => {
    api.restore();
    Object.defineProperty(navigator.clipboard, 'writeText', { value: writeText, configurable: true });
  });

  it('ends the chart’s toolbar with a collapsed toggle; opening it shows the chart’s snippet, focused and selected', async () => {
    const el = await chart(
      `<barometre-territoire-chart api="${API}" theme="cybersecurite" question="rssi" territoire="departement:35" comparer="region france"></barometre-territoire-chart>`,
    );
    const button = toggle(el)!;
    expect(text(button)).to.equal('Intégrer');
    expect(button.getAttribute('aria-expanded')).to.equal('false');
    expect(button.hasAttribute('aria-controls')).to.equal(false);
    expect([...part(el, 'toolbar')!.querySelectorAll('button')].at(-1)).to.equal(button);
    expect(panel(el)).to.equal(null);

    const area = await open(el);
    expect(button.getAttribute('aria-expanded')).to.equal('true');
    expect(shadow(el).getElementById(button.getAttribute('aria-controls')!)).to.equal(panel(el));
    expect(area.readOnly).to.equal(true);
    expect(area.value).to.equal(
      `${SCRIPT}\n<barometre-territoire-chart\n  api="${API}"\n  theme="cybersecurite"\n  question="rssi"\n  territoire="departement:35"\n  comparer="region france"\n  lang="fr"\n></barometre-territoire-chart>`,
    );
    expect(shadow(el).activeElement).to.equal(area);
    expect([area.selectionStart, area.selectionEnd]).to.deep.equal([0, area.value.length]);
    expect(text(part(el, 'embed')!.querySelector('#embed-title'))).to.equal('Intégrer ce graphique dans une page');
    expect(text(shadow(el).querySelector('label[for="embed-code"]'))).to.equal('Code HTML à copier');
    expect(await el.embedSnippet()).to.equal(area.value);
  });

  it('follows the chart’s attributes as they change: layout, base, weighting, comparisons, territory, language, decimals', async () => {
    const el = await chart(
      `<barometre-territoire-chart api="${API}" theme="cybersecurite" question="rssi" territoire="departement:35" comparer="region france"></barometre-territoire-chart>`,
    );
    await open(el);
    el.type = 'colonnes';
    el.base = 'toutes';
    el.setAttribute('ponderation', 'redressee');
    el.setAttribute('comparer', 'france, similaires');
    el.setAttribute('decimales', '1');
    el.setAttribute('lang', 'en');
    expect(await shown(el)).to.equal(
      `${SCRIPT}\n<barometre-territoire-chart\n  api="${API}"\n  theme="cybersecurite"\n  question="rssi"\n  territoire="departement:35"\n` +
        `  comparer="france similaires"\n  type="colonnes"\n  base="toutes"\n  ponderation="redressee"\n  decimales="1"\n  lang="en"\n></barometre-territoire-chart>`,
    );
    // An unknown layout draws bars, the default, so the snippet leaves it out as the chart does.
    el.setAttribute('type', 'camembert');
    el.removeAttribute('comparer');
    expect(await shown(el)).not.to.match(/ {2}type=|comparer=/);
    expect(await el.embedSnippet()).to.equal(code(el)!.value);
    // The panel speaks the element's language too.
    expect(text(part(el, 'embed-copy-button'))).to.equal('Copy');
  });

  it('writes the provider’s settings on the element, with absolute addresses, since the snippet stands alone', async () => {
    const wrapper = await fixture<HTMLElement>(html`<main></main>`);
    wrapper.innerHTML = `<barometre-provider api="${API}/" territoire="departement:35" lang="en" ponderation="redressee">
      <barometre-territoire-chart theme="cybersecurite" question="rssi" comparer="region"></barometre-territoire-chart>
    </barometre-provider>`;
    const el = wrapper.querySelector<BarometreTerritoireChart>('barometre-territoire-chart')!;
    await untilStatus(el, 'ready');
    await waitUntil(() => toggle(el));
    await open(el);
    expect(await shown(el)).to.equal(
      `${SCRIPT}\n<barometre-territoire-chart\n  api="${API}"\n  theme="cybersecurite"\n  question="rssi"\n  territoire="departement:35"\n` +
        `  comparer="region"\n  ponderation="redressee"\n  lang="en"\n></barometre-territoire-chart>`,
    );
    expect(text(part(el, 'embed')!.querySelector('#embed-title'))).to.equal('Embed this chart in a page');
    // The provider moves to another territory: the snippet follows.
    wrapper.querySelector('barometre-provider')!.setAttribute('territoire', 'departement:22');
    await waitUntil(() => code(el)?.value.includes('territoire="departement:22"'), 'the snippet did not follow the provider', { timeout: 5000 });
  });

  it('takes the page’s own loader when it has one, and makes relative addresses absolute', async () => {
    const script = document.createElement('script');
    script.type = 'module';
    // Never served (404): only its address matters here.
    script.src = '/static/barometre-embed-test/barometre-widgets.js';
    document.head.append(script);
    try {
      const el = await fixture<BarometreIndicateur>(
        html`<barometre-indicateur api="/nowhere/api/v1" theme="inclusion" question="lieu_mediation" code="oui" territoire="departement:35"></barometre-indicateur>`,
      );
      expect(await el.embedSnippet()).to.equal(
        `<script type="module" src="${location.origin}/static/barometre-embed-test/barometre-widgets.js"></script>\n` +
          `<barometre-indicateur\n  api="${location.origin}/nowhere/api/v1"\n  theme="inclusion"\n  question="lieu_mediation"\n  code="oui"\n  territoire="departement:35"\n  lang="fr"\n></barometre-indicateur>`,
      );
    } finally {
      script.remove();
    }
  });

  it('escapes the values it writes', async () => {
    const el = await chart(
      `<barometre-territoire-chart api="${API}" theme="cybersecurite" question="rssi" territoire="departement:35"></barometre-territoire-chart>`,
    );
    await open(el);
    // A territory the API does not know: the snippet is still written, as the element's method gives it.
    el.territoire = 'departement:35" onmouseover="alert(1)';
    const snippet = await el.embedSnippet();
    expect(snippet).to.include('territoire="departement:35&quot; onmouseover=&quot;alert(1)"');
    expect(snippet).not.to.include('" onmouseover="');
  });

  it('copies the snippet and says so in a live region; copying again says it again', async () => {
    const copied: string[] = [];
    Object.defineProperty(navigator.clipboard, 'writeText', {
      value: (value: string) => {
        copied.push(value);
        return Promise.resolve();
      },
      configurable: true,
    });
    const el = await chart(
      `<barometre-territoire-chart api="${API}" theme="cybersecurite" question="rssi" territoire="departement:35"></barometre-territoire-chart>`,
    );
    const area = await open(el);
    const status = part(el, 'embed-status')!;
    expect(status.getAttribute('role')).to.equal('status');
    expect(text(status)).to.equal('');
    part<HTMLButtonElement>(el, 'embed-copy-button')!.click();
    await waitUntil(() => text(part(el, 'embed-status')) !== '');
    expect(copied).to.deep.equal([area.value]);
    expect(text(part(el, 'embed-status'))).to.equal('Code copié dans le presse-papiers.');
    // The same region, present before the message: it is announced rather than created with it.
    expect(part(el, 'embed-status')).to.equal(status);
    part<HTMLButtonElement>(el, 'embed-copy-button')!.click();
    await waitUntil(() => copied.length === 2);
    await waitUntil(() => text(part(el, 'embed-status')) !== '');
  });

  it('without the clipboard, selects the code for one keystroke and says how to copy it', async () => {
    Object.defineProperty(navigator.clipboard, 'writeText', { value: () => Promise.reject(new DOMException('denied', 'NotAllowedError')), configurable: true });
    const el = await chart(
      `<barometre-territoire-chart api="${API}" theme="cybersecurite" question="rssi" territoire="departement:35"></barometre-territoire-chart>`,
    );
    const area = await open(el);
    part<HTMLButtonElement>(el, 'embed-copy-button')!.click();
    await waitUntil(() => text(part(el, 'embed-status')) !== '');
    expect(text(part(el, 'embed-status'))).to.match(/^Copie automatique impossible/);
    expect(shadow(el).activeElement).to.equal(area);
    expect([area.selectionStart, area.selectionEnd]).to.deep.equal([0, area.value.length]);
  });

  it('works with the keyboard alone: Enter opens, Tab reaches Copier and Fermer, Escape closes and gives the focus back', async () => {
    const el = await chart(
      `<barometre-territoire-chart api="${API}" theme="cybersecurite" question="rssi" territoire="departement:35"></barometre-territoire-chart>`,
    );
    const button = toggle(el)!;
    button.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => code(el) && shadow(el).activeElement === code(el), 'Enter did not open the panel with the focus on the code');
    await sendKeys({ press: 'Tab' });
    expect(shadow(el).activeElement).to.equal(part(el, 'embed-copy-button'));
    await sendKeys({ press: 'Tab' });
    expect(shadow(el).activeElement).to.equal(part(el, 'embed-close-button'));
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(panel(el)).to.equal(null);
    expect(shadow(el).activeElement).to.equal(button);
    expect(button.getAttribute('aria-expanded')).to.equal('false');

    // Space opens too; Fermer closes and gives the focus back; the toggle closes what it opened.
    await sendKeys({ press: 'Space' });
    await waitUntil(() => code(el));
    part<HTMLButtonElement>(el, 'embed-close-button')!.click();
    await el.updateComplete;
    expect(panel(el)).to.equal(null);
    expect(shadow(el).activeElement).to.equal(button);
    button.click();
    await waitUntil(() => code(el));
    button.click();
    await el.updateComplete;
    expect(panel(el)).to.equal(null);
  });

  it('keeps Escape from the page around it', async () => {
    const el = await chart(
      `<barometre-territoire-chart api="${API}" theme="cybersecurite" question="rssi" territoire="departement:35"></barometre-territoire-chart>`,
    );
    let outside = 0;
    const count = (event: KeyboardEvent) => event.key === 'Escape' && (outside += 1);
    document.addEventListener('keydown', count);
    try {
      await open(el);
      await sendKeys({ press: 'Escape' });
      await el.updateComplete;
      expect(panel(el)).to.equal(null);
      expect(outside).to.equal(0);
    } finally {
      document.removeEventListener('keydown', count);
    }
  });

  it('finds no accessibility violation with the panel open, in French and in English', async () => {
    const el = await chart(
      `<barometre-territoire-chart api="${API}" theme="cybersecurite" question="rssi" territoire="departement:35" comparer="region france"></barometre-territoire-chart>`,
    );
    await expect(el).to.be.accessible();
    await open(el);
    await expect(el).to.be.accessible();
    el.setAttribute('lang', 'en');
    await el.updateComplete;
    await expect(el).to.be.accessible();
  });

  describe('key figure', () => {
    it('has a toolbar of its own with only "Intégrer"; its snippet names the answer and leaves its default comparison out', async () => {
      const el = await fixture<BarometreIndicateur>(
        html`<barometre-indicateur api=${API} theme="inclusion" question="lieu_mediation" code="oui" territoire="departement:35"></barometre-indicateur>`,
      );
      await untilStatus(el, 'ready');
      await waitUntil(() => toggle(el));
      expect([...part(el, 'toolbar')!.querySelectorAll('button')].map((button) => text(button))).to.deep.equal(['Intégrer']);
      await open(el);
      expect(await shown(el)).to.equal(
        `${SCRIPT}\n<barometre-indicateur\n  api="${API}"\n  theme="inclusion"\n  question="lieu_mediation"\n  code="oui"\n  territoire="departement:35"\n  lang="fr"\n></barometre-indicateur>`,
      );
      expect(text(part(el, 'embed')!.querySelector('#embed-title'))).to.equal('Intégrer ce chiffre clé dans une page');
      // No comparison at all differs from the default (France): it is written.
      el.setAttribute('comparer', '');
      expect(await shown(el)).to.include('comparer=""');
      el.setAttribute('comparer', 'region');
      expect(await shown(el)).to.include('comparer="region"');
      await expect(el).to.be.accessible();
    });
  });

  describe('map', () => {
    beforeEach(() => {
      api.restore();
      api = installMapApi();
    });

    it('writes the answer, the level and the fixed classes, and the territory chosen on the map', async () => {
      const wrapper = await fixture<HTMLElement>(html`<main></main>`);
      wrapper.innerHTML = `<barometre-carte api="${API}" theme="inclusion" question="lieu_mediation" code="oui" niveau="region" seuils="60, 20 40"></barometre-carte>`;
      const el = wrapper.querySelector<BarometreCarte>('barometre-carte')!;
      await untilStatus(el, 'ready');
      await waitUntil(() => toggle(el));
      await open(el);
      expect(await shown(el)).to.equal(
        `${SCRIPT}\n<barometre-carte\n  api="${API}"\n  theme="inclusion"\n  question="lieu_mediation"\n  code="oui"\n  niveau="region"\n  seuils="20 40 60"\n  lang="fr"\n></barometre-carte>`,
      );
      expect(text(part(el, 'embed')!.querySelector('#embed-title'))).to.equal('Intégrer cette carte dans une page');
      // Seuils the map cannot read give quintiles, as no seuils do: left out.
      el.setAttribute('seuils', 'beaucoup');
      el.setAttribute('niveau', 'departement');
      el.territoire = 'departement:35';
      const snippet = await shown(el);
      expect(snippet).not.to.match(/seuils=|niveau=/);
      expect(snippet).to.include('territoire="departement:35"');
      await expect(el).to.be.accessible();
    });
  });
});
