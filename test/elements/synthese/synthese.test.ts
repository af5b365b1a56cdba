import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import '../../../src/elements/synthese/define.js';
import '../../../src/elements/provider/define.js';
import type { BarometreSynthese } from '../../../src/elements/synthese/barometre-synthese.js';
import { SynthesisResponse } from '../../../src/core/schema/synthesis.js';
import { PUBLICATION_EN, PUBLICATION_FR } from '../charts/fixtures/results.js';
import { part, shadow, text, untilStatus } from '../charts/helpers/dom.js';
import { API, installFakeApi, json, type FakeApi, type Route } from '../charts/helpers/fake-api.js';
import { synthesisFixture } from './fixture.js';

const NNBSP = '\u202f';

/** The synthesis for any territory asked, in the words of the language asked. */
const synthesisRoute: Route = (url) => (url.pathname.endsWith('/synthese') ? json(synthesisFixture()) : json({ error: 'introuvable', message: 'Ressource introuvable.' }, 404));

/** A theme's section. */
function section(el: Element, theme: string): HTMLElement {
  const found = shadow(el).querySelector<HTMLElement>(`section.theme[data-theme="${theme}"]`);
  if (!found) throw new Error(`no section for ${theme}`);
  return found;
}

/** The cell of a question's answer in a column (`data-role`). */
function cell(el: Element, theme: string, question: string, role: string, row = 0): string {
  const rows = section(el, theme).querySelectorAll(`tbody[data-question="${question}"] tr`);
  return text(rows[row]?.querySelector(`td[data-role="${role}"]`));
}

async function synthese(attributes = 'territoire="departement:35"'): Promise<BarometreSynthese> {
  const wrapper = await fixture<HTMLElement>(html`<main></main>`);
  wrapper.innerHTML = `<barometre-synthese api="${API}" ${attributes}></barometre-synthese>`;
  const el = wrapper.querySelector<BarometreSynthese>('barometre-synthese')!;
  await untilStatus(el, 'ready');
  await el.updateComplete;
  return el;
}

