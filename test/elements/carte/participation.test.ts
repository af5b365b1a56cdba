import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../src/elements/carte/define.js';
import type { BarometreCarte } from '../../../src/elements/carte/barometre-carte.js';
import { parseCsv } from '../../helpers/csv.js';
import { PUBLICATION_EN, PUBLICATION_FR } from '../charts/fixtures/results.js';
import { PUBLICATION_BASE } from '../charts/helpers/fake-api.js';
import { ABSENT_ID, FINISTERE, levelParticipation, NO_COMMUNE_ID, NOBODY } from './fixtures/participation.js';
import { API, installMapApi, json, participationRoute, type FakeApi } from './helpers/map-api.js';
import { fillOf, focusedId, legendItems, optionOf, paintedOf, part, shadow, tableRows, text, tooltipText, untilDrawn } from './helpers/map-dom.js';

const NNBSP = '\u202f';
const pct = (value: number) => `${value}${NNBSP}%`;

/**
 * `<barometre-carte mesure="participation">`: the share of a kind of collectivité that answered a
 * theme, per département or région, with everything the results map has — classes and their
 * words, tooltip, keyboard, table, CSV, snippet — from `GET /participation?niveau=…`.
 */
describe('<barometre-carte mesure="participation">', () => {
  let api: FakeApi;

  beforeEach(() => {
    api = installMapApi(participationRoute);
  });

  afterEach(() => api.restore());

  async function map(attributes = 'theme="cybersecurite"'): Promise<BarometreCarte> {
    const wrapper = await fixture<HTMLElement>(html`<main style="width: 720px"></main>`);
    wrapper.innerHTML = `<barometre-carte api="${API}" mesure="participation" ${attributes}></barometre-carte>`;
    const el = wrapper.querySelector<BarometreCarte>('barometre-carte')!;
    await untilDrawn(el);
    return el;
  }

  const participationRequests = () => api.requests.filter((url) => url.pathname.endsWith('/participation'));

  it('asks the level’s participation once, and neither results nor a questionnaire', async () => {
    await map('theme="cybersecurite" niveau="region" edition="2025"');
    expect(api.requests.map((url) => url.href)).to.deep.equal([`${API}/participation?niveau=region&edition=2025`]);
  });

  it('colours each département by the share of its communes that answered, in classes said in words', async () => {
    const el = await map();
    expect(text(part(el, 'title'))).to.equal('Participation au volet « Cybersécurité »');
    expect(text(part(el, 'subtitle'))).to.equal('Part des communes ayant répondu · Édition 2026');
    const finistere = optionOf(el, FINISTERE.id);
    expect(finistere.getAttribute('aria-label')).to.equal(`Finistère : ${pct(32)} (89 sur 277)`);
    // Its colour is the one its class has in the legend, and the legend says the class's bounds.
    const legend = part(el, 'legend')!;
    expect(text(legend.querySelector('.legend-title'))).to.match(
      /^Part des communes ayant répondu au volet « Cybersécurité » · \d classes, chacune avec à peu près le même nombre de départements$/,
    );
    const classes = [...legend.querySelectorAll('li[data-colour]')];
    expect(classes.length).to.be.greaterThan(2);
    const holding = classes.find((item) => {
      const [low, high] = text(item).match(/\d+/g)!.map(Number);
      return low! <= 32 && 32 < high!;
    });
    expect(holding, 'a class holds 32 %').to.not.equal(undefined);
    expect(fillOf(paintedOf(el, FINISTERE.id))).to.equal(fillOf(holding!.querySelector('rect')!));
    // Nobody answering is a real 0 %, coloured; a territory without communes says so with a pattern of its own.
    expect(optionOf(el, NOBODY.id).getAttribute('aria-label')).to.equal(`Lozère : ${pct(0)} (0 sur 152)`);
    expect(paintedOf(el, NOBODY.id).getAttribute('class')).to.match(/\bc1\b/);
    expect(optionOf(el, NO_COMMUNE_ID).getAttribute('aria-label')).to.equal('Paris : pas de communes dans ce territoire');
    expect(paintedOf(el, NO_COMMUNE_ID).getAttribute('fill')).to.equal('url(#carte-rings)');
    expect(optionOf(el, ABSENT_ID).getAttribute('aria-label')).to.equal('Corse-du-Sud : pas de données');
    const items = legendItems(el);
    expect(items).to.include('pas de communes dans ce territoire');
    expect(items).to.include('pas de données');
    // Counts of respondents are not secret: nothing is hatched as below a threshold or hidden.
    expect(items.filter((item) => /moins de \d+ réponses|secret/.test(item))).to.deep.equal([]);
    expect(text(part(el, 'source'))).to.equal(`Source : Baromètre numérique des collectivités. ${PUBLICATION_FR}.`);
  });

  it('counts another kind of collectivité, or another theme, from the same response', async () => {
    const el = await map('theme="cybersecurite" type="epci"');
    expect(optionOf(el, FINISTERE.id).getAttribute('aria-label')).to.equal(`Finistère : ${pct(29)} (6 sur 21)`);
    expect(text(part(el, 'subtitle'))).to.equal('Part des intercommunalités ayant répondu · Édition 2026');
    el.type = 'commune';
    el.theme = 'inclusion';
    await el.updateComplete;
    expect(optionOf(el, FINISTERE.id).getAttribute('aria-label')).to.equal(`Finistère : ${pct(16)} (44 sur 277)`);
    expect(text(part(el, 'title'))).to.equal('Participation au volet « Inclusion numérique »');
    expect(participationRequests()).to.have.length(1);
  });

  it('gives the same figures in its table and its CSV', async () => {
    const el = await map();
    part<HTMLButtonElement>(el, 'table-button')!.click();
    await el.updateComplete;
    const caption = text(shadow(el).querySelector('caption'));
    expect(caption).to.contain(`Part des communes ayant répondu au volet « Cybersécurité », par départements. ${PUBLICATION_FR}.`);
    expect(caption).to.contain('n’est pas couvert par le secret statistique');
    expect(text(shadow(el).querySelector('thead'))).to.equal('Département ▲ Part des communes ayant répondu Répondants');
    const rows = tableRows(el);
    expect(rows.find((row) => row[0] === 'Finistère (29)')).to.deep.equal(['Finistère (29)', pct(32), '89 sur 277']);
    expect(rows.find((row) => row[0] === 'Lozère (48)')).to.deep.equal(['Lozère (48)', pct(0), '0 sur 152']);
    expect(rows.find((row) => row[0] === 'Paris (75)')).to.deep.equal(['Paris (75)', 'pas de communes dans ce territoire', 'pas de communes dans ce territoire']);

    const csv = parseCsv(el.toCsv()!.slice(1), ';');
    expect(csv.slice(0, 4)).to.deep.equal([
      ['Volet', 'Cybersécurité'],
      ['Collectivités comptées', 'communes'],
      ['Source', 'Baromètre numérique des collectivités'],
      ['Édition', '2026'],
    ]);
    const header = csv.findIndex((row) => row[0] === 'Département');
    expect(csv[header]).to.deep.equal(['Département', 'Code', 'Part des communes ayant répondu (%)', 'Répondants', 'Nombre de communes', 'statut']);
    expect(csv.find((row) => row[1] === '29')).to.deep.equal(['Finistère', '29', '32', '89', '277', 'publie']);
    expect(csv.find((row) => row[1] === '48')).to.deep.equal(['Lozère', '48', '0', '0', '152', 'publie']);
    expect(csv.find((row) => row[1] === '75')).to.deep.equal(['Paris', '75', '', '', '', 'sans']);
    expect(csv.find((row) => row[1] === '2A')).to.deep.equal(['Corse-du-Sud', '2A', '', '', '', '']);
    expect(csv.length - header - 1).to.equal(101);
  });

  it('is browsed by keyboard, each territory’s share and count in its tooltip', async () => {
    const el = await map();
    optionOf(el, FINISTERE.id).focus();
    await el.updateComplete;
    expect(tooltipText(el)).to.equal(`Finistère ${pct(32)} 89 sur 277`);
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    await el.updateComplete;
    expect(focusedId(el)).to.equal('departement:30');
    expect(tooltipText(el)).to.match(/^Gard \d+\u202f% \d+ sur \d+$/u);
  });

  it('finds no violation (axe), with the table shown', async () => {
    const el = await map();
    part<HTMLButtonElement>(el, 'table-button')!.click();
    await el.updateComplete;
    await expect(el).to.be.accessible();
  });

  it('speaks English', async () => {
    const el = await map('theme="cybersecurite" lang="en"');
    expect(text(part(el, 'title'))).to.equal('Participation in the “Cybersecurity” questionnaire');
    expect(text(part(el, 'subtitle'))).to.equal('Share of municipalities that answered · 2026 edition');
    expect(optionOf(el, FINISTERE.id).getAttribute('aria-label')).to.equal('Finistère: 32% (89 of 277)');
    expect(optionOf(el, NO_COMMUNE_ID).getAttribute('aria-label')).to.equal('Paris: no municipalities in this territory');
    expect(text(part(el, 'source'))).to.equal(`Source: Baromètre numérique des collectivités. ${PUBLICATION_EN}.`);
    expect(text(part(el, 'legend')?.querySelector('.legend-title'))).to.match(/^Share of municipalities that answered the “Cybersecurity” questionnaire · /);
  });

  it('gives its code with the measure, theme, kind and edition, and nothing of a results map', async () => {
    const el = await map('theme="cybersecurite" type="epci" edition="2025" niveau="region"');
    const snippet = await el.embedSnippet();
    expect(snippet).to.contain(`api="${API}"`);
    expect(snippet).to.contain('mesure="participation"');
    expect(snippet).to.contain('theme="cybersecurite"');
    expect(snippet).to.contain('niveau="region"');
    expect(snippet).to.contain('type="epci"');
    expect(snippet).to.contain('edition="2025"');
    expect(snippet).to.not.match(/question=|code=|ponderation=/);
  });

  it('reads a static publication’s level file for its edition', async () => {
    api.route = (url) =>
      url.href === `${PUBLICATION_BASE}/participation/2025/carte/departement.json`
        ? json(levelParticipation('departement', '2025'))
        : json({ error: 'introuvable', message: 'Fichier introuvable.' }, 404);
    const wrapper = await fixture<HTMLElement>(html`<main></main>`);
    wrapper.innerHTML = `<barometre-carte publication="${PUBLICATION_BASE}" mesure="participation" theme="cybersecurite" edition="2025"></barometre-carte>`;
    const el = wrapper.querySelector<BarometreCarte>('barometre-carte')!;
    await untilDrawn(el);
    expect(text(part(el, 'subtitle'))).to.equal('Part des communes ayant répondu · Édition 2025');
    expect(api.requests.map((url) => url.href)).to.deep.equal([`${PUBLICATION_BASE}/participation/2025/carte/departement.json`]);
  });

  it('refuses counts of another edition than the one asked', async () => {
    api.route = () => json(levelParticipation('departement', '2025'));
    const wrapper = await fixture<HTMLElement>(html`<main></main>`);
    wrapper.innerHTML = `<barometre-carte api="${API}" mesure="participation" theme="cybersecurite" edition="2026"></barometre-carte>`;
    const el = wrapper.querySelector<BarometreCarte>('barometre-carte')!;
    await new Promise((resolve) => el.addEventListener('barometre-error', resolve, { once: true }));
    await el.updateComplete;
    expect(text(part(el, 'status'))).to.contain('Les données reçues portent sur l’édition 2025 et non sur l’édition 2026.');
  });
});
