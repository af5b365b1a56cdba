import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { resetMouse, sendKeys, sendMouse } from '@web/test-runner-commands';
import '../../../src/elements/carte/define.js';
import '../../../src/elements/provider/define.js';
import type { BarometreCarte } from '../../../src/elements/carte/barometre-carte.js';
import type { BarometreProvider } from '../../../src/elements/provider/barometre-provider.js';
import { captureEvents } from '../charts/helpers/events.js';
import { HIDDEN_CELL_ID, ILLE_ET_VILAINE, INSUFFISANT_ID, MASQUE_ID } from './fixtures/map-results.js';
import { API, installMapApi, type FakeApi } from './helpers/map-api.js';
import { focusedId, optionOf, options, part, shadow, text, tooltipText, untilDrawn } from './helpers/map-dom.js';

const NNBSP = '\u202f';

/** A page with a button before the map, inside a provider. */
async function page(providerTerritoire = '', attributes = ''): Promise<{ provider: BarometreProvider; el: BarometreCarte; before: HTMLButtonElement }> {
  const wrapper = await fixture<HTMLElement>(html`<div style="width: 640px"></div>`);
  wrapper.innerHTML = `
    <button type="button">Avant</button>
    <barometre-provider api="${API}" ${providerTerritoire ? `territoire="${providerTerritoire}"` : ''}>
      <barometre-carte theme="inclusion" question="lieu_mediation" code="oui" ${attributes}></barometre-carte>
    </barometre-provider>`;
  const el = wrapper.querySelector<BarometreCarte>('barometre-carte')!;
  await untilDrawn(el);
  return { provider: wrapper.querySelector<BarometreProvider>('barometre-provider')!, el, before: wrapper.querySelector('button')! };
}

async function press(el: BarometreCarte, key: string): Promise<void> {
  await sendKeys({ press: key });
  await el.updateComplete;
  await el.updateComplete;
}

/** The centre of an option on screen, for the mouse. */
function centreOf(element: Element): [number, number] {
  const box = element.getBoundingClientRect();
  return [Math.round(box.left + box.width / 2), Math.round(box.top + box.height / 2)];
}

