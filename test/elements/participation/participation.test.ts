import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../src/elements/participation/define.js';
import '../../../src/elements/provider/define.js';
import type { BarometreParticipation } from '../../../src/elements/participation/barometre-participation.js';
import type { ParticipationResponse } from '../../../src/core/schema/participation.js';
import { THEMES } from '../../../src/core/schema/questionnaire.js';
import { themeTitles } from '../../../src/questionnaires/theme-titles.js';
import { PUBLICATION, PUBLICATION_EN, PUBLICATION_FR } from '../charts/fixtures/results.js';
import { part, shadow, text, untilStatus } from '../charts/helpers/dom.js';
import { API, deferred, installFakeApi, json, PUBLICATION_BASE, type FakeApi } from '../charts/helpers/fake-api.js';

const NNBSP = '\u202f';

/** Finistère: 89 of its 277 communes answered cybersecurity, nobody inclusion. */
function finistere(): ParticipationResponse {
  return {
    edition: '2025',
    publication: PUBLICATION,
    territories: [
      {
        territory: { id: 'departement:29', name: 'Finistère', kind: 'departement' },
        themes: THEMES.map((theme) => ({
          theme,
          title: themeTitles[theme].title,
          kinds:
            theme === 'cybersecurite'
              ? [
                  { kind: 'commune' as const, respondents: 89, total: 277 },
                  { kind: 'epci' as const, respondents: 4, total: 21 },
                  { kind: 'departement' as const, respondents: 1, total: 1 },
                ]
              : [
                  { kind: 'commune' as const, respondents: 0, total: 277 },
                  { kind: 'epci' as const, respondents: 0, total: 21 },
                  { kind: 'departement' as const, respondents: 0, total: 1 },
                ],
        })),
      },
    ],
  };
}

async function participation(attributes = 'territoire="departement:29"', state = 'ready'): Promise<BarometreParticipation> {
  const wrapper = await fixture<HTMLElement>(html`<main></main>`);
  wrapper.innerHTML = `<barometre-participation api="${API}" ${attributes}></barometre-participation>`;
  const el = wrapper.querySelector<BarometreParticipation>('barometre-participation')!;
  await untilStatus(el, state);
  await el.updateComplete;
  return el;
}

const rows = (el: Element) =>
  [...shadow(el).querySelectorAll('tbody tr')].map((row) => [...row.querySelectorAll('th, td')].map((cell) => text(cell)));

