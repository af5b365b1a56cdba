import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import '../../../src/elements/profil/define.js';
import '../../../src/elements/synthese/define.js';
import type { BarometreProfil } from '../../../src/elements/profil/barometre-profil.js';
import type { BarometreSynthese } from '../../../src/elements/synthese/barometre-synthese.js';
import { frenchSpacing } from '../../../src/core/i18n/typography.js';
import { gapsOf } from '../../../src/elements/synthese/gaps.js';
import { PUBLICATION_FR } from '../charts/fixtures/results.js';
import { part, shadow, text, untilStatus } from '../charts/helpers/dom.js';
import { API, installFakeApi, json, type FakeApi } from '../charts/helpers/fake-api.js';
import { synthesisFixture, synthesisWithGaps } from './fixture.js';

const NNBSP = '\u202f';

async function profil(attributes = 'territoire="departement:35"'): Promise<BarometreProfil> {
  const wrapper = await fixture<HTMLElement>(html`<main></main>`);
  wrapper.innerHTML = `<barometre-profil api="${API}" ${attributes}></barometre-profil>`;
  const el = wrapper.querySelector<BarometreProfil>('barometre-profil')!;
  await untilStatus(el, 'ready');
  await el.updateComplete;
  return el;
}

/** The line of one figure. */
function line(el: Element, question: string, answer = 'oui'): HTMLElement {
  const found = shadow(el).querySelector<HTMLElement>(`li.gap[data-question="${question}"][data-answer="${answer}"]`);
  if (!found) throw new Error(`no line for ${question}/${answer}`);
  return found;
}