describe('<barometre-synthese>', () => {
  let api: FakeApi;

  beforeEach(() => {
    api = installFakeApi(synthesisRoute);
  });

  afterEach(() => api.restore());

  it('the fixture keeps the contract', () => {
    expect(SynthesisResponse.safeParse(synthesisFixture()).success).to.equal(true);
  });

  it('reads the whole synthesis in one request and shows the nine themes, each a table of its headline questions', async () => {
    const el = await synthese();
    expect(api.requests.map((url) => `${url.pathname}${url.search}`)).to.deep.equal(['/v1/synthese?territoire=departement%3A35']);
    expect(text(part(el, 'title'))).to.equal('Synthèse du Baromètre numérique : Ille-et-Vilaine');
    const sections = shadow(el).querySelectorAll<HTMLElement>('section.theme');
    expect([...sections].map((one) => one.dataset.theme)).to.deep.equal([
      'inclusion',
      'cybersecurite',
      'communication',
      'infrastructures',
      'outils-internes',
      'donnees',
      'dematerialisation',
      'services-en-ligne',
      'strategie',
    ]);
    for (const one of sections) {
      expect(one.querySelectorAll('table')).to.have.length(1);
      expect(one.querySelectorAll('tbody'), one.dataset.theme).to.have.length(4);
      expect(one.querySelector('h3')!.id).to.equal(one.getAttribute('aria-labelledby'));
    }
    expect(text(section(el, 'cybersecurite').querySelector('h3'))).to.equal('Cybersécurité');
    // The territory first, then its région, France and similar collectivités, the same in every table.
    const heads = [...section(el, 'inclusion').querySelectorAll('thead th')].map((th) => text(th));
    expect(heads.slice(0, 5)).to.deep.equal(['Question', 'Réponse', 'Ille-et-Vilaine', 'Bretagne', 'France']);
    expect(heads[5]).to.match(/^Communes et intercommunalités de France/);
  });

  it('gives each figure with its margin, headed by its question and its answer', async () => {
    const el = await synthese();
    const group = section(el, 'inclusion').querySelector('tbody[data-question="conseiller_numerique"]')!;
    const question = group.querySelector('th[scope="rowgroup"]')!;
    // Typeset as French is: the question mark never wraps alone.
    expect(text(question)).to.equal(`Votre collectivité dispose-t-elle d’un conseiller numérique France services${NNBSP}?`);
    expect(group.querySelector('th[scope="row"]')!.textContent!.trim()).to.equal('Oui');
    expect(cell(el, 'inclusion', 'conseiller_numerique', 'territoire')).to.equal(`26${NNBSP}% ± 13 pts`);
    expect(cell(el, 'inclusion', 'conseiller_numerique', 'france')).to.equal(`31${NNBSP}% ± 2 pts`);
    // A single choice shows every answer, the question spanning its rows.
    const rssi = section(el, 'cybersecurite').querySelector('tbody[data-question="rssi"]')!;
    const answers = synthesisFixture().themes.find((theme) => theme.theme === 'cybersecurite')!.questions.find((question) => question.id === 'rssi')!.answers;
    expect(answers.length).to.be.greaterThan(2);
    expect(rssi.querySelectorAll('tr')).to.have.length(answers.length);
    expect(rssi.querySelector('th[scope="rowgroup"]')!.getAttribute('rowspan')).to.equal(String(answers.length));
  });

  it('says each state in the words every element uses, never a zero', async () => {
    const el = await synthese();
    expect(cell(el, 'communication', 'site_internet', 'territoire')).to.equal('aucune réponse');
    expect(cell(el, 'cybersecurite', 'rssi', 'territoire', 1)).to.equal('moins de 5 réponses');
    expect(cell(el, 'inclusion', 'lieu_mediation', 'territoire')).to.equal('masqué (secret statistique)');
    expect(cell(el, 'strategie', 'feuille_de_route', 'territoire')).to.equal('masqué (secret statistique)');
    // Comparisons stay published beside them.
    expect(cell(el, 'cybersecurite', 'rssi', 'region')).to.match(/^31/);
    // Participation: respondents per theme, or why not.
    const participation = part(el, 'participation')!;
    const rows = [...participation.querySelectorAll('tbody tr')].map((row) => [...row.children].map((child) => text(child)));
    expect(rows).to.have.length(9);
    expect(rows[0]!.slice(0, 4)).to.deep.equal(['Inclusion numérique', '60 réponses', '240 réponses', `3${NNBSP}117 réponses`]);
    expect(rows[1]![1]).to.equal('moins de 5 réponses');
    expect(rows[2]![1]).to.equal('aucune réponse');
  });

  it('dates the figures in words and names its source', async () => {
    const el = await synthese();
    expect(text(part(el, 'publication'))).to.equal(`${PUBLICATION_FR}.`);
    expect(text(part(el, 'source'))).to.equal(`Source : Baromètre numérique des collectivités, vagues 1, 2 et 3. ${PUBLICATION_FR}.`);
    expect(text(part(el, 'notes'))).to.include('Part des collectivités ayant répondu à la question');
  });

  it('speaks English, from the same catalog as the other elements', async () => {
    const el = await synthese('territoire="departement:35" lang="en"');
    expect(text(part(el, 'title'))).to.equal('Baromètre numérique summary: Ille-et-Vilaine');
    expect(text(part(el, 'publication'))).to.equal(`${PUBLICATION_EN}.`);
    expect(text(section(el, 'cybersecurite').querySelector('h3'))).to.equal('Cybersecurity');
    expect(cell(el, 'inclusion', 'lieu_mediation', 'territoire')).to.equal('hidden (statistical secrecy)');
    expect(cell(el, 'cybersecurite', 'rssi', 'territoire')).to.equal('fewer than 5 responses');
    expect(text(section(el, 'inclusion').querySelector('tbody th[scope="row"]'))).to.equal('Yes');
  });

  it('takes the API and the territory from a provider, and France without a territory', async () => {
    const wrapper = await fixture<HTMLElement>(html`<barometre-provider api=${API} territoire="region:53"><barometre-synthese></barometre-synthese></barometre-provider>`);
    const el = wrapper.querySelector<BarometreSynthese>('barometre-synthese')!;
    await untilStatus(el, 'ready');
    const alone = await fixture<BarometreSynthese>(html`<barometre-synthese api=${API}></barometre-synthese>`);
    await untilStatus(alone, 'ready');
    expect(api.requests.map((url) => url.searchParams.get('territoire'))).to.deep.equal(['region:53', 'france']);
  });

  it('reads a static publication’s file instead, and says a commune has none', async () => {
    api.route = (url) =>
      url.pathname.endsWith('/publications/2026-12-06/synthese/departement-35.json') ? json(synthesisFixture()) : json({ error: 'introuvable', message: 'Fichier introuvable.' }, 404);
    const el = await synthese(`territoire="departement:35" publication="${API}/publications/2026-12-06/"`);
    expect(api.requests.map((url) => url.pathname)).to.deep.equal(['/v1/publications/2026-12-06/synthese/departement-35.json']);
    expect(shadow(el).querySelectorAll('section.theme')).to.have.length(9);
    const commune = await fixture<BarometreSynthese>(html`<barometre-synthese publication=${`${API}/publications/2026-12-06`} territoire="commune:35238"></barometre-synthese>`);
    await untilStatus(commune, 'unconfigured');
    expect(text(part(commune, 'status'))).to.match(/^Les résultats des communes et des intercommunalités ne figurent pas dans la publication statique/);
    expect(api.requests).to.have.length(1);
  });

  it('says what went wrong and loads again on "Réessayer"', async () => {
    let calls = 0;
    api.route = (url) => (++calls === 1 ? json({ error: 'publication_pending', message: 'Les premiers résultats sont en cours de publication.' }, 503) : synthesisRoute(url));
    const wrapper = await fixture<HTMLElement>(html`<main></main>`);
    wrapper.innerHTML = `<barometre-synthese api="${API}" territoire="departement:35"></barometre-synthese>`;
    const el = wrapper.querySelector<BarometreSynthese>('barometre-synthese')!;
    await untilStatus(el, 'error');
    expect(text(part(el, 'status'))).to.include('Les premiers résultats sont en cours de publication.');
    part<HTMLButtonElement>(el, 'retry-button')!.click();
    await untilStatus(el, 'ready');
    expect(shadow(el).querySelectorAll('section.theme')).to.have.length(9);
  });

  it('lets keyboard users reach and scroll every table: named, focusable regions', async () => {
    const el = await synthese();
    const regions = [...shadow(el).querySelectorAll<HTMLElement>('[part~="table-container"]')];
    // Participation, the nine themes, and the gaps with France (in sight once asked for).
    expect(regions).to.have.length(11);
    const gaps = shadow(el).getElementById('gaps-table')!;
    expect(gaps.hasAttribute('tabindex')).to.equal(false);
    part<HTMLButtonElement>(el, 'table-button')!.click();
    await el.updateComplete;
    for (const region of regions) {
      expect(region.getAttribute('role')).to.equal('region');
      expect(region.getAttribute('tabindex')).to.equal('0');
      expect(region.getAttribute('aria-label')).to.match(/^Tableau/);
    }
  });

  it('finds no accessibility violation (axe)', async () => {
    const el = await synthese();
    await expect(el).to.be.accessible();
  });

  describe('printed', () => {
    afterEach(() => emulateMedia({ media: 'screen' }));

    it('lays every theme whole on a page, with the source and the date under each', async () => {
      const el = await synthese();
      const inclusion = section(el, 'inclusion');
      const printSource = inclusion.querySelector<HTMLElement>('.print-source')!;
      // On screen, one source line for the whole synthesis.
      expect(getComputedStyle(printSource).display).to.equal('none');
      await emulateMedia({ media: 'print' });
      expect(matchMedia('print').matches).to.equal(true);
      for (const one of shadow(el).querySelectorAll<HTMLElement>('section.theme, section.participation')) {
        expect(getComputedStyle(one).breakInside, one.dataset.theme).to.equal('avoid');
        expect(getComputedStyle(one.querySelector('table')!).breakInside).to.equal('avoid');
      }
      // The gaps with France run over a page or two, never cutting a theme's lines.
      for (const one of shadow(el).querySelectorAll<HTMLElement>('div.gaps-theme')) expect(getComputedStyle(one).breakInside).to.equal('avoid');
      for (const one of shadow(el).querySelectorAll<HTMLElement>('section.theme, section.participation, section.gaps-section')) {
        const source = one.querySelector<HTMLElement>(':scope > .print-source')!;
        expect(getComputedStyle(source).display).to.equal('block');
        expect(text(source)).to.equal(`Source : Baromètre numérique des collectivités, vagues 1, 2 et 3. ${PUBLICATION_FR}.`);
      }
      // Nothing scrolls on paper: a table is laid out whole.
      const region = inclusion.querySelector<HTMLElement>('[part~="table-container"]')!;
      expect(getComputedStyle(region).overflowX).to.equal('visible');
      expect(getComputedStyle(part(el, 'title')!).breakAfter).to.equal('avoid');
    });

    it('fits an A4 page’s width: no table wider than the printable width', async () => {
      // A4 is 210 mm wide; with 12 mm margins, about 699 CSS pixels are printable.
      const wrapper = await fixture<HTMLElement>(html`<div style="width: 699px"></div>`);
      wrapper.innerHTML = `<barometre-synthese api="${API}" territoire="departement:35"></barometre-synthese>`;
      const el = wrapper.querySelector<BarometreSynthese>('barometre-synthese')!;
      await untilStatus(el, 'ready');
      await emulateMedia({ media: 'print' });
      for (const table of shadow(el).querySelectorAll('table')) {
        if (table.closest('.visually-hidden')) continue;
        expect(table.getBoundingClientRect().width, table.closest('section')?.dataset.theme).to.be.at.most(699);
      }
      for (const line of shadow(el).querySelectorAll('.gap')) expect(line.getBoundingClientRect().width).to.be.at.most(699);
    });
  });
});