describe('<barometre-carte> keyboard, pointer and selection', () => {
  let api: FakeApi;
  let capture: ReturnType<typeof captureEvents>;

  beforeEach(() => {
    api = installMapApi();
    capture = captureEvents(['barometre-territoire-select', 'barometre-territoire-change']);
  });

  afterEach(async () => {
    api.restore();
    capture.stop();
    await resetMouse();
  });

  it('is one tab stop: Tab enters the map on the first territory, Tab again leaves it', async () => {
    const { el, before } = await page();
    const stops = options(el).filter((option) => option.getAttribute('tabindex') === '0');
    expect(stops.map((stop) => stop.getAttribute('data-id'))).to.deep.equal(['departement:01']);
    before.focus();
    await press(el, 'Tab');
    expect(focusedId(el)).to.equal('departement:01');
    await press(el, 'Tab');
    expect(focusedId(el)).to.equal(null);
  });

  it('enters on the current territory, which is outlined and selected', async () => {
    const { el, before } = await page(ILLE_ET_VILAINE.id);
    const current = optionOf(el, ILLE_ET_VILAINE.id);
    expect(current.getAttribute('aria-selected')).to.equal('true');
    expect(options(el).filter((option) => option.getAttribute('aria-selected') === 'true')).to.have.length(1);
    expect(shadow(el).querySelector('.ring .edge.current')).to.not.equal(null);
    expect(text(part(el, 'legend')!.querySelector('li[data-kind="current"]'))).to.equal('Territoire choisi : Ille-et-Vilaine');
    before.focus();
    await press(el, 'Tab');
    expect(focusedId(el)).to.equal(ILLE_ET_VILAINE.id);
  });

  it('moves with the arrows in département order, Home and End to the ends, overseas tiles last', async () => {
    const { el, before } = await page(ILLE_ET_VILAINE.id);
    before.focus();
    await press(el, 'Tab');
    await press(el, 'ArrowRight');
    expect(focusedId(el)).to.equal('departement:36');
    await press(el, 'ArrowDown');
    expect(focusedId(el)).to.equal('departement:37');
    await press(el, 'ArrowUp');
    await press(el, 'ArrowLeft');
    expect(focusedId(el)).to.equal(ILLE_ET_VILAINE.id);
    await press(el, 'Home');
    expect(focusedId(el)).to.equal('departement:01');
    await press(el, 'ArrowLeft');
    expect(focusedId(el)).to.equal('departement:01');
    await press(el, 'End');
    expect(focusedId(el)).to.equal('departement:976');
    await press(el, 'ArrowLeft');
    expect(focusedId(el)).to.equal('departement:974');
    expect(shadow(el).activeElement!.getAttribute('part')).to.equal('inset');
    // Still one tab stop: the one focused.
    expect(options(el).filter((option) => option.getAttribute('tabindex') === '0').map((o) => o.getAttribute('data-id'))).to.deep.equal([
      'departement:974',
    ]);
  });

  it('jumps to a territory by typing its name or number', async () => {
    const { el, before } = await page();
    before.focus();
    await press(el, 'Tab');
    await sendKeys({ type: 'fin' });
    await el.updateComplete;
    expect(focusedId(el)).to.equal('departement:29');
    await new Promise((resolve) => setTimeout(resolve, 900));
    await sendKeys({ type: '35' });
    await el.updateComplete;
    expect(focusedId(el)).to.equal(ILLE_ET_VILAINE.id);
  });

  it('selects with Enter: the provider takes the territory and the event fires', async () => {
    const { provider, el, before } = await page('departement:29');
    before.focus();
    await press(el, 'Tab');
    expect(focusedId(el)).to.equal('departement:29');
    for (let step = 0; step < 6; step += 1) await press(el, 'ArrowRight');
    expect(focusedId(el)).to.equal(ILLE_ET_VILAINE.id);
    await press(el, 'Enter');
    expect(provider.territoire).to.equal(ILLE_ET_VILAINE.id);
    const [select] = capture.of('barometre-territoire-select');
    expect(select!.detail).to.deep.equal({ territoire: ILLE_ET_VILAINE.id, name: 'Ille-et-Vilaine', kind: 'departement' });
    expect(select!.bubbles && select!.composed).to.equal(true);
    expect(capture.of('barometre-territoire-change')[0]!.detail).to.deep.equal({ territoire: ILLE_ET_VILAINE.id });
    await waitUntil(() => optionOf(el, ILLE_ET_VILAINE.id).getAttribute('aria-selected') === 'true');
    expect(optionOf(el, 'departement:29').getAttribute('aria-selected')).to.equal('false');
    expect(text(part(el, 'announcer'))).to.equal('Ille-et-Vilaine choisi comme territoire.');
    // Focus stays where it was.
    expect(focusedId(el)).to.equal(ILLE_ET_VILAINE.id);
  });

  it('selects with Space and with a click, overseas tiles too', async () => {
    const { provider, el, before } = await page();
    before.focus();
    await press(el, 'Tab');
    await press(el, 'End');
    await press(el, ' ');
    expect(provider.territoire).to.equal('departement:976');
    optionOf(el, INSUFFISANT_ID).dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    await el.updateComplete;
    expect(provider.territoire).to.equal(INSUFFISANT_ID);
    expect(capture.of('barometre-territoire-select').map((event) => event.detail.territoire)).to.deep.equal(['departement:976', INSUFFISANT_ID]);
  });

  it('selects at région level, and outlines the région of a current département', async () => {
    const { provider, el, before } = await page(ILLE_ET_VILAINE.id, 'niveau="region"');
    expect(optionOf(el, 'region:53').getAttribute('aria-selected')).to.equal('true');
    before.focus();
    await press(el, 'Tab');
    expect(focusedId(el)).to.equal('region:53');
    await press(el, 'ArrowRight');
    expect(focusedId(el)).to.equal('region:24');
    await press(el, 'Enter');
    expect(provider.territoire).to.equal('region:24');
    expect(capture.of('barometre-territoire-select')[0]!.detail).to.deep.equal({ territoire: 'region:24', name: 'Centre-Val de Loire', kind: 'region' });
  });

  it('without a provider, moves its own outline', async () => {
    const el = await fixture<BarometreCarte>(html`
      <barometre-carte api=${API} theme="inclusion" question="lieu_mediation" code="oui"></barometre-carte>
    `);
    await untilDrawn(el);
    optionOf(el, ILLE_ET_VILAINE.id).dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    await el.updateComplete;
    expect(el.territoire).to.equal(ILLE_ET_VILAINE.id);
    expect(optionOf(el, ILLE_ET_VILAINE.id).getAttribute('aria-selected')).to.equal('true');
  });

  it('shows the focused territory in a tooltip beside it; Escape dismisses it', async () => {
    const { el, before } = await page(ILLE_ET_VILAINE.id);
    expect(tooltipText(el)).to.equal('');
    before.focus();
    await press(el, 'Tab');
    expect(tooltipText(el)).to.equal(`Ille-et-Vilaine 26${NNBSP}% n = 42`);
    const tip = part(el, 'tooltip')!.getBoundingClientRect();
    const shape = optionOf(el, ILLE_ET_VILAINE.id).getBoundingClientRect();
    expect(tip.bottom <= shape.top + 1 || tip.top >= shape.bottom - 1).to.equal(true);
    expect(Math.abs(tip.left + tip.width / 2 - (shape.left + shape.width / 2))).to.be.below(tip.width / 2 + 1);
    expect(part(el, 'tooltip')!.getAttribute('aria-hidden')).to.equal('true');
    // Focus rings it.
    expect(shadow(el).querySelector('.ring .edge.focus')).to.not.equal(null);
    await press(el, 'ArrowLeft');
    expect(tooltipText(el)).to.match(/^Ille-et-Vilaine|^Indre|^Hérault/);
    expect(tooltipText(el)).to.equal(`${text(shadow(el).querySelector('.tooltip strong'))} ${text(shadow(el).querySelectorAll('.tooltip span')[0])} ${text(shadow(el).querySelectorAll('.tooltip span')[1])}`);
    await press(el, 'Escape');
    expect(tooltipText(el)).to.equal('');
    await press(el, 'ArrowRight');
    expect(tooltipText(el)).to.equal(`Ille-et-Vilaine 26${NNBSP}% n = 42`);
  });

  it('shows the hovered territory in the tooltip and the live region', async () => {
    const { el } = await page();
    await sendMouse({ type: 'move', position: centreOf(optionOf(el, INSUFFISANT_ID)) });
    await waitUntil(() => tooltipText(el) !== '', 'no tooltip on hover');
    // Below the threshold: the state in words, and no number of respondents, which is not published.
    expect(tooltipText(el)).to.equal("Côtes-d'Armor moins de 5 réponses");
    expect(text(part(el, 'announcer'))).to.equal("Côtes-d'Armor : moins de 5 réponses");
    expect(shadow(el).querySelector('.ring .edge.hover')).to.not.equal(null);
    await sendMouse({ type: 'move', position: centreOf(optionOf(el, MASQUE_ID)) });
    await waitUntil(() => tooltipText(el).startsWith('Morbihan'));
    expect(tooltipText(el)).to.equal('Morbihan masqué (secret statistique)');
    expect(text(part(el, 'announcer'))).to.equal('Morbihan : masqué (secret statistique)');
    // A published territory whose answer is hidden still has its number of respondents.
    await sendMouse({ type: 'move', position: centreOf(optionOf(el, HIDDEN_CELL_ID)) });
    await waitUntil(() => tooltipText(el).startsWith('Finistère'));
    expect(tooltipText(el)).to.equal('Finistère masqué (secret statistique) n = 30');
    expect(text(part(el, 'announcer'))).to.equal('Finistère : masqué (secret statistique) (n = 30)');
    await sendMouse({ type: 'move', position: centreOf(optionOf(el, 'departement:48')) });
    await waitUntil(() => tooltipText(el).startsWith('Lozère'));
    expect(tooltipText(el)).to.equal('Lozère aucune réponse');
    // Leaving the map hides it.
    await sendMouse({ type: 'move', position: [2, 2] });
    await waitUntil(() => tooltipText(el) === '', 'the tooltip stayed after the pointer left');
  });
});
