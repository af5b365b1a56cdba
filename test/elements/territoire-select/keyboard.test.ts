import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../src/elements/territoire-select/define.js';
import type { BarometreTerritoireSelect } from '../../../src/elements/territoire-select/barometre-territoire-select.js';
import { combobox, highlighted, isOpen, nextFrame, options, optionTexts, press, status, type, untilOptions } from './helpers/combobox.js';
import { API, installFakeTerritoires, type FakeTerritoires } from './helpers/fake-territoires.js';
import { loadSample } from './helpers/sample.js';

async function picker(): Promise<BarometreTerritoireSelect> {
  const wrapper = await fixture<HTMLDivElement>(html`
    <div>
      <barometre-territoire-select api=${API}></barometre-territoire-select>
      <button type="button">Après</button>
    </div>
  `);
  return wrapper.querySelector('barometre-territoire-select')!;
}

/** The aria state a screen reader gets: expanded, and the id the combobox points at. */
function aria(el: BarometreTerritoireSelect) {
  const input = combobox(el);
  return { expanded: input.getAttribute('aria-expanded'), activedescendant: input.getAttribute('aria-activedescendant') };
}

describe('<barometre-territoire-select> with the keyboard', () => {
  let fake: FakeTerritoires;

  beforeEach(async () => {
    fake = installFakeTerritoires(await loadSample());
  });

  afterEach(() => fake.restore());

  it('opens the list on typing and announces the number of results, with nothing highlighted', async () => {
    const el = await picker();
    expect(aria(el)).to.deep.equal({ expanded: 'false', activedescendant: null });
    await type(el, 'rennes');
    await untilOptions(el);
    expect(optionTexts(el)).to.deep.equal(['Rennes — commune, Ille-et-Vilaine (35)', 'Rennes Métropole — intercommunalité, Ille-et-Vilaine (35)']);
    expect(aria(el)).to.deep.equal({ expanded: 'true', activedescendant: null });
    expect(status(el)).to.equal('2 résultats disponibles.');
  });

  it('moves the highlight with Down and Up, wrapping, with aria-activedescendant on the highlighted option', async () => {
    const el = await picker();
    await type(el, 'rennes');
    await untilOptions(el);
    const [rennes, metropole] = options(el);

    await press('ArrowDown');
    expect(aria(el)).to.deep.equal({ expanded: 'true', activedescendant: rennes!.id });
    expect(highlighted(el)).to.equal(rennes);
    expect(rennes!.getAttribute('aria-selected')).to.equal('true');
    expect(metropole!.getAttribute('aria-selected')).to.equal('false');

    await press('ArrowDown');
    expect(highlighted(el)).to.equal(metropole);
    expect(rennes!.getAttribute('aria-selected')).to.equal('false');
    await press('ArrowDown');
    expect(highlighted(el), 'Down on the last option wraps to the first').to.equal(rennes);
    await press('ArrowUp');
    expect(highlighted(el), 'Up on the first option wraps to the last').to.equal(metropole);
    // The focus never leaves the field: the highlight is only pointed at.
    expect(el.shadowRoot!.activeElement).to.equal(combobox(el));
  });

  it('selects the highlighted option with Enter: the field shows its name and the list closes', async () => {
    const el = await picker();
    let chosen: unknown;
    el.addEventListener('barometre-territoire-select', (event) => (chosen = event.detail));
    await type(el, 'st etienne');
    await untilOptions(el, 'Saint-Étienne — commune, Loire (42)');
    await press('ArrowDown');
    await press('ArrowDown');
    await press('Enter');
    expect(chosen).to.deep.equal({ territoire: 'epci:244200770', name: 'Saint-Étienne Métropole', kind: 'epci' });
    expect(el.value).to.equal('epci:244200770');
    expect(el.getAttribute('value')).to.equal('epci:244200770');
    expect(combobox(el).value).to.equal('Saint-Étienne Métropole');
    expect(aria(el)).to.deep.equal({ expanded: 'false', activedescendant: null });
    expect(status(el)).to.equal('Territoire choisi : Saint-Étienne Métropole — intercommunalité, Loire (42).');
  });

  it('does nothing on Enter while no option is highlighted', async () => {
    const el = await picker();
    let events = 0;
    el.addEventListener('barometre-territoire-select', () => events++);
    await type(el, 'rennes');
    await untilOptions(el);
    await press('Enter');
    expect(events).to.equal(0);
    expect(el.value).to.equal(undefined);
    expect(isOpen(el)).to.equal(true);
  });

  it('closes the list with Escape, then clears the field with a second Escape', async () => {
    const el = await picker();
    await type(el, 'rennes');
    await untilOptions(el);
    await press('ArrowDown');
    await press('Escape');
    expect(aria(el)).to.deep.equal({ expanded: 'false', activedescendant: null });
    expect(combobox(el).value).to.equal('rennes');
    await press('Escape');
    expect(combobox(el).value).to.equal('');
    expect(isOpen(el)).to.equal(false);
    expect(status(el)).to.equal('');
  });

  it('reopens with Down on the first option, with Up on the last, and with Alt+Down without highlighting', async () => {
    const el = await picker();
    await type(el, 'rennes');
    await untilOptions(el);
    await press('Escape');

    await press('Alt+ArrowDown');
    expect(isOpen(el)).to.equal(true);
    expect(aria(el).activedescendant).to.equal(null);
    await press('Escape');

    await press('ArrowDown');
    expect(highlighted(el)).to.equal(options(el)[0]);
    await press('Escape');

    await press('ArrowUp');
    expect(highlighted(el)).to.equal(options(el)[1]);
  });

  it('searches again when Down asks for the list of a text that has no results yet', async () => {
    const el = await picker();
    await type(el, 'rennes');
    await untilOptions(el);
    await press('ArrowDown');
    await press('Enter');
    expect(isOpen(el)).to.equal(false);
    // The field now reads "Rennes": Down lists what matches it, highlighting the first.
    await press('ArrowDown');
    await untilOptions(el);
    expect(highlighted(el)).to.equal(options(el)[0]);
    expect(fake.queries().slice(-2)).to.deep.equal(['rennes', 'Rennes']);
  });

  it('leaves Home and End to the caret, taking the highlight back to the field', async () => {
    const el = await picker();
    await type(el, 'rennes');
    await untilOptions(el);
    await press('ArrowDown');
    await press('Home');
    expect(combobox(el).selectionStart).to.equal(0);
    expect(aria(el)).to.deep.equal({ expanded: 'true', activedescendant: null });
    await press('End');
    expect(combobox(el).selectionStart).to.equal('rennes'.length);
    expect(isOpen(el)).to.equal(true);
  });

  it('filters as the person types on', async () => {
    const el = await picker();
    await type(el, 'ren');
    await untilOptions(el, 'Rennes Métropole — intercommunalité, Ille-et-Vilaine (35)');
    expect(options(el).length).to.equal(10);
    await sendKeys({ type: 'ai' });
    await untilOptions(el, 'Renaison — commune, Loire (42)');
    expect(optionTexts(el)).to.deep.equal(['Renaison — commune, Loire (42)']);
    expect(status(el)).to.equal('1 résultat disponible.');
  });

  it('leaves with Tab, closing the list without choosing', async () => {
    const el = await picker();
    let events = 0;
    el.addEventListener('barometre-territoire-select', () => events++);
    await type(el, 'rennes');
    await untilOptions(el);
    await press('ArrowDown');
    await press('Tab');
    expect(isOpen(el)).to.equal(false);
    expect(events).to.equal(0);
    expect(el.value).to.equal(undefined);
    expect(document.activeElement?.textContent).to.equal('Après');
    await nextFrame(200);
    expect(isOpen(el), 'a late answer does not reopen the list').to.equal(false);
  });
});
