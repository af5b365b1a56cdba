import { expect, fixture, html } from '@open-wc/testing';
import { sendMouse, resetMouse } from '@web/test-runner-commands';
import '../../../src/elements/territoire-select/define.js';
import type { BarometreTerritoireSelect } from '../../../src/elements/territoire-select/barometre-territoire-select.js';
import { combobox, isOpen, options, type, untilOptions } from './helpers/combobox.js';
import { API, installFakeTerritoires, type FakeTerritoires } from './helpers/fake-territoires.js';
import { loadSample } from './helpers/sample.js';

/** The middle of an element, in viewport pixels, where a finger or a mouse lands. */
function centre(element: Element): [number, number] {
  const box = element.getBoundingClientRect();
  return [Math.round(box.x + box.width / 2), Math.round(box.y + box.height / 2)];
}

describe('<barometre-territoire-select> with a mouse or a finger', () => {
  let fake: FakeTerritoires;

  beforeEach(async () => {
    fake = installFakeTerritoires(await loadSample());
  });

  afterEach(async () => {
    fake.restore();
    await resetMouse();
  });

  async function picker(): Promise<BarometreTerritoireSelect> {
    const page = await fixture<HTMLDivElement>(html`
      <div style="padding: 8px">
        <barometre-territoire-select api=${API}></barometre-territoire-select>
        <p style="margin-top: 400px">Plus bas</p>
      </div>
    `);
    return page.querySelector('barometre-territoire-select')!;
  }

  it('chooses the option clicked, keeping the focus in the field', async () => {
    const el = await picker();
    let chosen: unknown;
    el.addEventListener('barometre-territoire-select', (event) => (chosen = event.detail));
    await type(el, 'rennes');
    await untilOptions(el);
    await sendMouse({ type: 'click', position: centre(options(el)[1]!) });
    expect(chosen).to.deep.equal({ territoire: 'epci:243500139', name: 'Rennes Métropole', kind: 'epci' });
    expect(combobox(el).value).to.equal('Rennes Métropole');
    expect(isOpen(el)).to.equal(false);
    expect(el.shadowRoot!.activeElement).to.equal(combobox(el));
  });

  it('closes the list when the field loses the focus', async () => {
    const el = await picker();
    await type(el, 'rennes');
    await untilOptions(el);
    await sendMouse({ type: 'click', position: centre(el.parentElement!.querySelector('p')!) });
    await el.updateComplete;
    expect(isOpen(el)).to.equal(false);
    expect(el.value).to.equal(undefined);
    expect(combobox(el).value, 'with nothing chosen yet, the typed text stays').to.equal('rennes');
  });
});
