import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../../src/elements/territoire-select/define.js';
import type { BarometreTerritoireSelect } from '../../../src/elements/territoire-select/barometre-territoire-select.js';
import { typeInto } from '../helpers/dom.js';
import { combobox, optionTexts, status, type, untilOptions, untilStatus } from './helpers/combobox.js';
import { API, REFERENTIEL, installFakeTerritoires, type FakeTerritoires } from './helpers/fake-territoires.js';
import { loadSample } from './helpers/sample.js';

/** The artefact files fetched, relative to their folder. */
function files(fake: FakeTerritoires, folder: string): string[] {
  return fake.artefacts.filter((url) => url.startsWith(folder)).map((url) => url.slice(folder.length));
}

describe('<barometre-territoire-select> searching the referential in the browser', () => {
  let fake: FakeTerritoires;
  // Each test gets its own folder: the artefact client is shared per folder across the page.
  let folder: string;
  let counter = 0;

  beforeEach(async () => {
    folder = `${REFERENTIEL}${++counter}/`;
    fake = installFakeTerritoires(await loadSample(), { referentiels: [folder, new URL('/referential/', window.location.href).href] });
  });

  afterEach(() => fake.restore());

  it('finds "st etienne" in the artefacts named by referentiel, without the API', async () => {
    const el = await fixture<BarometreTerritoireSelect>(html`<barometre-territoire-select referentiel=${folder}></barometre-territoire-select>`);
    // Typed in one go, so that only the whole text is searched.
    await typeInto(combobox(el), 'st etienne');
    await untilOptions(el);
    expect(optionTexts(el)).to.deep.equal([
      'Saint-Étienne — commune, Loire (42)',
      'Saint-Étienne Métropole — intercommunalité, Loire (42)',
      'Saint-Étienne-du-Rouvray — commune, Seine-Maritime (76)',
      'Saint-Étienne-le-Molard — commune, Loire (42)',
      'Gancourt-Saint-Étienne — commune, Seine-Maritime (76)',
    ]);
    // The index, then one small search shard: never the whole country.
    const fetched = files(fake, folder);
    expect(fetched[0]).to.equal('index.json');
    expect(fetched.slice(1)).to.have.length(1);
    expect(fetched[1]).to.match(/^search\/et[a-z]*\.json$/);
    expect(fake.searches).to.have.length(0);
  });

  it('finds communes by INSEE code, and départements and régions by name', async () => {
    const el = await fixture<BarometreTerritoireSelect>(html`<barometre-territoire-select referentiel=${folder}></barometre-territoire-select>`);
    await type(el, '35238');
    await untilOptions(el, 'Rennes — commune, Ille-et-Vilaine (35)');
    expect(files(fake, folder)).to.include('communes/35.json');
    combobox(el).select();
    await type(el, 'bretagne');
    await untilOptions(el, 'Bretagne — région');
  });

  it('keeps only the kinds named by niveaux', async () => {
    const el = await fixture<BarometreTerritoireSelect>(
      html`<barometre-territoire-select referentiel=${folder} niveaux="départements, régions"></barometre-territoire-select>`,
    );
    await type(el, 'ille');
    await untilOptions(el);
    expect(optionTexts(el)).to.deep.equal(['Ille-et-Vilaine — département (35)']);
    // No commune can match: no shard is downloaded.
    expect(files(fake, folder)).to.deep.equal(['index.json']);
  });

  it('uses /referential/ on the page’s server when given neither API nor referentiel', async () => {
    const el = await fixture<BarometreTerritoireSelect>(html`<barometre-territoire-select></barometre-territoire-select>`);
    await type(el, 'rennes');
    await untilOptions(el, 'Rennes — commune, Ille-et-Vilaine (35)');
    expect(fake.artefacts[0]).to.equal(`${window.location.origin}/referential/index.json`);
  });

  it('prefers its own referentiel to an API', async () => {
    const el = await fixture<BarometreTerritoireSelect>(html`<barometre-territoire-select api=${API} referentiel=${folder}></barometre-territoire-select>`);
    await type(el, 'rennes');
    await untilOptions(el);
    expect(fake.searches).to.have.length(0);
    expect(files(fake, folder)[0]).to.equal('index.json');
  });

  it('names a value set from outside from the artefacts', async () => {
    const el = await fixture<BarometreTerritoireSelect>(html`<barometre-territoire-select referentiel=${folder} value="commune:42218"></barometre-territoire-select>`);
    await waitUntil(() => combobox(el).value === 'Saint-Étienne', `the field reads "${combobox(el).value}"`);
    el.value = 'epci:243500139';
    await waitUntil(() => combobox(el).value === 'Rennes Métropole', `the field reads "${combobox(el).value}"`);
  });

  it('says when the files cannot be loaded, and tries again on "Réessayer"', async () => {
    const el = await fixture<BarometreTerritoireSelect>(html`<barometre-territoire-select referentiel=${folder}></barometre-territoire-select>`);
    fake.failing = true;
    await type(el, 'rennes');
    await untilStatus(el, 'La recherche n’a pas abouti');
    expect(status(el)).to.equal('La recherche n’a pas abouti : la liste des territoires n’a pas pu être chargée.');
    fake.failing = false;
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part="retry-button"]')!.click();
    await untilOptions(el, 'Rennes — commune, Ille-et-Vilaine (35)');
  });
});
