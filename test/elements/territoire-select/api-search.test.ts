import { expect, fixture, html } from '@open-wc/testing';
import '../../../src/elements/territoire-select/define.js';
import type { BarometreTerritoireSelect } from '../../../src/elements/territoire-select/barometre-territoire-select.js';
import { typeInto } from '../helpers/dom.js';
import { combobox, hint, isOpen, nextFrame, optionTexts, status, type, untilOptions, untilStatus } from './helpers/combobox.js';
import { API, installFakeTerritoires, type FakeTerritoires } from './helpers/fake-territoires.js';
import { loadSample } from './helpers/sample.js';

function picker(attributes: { niveaux?: string; lang?: string } = {}): Promise<BarometreTerritoireSelect> {
  return fixture<BarometreTerritoireSelect>(html`
    <barometre-territoire-select api=${API} niveaux=${attributes.niveaux ?? ''} lang=${attributes.lang ?? 'fr'}></barometre-territoire-select>
  `);
}

describe('<barometre-territoire-select> searching through the API', () => {
  let fake: FakeTerritoires;

  beforeEach(async () => {
    fake = installFakeTerritoires(await loadSample());
  });

  afterEach(() => fake.restore());

  it('lists each result with its kind and département', async () => {
    const el = await picker();
    await type(el, 'ille');
    await untilOptions(el);
    expect(optionTexts(el).slice(0, 3)).to.deep.equal([
      'Ille-et-Vilaine — département (35)',
      "CC Val d'Ille-Aubigné — intercommunalité, Ille-et-Vilaine (35)",
      'Montreuil-sur-Ille — commune, Ille-et-Vilaine (35)',
    ]);
    // Keys typed slowly may search a first letters' text too: the last search is the whole text.
    const { q, limit, lang } = fake.searches.at(-1)!;
    expect({ q, limit, lang }).to.deep.equal({ q: 'ille', limit: '10', lang: 'fr' });
  });

  it('finds names whatever the accents, case and punctuation: "st etienne" finds Saint-Étienne', async () => {
    const el = await picker();
    await type(el, 'ST ETIENNE');
    await untilOptions(el);
    expect(optionTexts(el)).to.deep.equal([
      'Saint-Étienne — commune, Loire (42)',
      'Saint-Étienne Métropole — intercommunalité, Loire (42)',
      'Saint-Étienne-du-Rouvray — commune, Seine-Maritime (76)',
      'Saint-Étienne-le-Molard — commune, Loire (42)',
      'Gancourt-Saint-Étienne — commune, Seine-Maritime (76)',
    ]);
  });

  it('finds territories by code', async () => {
    const el = await picker();
    await type(el, '35238');
    await untilOptions(el);
    expect(optionTexts(el)).to.deep.equal(['Rennes — commune, Ille-et-Vilaine (35)']);
    await typeInto(combobox(el), '53');
    await untilOptions(el, 'Bretagne — région');
    expect(optionTexts(el)).to.deep.equal(['Bretagne — région', 'Mayenne — département (53)']);
  });

  it('waits for 2 characters, and says so in the hint', async () => {
    const el = await picker();
    expect(hint(el)).to.equal('Tapez au moins 2 caractères du nom ou du code, puis choisissez dans la liste.');
    await type(el, 'r');
    await nextFrame(300);
    expect(fake.searches).to.have.length(0);
    expect(isOpen(el)).to.equal(false);
  });

  it('sends one request for the last text when typing fast', async () => {
    const el = await picker();
    await typeInto(combobox(el), 'saint etienne du');
    await untilOptions(el);
    expect(fake.queries()).to.deep.equal(['saint etienne du']);
    expect(optionTexts(el)).to.deep.equal(['Saint-Étienne-du-Rouvray — commune, Seine-Maritime (76)']);
  });

  it('aborts the request for an older text when the person types on', async () => {
    const el = await picker();
    fake.delays.set('ren', 600);
    await typeInto(combobox(el), 'ren');
    await nextFrame(250);
    expect(fake.queries()).to.deep.equal(['ren']);
    await typeInto(combobox(el), 'renai');
    await untilOptions(el, 'Renaison — commune, Loire (42)');
    expect(fake.searches[0]!.aborted).to.equal(true);
    expect(fake.searches[0]!.answered).to.equal(false);
  });

  it('never lets an older, slower answer overwrite a newer one', async () => {
    const el = await picker();
    // The older answer arrives after the newer one, as from a source that cannot cancel.
    fake.ignoreAbort = true;
    fake.delays.set('ren', 600);
    await typeInto(combobox(el), 'ren');
    await nextFrame(250);
    await typeInto(combobox(el), 'renai');
    await untilOptions(el, 'Renaison — commune, Loire (42)');
    await nextFrame(500);
    expect(fake.searches.map(({ q, answered }) => ({ q, answered }))).to.deep.equal([
      { q: 'ren', answered: true },
      { q: 'renai', answered: true },
    ]);
    expect(optionTexts(el)).to.deep.equal(['Renaison — commune, Loire (42)']);
    expect(status(el)).to.equal('1 résultat disponible.');
  });

  it('says "Aucun résultat" in words and keeps the list closed', async () => {
    const el = await picker();
    await type(el, 'zzzz');
    await untilStatus(el, 'Aucun résultat');
    expect(status(el)).to.equal('Aucun résultat pour « zzzz ».');
    expect(isOpen(el)).to.equal(false);
    expect(combobox(el).getAttribute('aria-expanded')).to.equal('false');
  });

  it('says when the search failed, and searches again on "Réessayer"', async () => {
    const el = await picker();
    fake.failing = true;
    await type(el, 'rennes');
    await untilStatus(el, 'La recherche n’a pas abouti');
    expect(status(el)).to.equal('La recherche n’a pas abouti : Service indisponible.');
    const retry = el.shadowRoot!.querySelector<HTMLButtonElement>('[part="retry-button"]')!;
    expect(retry.textContent!.trim()).to.equal('Réessayer');
    fake.failing = false;
    retry.click();
    await untilOptions(el);
    expect(status(el)).to.equal('2 résultats disponibles.');
    expect(el.shadowRoot!.querySelector('[part="retry-button"]')).to.equal(null);
    expect(fake.queries().slice(-2)).to.deep.equal(['rennes', 'rennes']);
  });

  it('keeps only the kinds named by niveaux', async () => {
    const el = await picker({ niveaux: 'departement region' });
    await type(el, 'bretagne');
    await untilOptions(el);
    expect(optionTexts(el)).to.deep.equal(['Bretagne — région']);
    await typeInto(combobox(el), 'ille');
    await untilOptions(el, 'Ille-et-Vilaine — département (35)');
    expect(optionTexts(el)).to.deep.equal(['Ille-et-Vilaine — département (35)']);
    // The API has no kind filter: the picker asks for more hits and keeps its kinds.
    expect(new Set(fake.searches.map((search) => search.limit))).to.deep.equal(new Set(['50']));
  });

  it('speaks English', async () => {
    const el = await picker({ lang: 'en' });
    expect(hint(el)).to.equal('Type at least 2 characters of the name or code, then choose from the list.');
    await type(el, 'rennes');
    await untilOptions(el);
    expect(optionTexts(el)).to.deep.equal(['Rennes — municipality, Ille-et-Vilaine (35)', 'Rennes Métropole — inter-municipal body, Ille-et-Vilaine (35)']);
    expect(status(el)).to.equal('2 results available.');
    expect(new Set(fake.searches.map((search) => search.lang))).to.deep.equal(new Set(['en']));
  });
});