describe('<barometre-participation>', () => {
  let api: FakeApi;

  beforeEach(() => {
    api = installFakeApi((url) => (url.pathname.endsWith('/participation') ? json(finistere()) : json({ error: 'not_found', message: 'Introuvable.' }, 404)));
  });

  afterEach(() => api.restore());

  it('says the share of each kind that answered, per theme, from one request', async () => {
    const el = await participation();
    expect(api.requests.map((url) => `${url.pathname}${url.search}`)).to.deep.equal(['/v1/participation?territoire=departement%3A29']);
    expect(text(part(el, 'title'))).to.equal('Participation : Finistère');
    const headlines = [...part(el, 'headlines')!.querySelectorAll('li')].map((li) => text(li));
    expect(headlines[1]).to.equal(`32${NNBSP}% des communes ont répondu au volet « Cybersécurité ».`);
    expect(headlines[0]).to.equal('Aucune des 277 communes n’a répondu au volet « Inclusion numérique ».');
    expect(text(part(el, 'publication'))).to.equal(`Édition 2025 · Source : Baromètre numérique des collectivités. ${PUBLICATION_FR}.`);
  });

  it('gives every figure in a table: a caption, headers, real zeros said in words', async () => {
    const el = await participation();
    const table = part<HTMLTableElement>(el, 'table')!;
    expect(text(table.caption)).to.equal('Collectivités ayant répondu à chaque volet, Finistère');
    expect([...table.querySelectorAll('thead th')].map((th) => [text(th), th.getAttribute('scope')])).to.deep.equal([
      ['Volet', 'col'],
      ['Communes', 'col'],
      ['Intercommunalités', 'col'],
      ['Départements', 'col'],
    ]);
    expect(rows(el)).to.have.length(9);
    expect(rows(el)[1]).to.deep.equal(['Cybersécurité', `89 sur 277 (32${NNBSP}%)`, `4 sur 21 (19${NNBSP}%)`, `1 sur 1 (100${NNBSP}%)`]);
    expect(rows(el)[0]).to.deep.equal(['Inclusion numérique', 'aucune réponse (0 sur 277)', 'aucune réponse (0 sur 21)', 'aucune réponse (0 sur 1)']);
    expect(table.querySelector('tbody th')!.getAttribute('scope')).to.equal('row');
  });

  it('a kind with no known total, and a theme narrowed to one', async () => {
    api.restore();
    const response = finistere();
    response.territories[0]!.themes[1]!.kinds.push({ kind: 'syndicat', respondents: 3, total: null });
    api = installFakeApi(() => json(response));
    const el = await participation('territoire="departement:29" theme="cybersecurite"');
    expect(rows(el)).to.deep.equal([
      ['Cybersécurité', `89 sur 277 (32${NNBSP}%)`, `4 sur 21 (19${NNBSP}%)`, `1 sur 1 (100${NNBSP}%)`, '3 (nombre total inconnu)'],
    ]);
  });

  it('states: loading, then an error with a retry, and nothing to ask without an API', async () => {
    api.restore();
    const held = deferred<Response>();
    api = installFakeApi(() => held.promise);
    const wrapper = await fixture<HTMLElement>(html`<main></main>`);
    wrapper.innerHTML = `<barometre-participation api="${API}" territoire="departement:29" edition="2019"></barometre-participation>`;
    const el = wrapper.querySelector<BarometreParticipation>('barometre-participation')!;
    await untilStatus(el, 'loading');
    expect(part(el, 'figure')!.getAttribute('aria-busy')).to.equal('true');
    held.resolve(json({ error: 'edition_not_found', message: 'Aucune édition « 2019 » : les chiffres de participation portent sur l’édition 2025.' }, 404));
    await untilStatus(el, 'error');
    expect(api.requests[0]!.searchParams.get('edition')).to.equal('2019');
    expect(text(part(el, 'status'))).to.contain('Aucune édition « 2019 »');
    expect(part(el, 'retry-button')).to.not.equal(null);
    expect(part(el, 'table')).to.equal(null);

    const bare = await fixture<BarometreParticipation>(html`<barometre-participation territoire="departement:29"></barometre-participation>`);
    await untilStatus(bare, 'unconfigured');
  });

  it('the table scrolls in a region reached by the keyboard', async () => {
    const el = await participation();
    const region = part(el, 'table-container')!;
    expect(region.getAttribute('role')).to.equal('region');
    expect(region.getAttribute('aria-label')).to.equal('Tableau de la participation, défilable');
    el.focus();
    await sendKeys({ press: 'Tab' });
    expect(shadow(el).activeElement).to.equal(region);
  });

  it('speaks English', async () => {
    const el = await participation('territoire="departement:29" lang="en"');
    expect(text(part(el, 'title'))).to.equal('Participation: Finistère');
    expect([...part(el, 'headlines')!.querySelectorAll('li')].map((li) => text(li))[1]).to.equal('32% of municipalities answered the “Cybersecurity” questionnaire.');
    expect(rows(el)[1]).to.deep.equal(['Cybersecurity', '89 of 277 (32%)', '4 of 21 (19%)', '1 of 1 (100%)']);
    expect(text(part(el, 'publication'))).to.equal(`2025 edition · Source: Baromètre numérique des collectivités. ${PUBLICATION_EN}.`);
  });

  it('finds no accessibility violation (axe)', async () => {
    const el = await participation();
    await expect(el).to.be.accessible();
  });

  it('reads a static publication’s file, for its own edition or a named one; communes have none', async () => {
    api.route = (url) =>
      /\/participation(\/2025)?\/departement-29\.json$/.test(url.pathname) ? json(finistere()) : json({ error: 'introuvable', message: 'Fichier introuvable.' }, 404);
    const wrapper = await fixture<HTMLElement>(html`<main></main>`);
    wrapper.innerHTML = `<barometre-provider publication="${PUBLICATION_BASE}/" territoire="departement:29">
        <barometre-participation theme="cybersecurite"></barometre-participation>
        <barometre-participation theme="cybersecurite" edition="2025"></barometre-participation>
      </barometre-provider>`;
    const [own, named] = [...wrapper.querySelectorAll<BarometreParticipation>('barometre-participation')];
    await untilStatus(own!, 'ready');
    await untilStatus(named!, 'ready');
    expect(text(part(own!, 'headlines'))).to.equal(`32${NNBSP}% des communes ont répondu au volet « Cybersécurité ».`);
    expect(api.requests.map((url) => url.href).sort()).to.deep.equal([
      `${PUBLICATION_BASE}/participation/2025/departement-29.json`,
      `${PUBLICATION_BASE}/participation/departement-29.json`,
    ]);

    const commune = await fixture<BarometreParticipation>(
      html`<barometre-participation publication=${PUBLICATION_BASE} territoire="commune:29019"></barometre-participation>`,
    );
    await untilStatus(commune, 'unconfigured');
    expect(text(part(commune, 'status'))).to.contain('ne figurent pas dans la publication statique');
  });
});