describe('<barometre-profil>', () => {
  let api: FakeApi;

  beforeEach(() => {
    api = installFakeApi((url) => (url.pathname.endsWith('/synthese') ? json(synthesisWithGaps()) : json({ error: 'introuvable', message: 'Ressource introuvable.' }, 404)));
  });

  afterEach(() => api.restore());

  it('sets every headline figure of the nine themes against France, from the synthesis in one request', async () => {
    const el = await profil();
    expect(api.requests.map((url) => `${url.pathname}${url.search}`)).to.deep.equal(['/v1/synthese?territoire=departement%3A35']);
    expect(text(part(el, 'title'))).to.equal('Écarts à la France : Ille-et-Vilaine');
    expect(text(part(el, 'publication'))).to.equal(`${PUBLICATION_FR}.`);
    const themes = [...shadow(el).querySelectorAll<HTMLElement>('div.gaps-theme')].map((one) => one.dataset.theme);
    expect(themes).to.deep.equal(['inclusion', 'cybersecurite', 'communication', 'infrastructures', 'outils-internes', 'donnees', 'dematerialisation', 'services-en-ligne', 'strategie']);
    // One line per figure the synthesis shows: every headline question, every answer shown.
    const expected = gapsOf(synthesisWithGaps())!.reduce((total, theme) => total + theme.gaps.length, 0);
    expect(shadow(el).querySelectorAll('li.gap')).to.have.length(expected);
    expect(expected).to.be.greaterThan(36);
  });

  it('names the figures clearly apart from France first, and says every gap in words', async () => {
    const el = await profil();
    const summary = [...shadow(el).querySelectorAll('.gaps-summary p')].map((p) => text(p));
    const wording = (theme: string, question: string) => {
      const found = synthesisWithGaps().themes.find((one) => one.theme === theme)!;
      return frenchSpacing(`${found.title.fr} : ${found.questions.find((one) => one.id === question)!.label.fr} (Oui)`);
    };
    expect(summary).to.deep.equal([
      `Nettement plus bas que la France : ${wording('donnees', 'publication_open_data')}.`,
      `Nettement plus haut que la France : ${wording('outils-internes', 'logiciels_saas')}.`,
    ]);
    expect(line(el, 'logiciels_saas').dataset.comparison).to.equal('superieur');
    expect(text(line(el, 'logiciels_saas').querySelector('.gap-words'))).to.equal(`90${NNBSP}% ± 11 pts · France 31${NNBSP}% ± 2 pts · 59 pts de plus que la France, écart net`);
    expect(text(line(el, 'publication_open_data').querySelector('.gap-words'))).to.match(/^5\u202f% ± \d+ pts · France 31\u202f% ± 2 pts · 26 pts de moins que la France, écart net$/);
    // Within the margins: close to France whatever the points say.
    expect(line(el, 'conseiller_numerique').dataset.comparison).to.equal('indistinct');
    expect(text(line(el, 'conseiller_numerique').querySelector('.gap-words'))).to.equal(
      `26${NNBSP}% ± 13 pts · France 31${NNBSP}% ± 2 pts · 5 pts de moins que la France, dans la marge d’erreur`,
    );
  });

  it('says why a figure has no gap, in the words every element uses', async () => {
    const el = await profil();
    expect(text(line(el, 'lieu_mediation').querySelector('.gap-words'))).to.equal('masqué (secret statistique)');
    expect(line(el, 'lieu_mediation').querySelector('.gap-here')).to.equal(null);
    expect(text(line(el, 'site_internet').querySelector('.gap-words'))).to.equal('aucune réponse');
    expect(text(line(el, 'rssi', 'interne').querySelector('.gap-words'))).to.equal('moins de 5 réponses');
  });

  it('draws the territory as a disc and France as a stroke on one scale, hidden from screen readers who get the words', async () => {
    const el = await profil();
    const saas = line(el, 'logiciels_saas');
    const scale = saas.querySelector<HTMLElement>('.gap-scale')!;
    expect(scale.getAttribute('aria-hidden')).to.equal('true');
    const box = scale.getBoundingClientRect();
    const centre = (selector: string) => {
      const rect = saas.querySelector(selector)!.getBoundingClientRect();
      return (rect.left + rect.width / 2 - box.left) / box.width;
    };
    expect(centre('.gap-here')).to.be.closeTo(0.9, 0.02);
    expect(centre('.gap-france')).to.be.closeTo(0.31, 0.02);
    const here = getComputedStyle(saas.querySelector('.gap-here')!);
    const france = getComputedStyle(saas.querySelector('.gap-france')!);
    // Told apart by shape, not colour: a round disc, a thin stroke.
    expect(here.borderRadius).to.equal('50%');
    expect(parseFloat(france.borderLeftWidth)).to.be.greaterThan(0);
    expect(france.borderTopWidth).to.equal('0px');
  });

  it('gives the table alternative on demand, a row per figure with the gap and its reading', async () => {
    const el = await profil();
    const button = part<HTMLButtonElement>(el, 'table-button')!;
    const region = shadow(el).getElementById(button.getAttribute('aria-controls')!)!;
    expect(region.classList.contains('visually-hidden')).to.equal(true);
    button.click();
    await el.updateComplete;
    expect(button.getAttribute('aria-pressed')).to.equal('true');
    expect(region.getAttribute('tabindex')).to.equal('0');
    const row = region.querySelector('tr[data-question="logiciels_saas"]')!;
    expect([...row.querySelectorAll('td')].map((cell) => text(cell))).to.deep.equal([
      'Oui',
      `90${NNBSP}% ± 11 pts`,
      `31${NNBSP}% ± 2 pts`,
      '59 pts de plus que la France',
      'écart net',
    ]);
    const heads = [...region.querySelectorAll('thead th')].map((th) => text(th));
    expect(heads).to.deep.equal(['Thème', 'Question', 'Réponse', 'Ille-et-Vilaine', 'France', 'Écart', 'Lecture']);
  });

  it('says France is the reference when asked for France', async () => {
    api.route = () => json({ ...synthesisFixture(), territory: { id: 'france', name: 'France', kind: 'france' } });
    const el = await profil('');
    expect(api.requests[0]!.searchParams.get('territoire')).to.equal('france');
    expect(text(shadow(el).querySelector('.france-reference'))).to.match(/^La France est la référence/);
    expect(shadow(el).querySelectorAll('li.gap')).to.have.length(0);
  });

  it('speaks English', async () => {
    const el = await profil('territoire="departement:35" lang="en"');
    expect(text(part(el, 'title'))).to.equal('Gaps with France: Ille-et-Vilaine');
    expect(text(line(el, 'logiciels_saas').querySelector('.gap-words'))).to.equal('90% ± 11 pts · France 31% ± 2 pts · 59 pts more than France, marked gap');
  });

  it('finds no accessibility violation (axe)', async () => {
    const el = await profil();
    await expect(el).to.be.accessible();
  });

  it('finds no accessibility violation (axe) with the table in sight', async () => {
    const el = await profil();
    part<HTMLButtonElement>(el, 'table-button')!.click();
    await el.updateComplete;
    await expect(el).to.be.accessible();
  });

  it('is the synthesis’ view of the gaps too, from the same response', async () => {
    const wrapper = await fixture<HTMLElement>(html`<main></main>`);
    wrapper.innerHTML = `<barometre-synthese api="${API}" territoire="departement:35"></barometre-synthese>`;
    const synthese = wrapper.querySelector<BarometreSynthese>('barometre-synthese')!;
    await untilStatus(synthese, 'ready');
    const el = await profil();
    const words = (host: Element) => [...shadow(host).querySelectorAll('li.gap .gap-words')].map((one) => text(one));
    expect(words(synthese)).to.deep.equal(words(el));
    expect(text(part(synthese, 'gaps-section')!.querySelector('h3'))).to.equal('Écarts à la France');
    // The gaps come before the themes' tables.
    const gaps = part(synthese, 'gaps-section')!;
    const firstTheme = shadow(synthese).querySelector('section.theme')!;
    expect(gaps.compareDocumentPosition(firstTheme) & Node.DOCUMENT_POSITION_FOLLOWING).to.not.equal(0);
  });

  it('prints its lines whole within an A4 page’s width', async () => {
    const wrapper = await fixture<HTMLElement>(html`<div style="width: 699px"></div>`);
    wrapper.innerHTML = `<barometre-profil api="${API}" territoire="departement:35"></barometre-profil>`;
    const el = wrapper.querySelector<BarometreProfil>('barometre-profil')!;
    await untilStatus(el, 'ready');
    try {
      await emulateMedia({ media: 'print' });
      for (const one of shadow(el).querySelectorAll<HTMLElement>('div.gaps-theme')) expect(getComputedStyle(one).breakInside).to.equal('avoid');
      for (const one of shadow(el).querySelectorAll('.gap')) expect(one.getBoundingClientRect().width).to.be.at.most(699);
      // The markers are borders: they print without the backgrounds browsers leave out.
      const here = getComputedStyle(line(el, 'logiciels_saas').querySelector('.gap-here')!);
      expect(parseFloat(here.borderTopWidth)).to.be.greaterThan(0);
    } finally {
      await emulateMedia({ media: 'screen' });
    }
  });
});
