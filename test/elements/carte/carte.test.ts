import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../../src/elements/carte/define.js';
import type { BarometreCarte } from '../../../src/elements/carte/barometre-carte.js';
import { MapResults } from '../../../src/core/schema/map-results.js';
import { territoriesOf } from '../../../src/elements/carte/territories.js';
import { untilStatus } from '../charts/helpers/dom.js';
import { captureEvents } from '../charts/helpers/events.js';
import { deferred } from '../charts/helpers/fake-api.js';
import {
  ABSENT_ID,
  BRETAGNE,
  departementResults,
  EMPTY_REGION_ID,
  ILLE_ET_VILAINE,
  NOBODY_ID,
  regionResults,
  SUPPRESSED_CELL_ID,
  SUPPRESSED_ID,
  SUPPRESSED_OVERSEAS_ID,
  SUPPRESSED_REGION_ID,
} from './fixtures/map-results.js';
import { API, installMapApi, json, mapRequests, mapRoute, type FakeApi } from './helpers/map-api.js';
import { fillOf, legendItems, optionOf, options, paintedOf, part, shadow, tableRows, text, untilDrawn } from './helpers/map-dom.js';

const NNBSP = '\u202f';
const pct = (value: number) => `${value}${NNBSP}%`;

/** The default class colours, lightest to darkest, as computed styles write them. */
const CLASS_RGB = ['rgb(255, 255, 204)', 'rgb(199, 233, 180)', 'rgb(127, 205, 187)', 'rgb(65, 182, 196)', 'rgb(29, 145, 192)'];

/** The shown percentage of each territory of a response, as the element rounds it. */
function percentsOf(results: MapResults): Map<string, number> {
  const percents = new Map<string, number>();
  for (const territory of results.territories) {
    const share = territory.answers?.oui?.share;
    if (!territory.suppressed && territory.n > 0 && typeof share === 'number') percents.set(territory.id, Math.round(share * 100));
  }
  return percents;
}

async function map(attributes = ''): Promise<BarometreCarte> {
  const wrapper = await fixture<HTMLElement>(html`<div style="width: 640px"></div>`);
  wrapper.innerHTML = `<barometre-carte api="${API}" theme="inclusion" question="lieu_mediation" code="oui" ${attributes}></barometre-carte>`;
  const el = wrapper.querySelector<BarometreCarte>('barometre-carte')!;
  await untilDrawn(el);
  return el;
}

describe('<barometre-carte>', () => {
  let api: FakeApi;
  let capture: ReturnType<typeof captureEvents>;

  beforeEach(() => {
    api = installMapApi();
    capture = captureEvents(['barometre-data', 'barometre-error']);
  });

  afterEach(() => {
    api.restore();
    capture.stop();
  });

  it('uses fixtures that follow the map contract', () => {
    for (const results of [departementResults(), regionResults()]) {
      const parsed = MapResults.safeParse(results);
      expect(parsed.success, JSON.stringify(parsed.error?.issues)).to.equal(true);
    }
  });

  it('asks the map route for the level, question and weighting', async () => {
    await map('ponderation="redressee"');
    const [url] = mapRequests(api);
    expect(url!.pathname).to.equal('/v1/resultats/inclusion/carte');
    expect(Object.fromEntries(url!.searchParams)).to.deep.equal({ niveau: 'departement', question: 'lieu_mediation', ponderation: 'redressee' });
    expect(capture.of('barometre-data')).to.have.length(1);
  });

  it('draws one shape per metropolitan département and one tile per overseas département', async () => {
    const el = await map();
    const shapes = shadow(el).querySelectorAll('svg.map path[role="option"]');
    expect(shapes).to.have.length(96);
    const tiles = [...shadow(el).querySelectorAll('[part~="inset"]')];
    expect(tiles.map((tile) => tile.getAttribute('data-id'))).to.deep.equal([
      'departement:971',
      'departement:972',
      'departement:973',
      'departement:974',
      'departement:976',
    ]);
    expect(tiles.map((tile) => text(tile))).to.deep.equal(['Guadeloupe', 'Martinique', 'Guyane', 'La Réunion', 'Mayotte']);
    expect(text(part(el, 'insets')!.querySelector('.insets-label'))).to.equal('Outre-mer');
  });

  it('colours each territory with the class its share falls in (fixed bounds)', async () => {
    const el = await map('seuils="20 30 40 50"');
    expect(legendItems(el).slice(0, 5)).to.deep.equal([
      `de ${pct(0)} à moins de ${pct(20)}`,
      `de ${pct(20)} à moins de ${pct(30)}`,
      `de ${pct(30)} à moins de ${pct(40)}`,
      `de ${pct(40)} à moins de ${pct(50)}`,
      `de ${pct(50)} à ${pct(100)}`,
    ]);
    expect(text(part(el, 'legend')!.querySelector('.legend-title'))).to.equal(
      'Part des collectivités ayant répondu « Oui » · Classes à seuils fixes',
    );
    // Ille-et-Vilaine: 26 %, second class.
    expect(fillOf(optionOf(el, ILLE_ET_VILAINE.id))).to.equal(CLASS_RGB[1]);
    const bounds = [0, 20, 30, 40, 50, 101];
    const percents = percentsOf(departementResults());
    const used = new Set<number>();
    for (const [id, percent] of percents) {
      const expected = bounds.findIndex((bound, index) => percent >= bound && percent < bounds[index + 1]!);
      used.add(expected);
      expect(fillOf(paintedOf(el, id)), `${id} at ${percent} %`).to.equal(CLASS_RGB[expected]);
    }
    expect(used.size).to.equal(5);
  });

  it('colours by quintiles by default: shapes, legend and table agree', async () => {
    const el = await map();
    expect(text(part(el, 'legend')!.querySelector('.legend-title'))).to.contain('Classes de même effectif (quintiles)');
    const classes = [...part(el, 'legend')!.querySelectorAll('li[data-colour]')].map((item) => {
      const numbers = text(item).match(/\d+/g)!.map(Number);
      return { lower: numbers[0]!, upper: numbers[1] ?? numbers[0]!, swatch: item.querySelector('rect')! };
    });
    expect(classes).to.have.length(5);
    // Bounds follow each other without gap.
    classes.slice(1).forEach((one, index) => expect(one.lower).to.equal(classes[index]!.upper));
    const percents = percentsOf(departementResults());
    const sorted = [...percents.values()].sort((a, b) => a - b);
    expect(classes[0]!.lower).to.equal(sorted[0]);
    expect(classes[4]!.upper).to.equal(sorted[sorted.length - 1]);
    const counts = [0, 0, 0, 0, 0];
    for (const [id, percent] of percents) {
      const index = classes.findIndex((one, i) => percent >= one.lower && (percent < one.upper || (i === 4 && percent <= one.upper)));
      counts[index] = (counts[index] ?? 0) + 1;
      expect(fillOf(paintedOf(el, id)), id).to.equal(fillOf(classes[index]!.swatch));
    }
    // Quintiles: each class holds about a fifth of the territories with a value.
    for (const count of counts) expect(count).to.be.within(percents.size / 5 - 6, percents.size / 5 + 6);
    expect(new Set(classes.map((one) => fillOf(one.swatch)))).to.deep.equal(new Set(CLASS_RGB));
  });

  it('hatches suppressed territories, never colours them, and says why', async () => {
    const el = await map();
    for (const id of [SUPPRESSED_ID, SUPPRESSED_CELL_ID]) {
      const shape = optionOf(el, id);
      expect(shape.getAttribute('fill')).to.equal('url(#carte-hatch)');
      expect(CLASS_RGB).to.not.include(fillOf(shape));
    }
    expect(shadow(el).querySelector('#carte-hatch line')).to.not.equal(null);
    expect(optionOf(el, SUPPRESSED_ID).getAttribute('aria-label')).to.equal(
      "Côtes-d'Armor : données insuffisantes (moins de 5 réponses) (n = 3)",
    );
    const tile = optionOf(el, SUPPRESSED_OVERSEAS_ID);
    expect(tile.querySelector('rect')!.getAttribute('fill')).to.equal('url(#carte-hatch)');
    const legend = part(el, 'legend')!.querySelector('li[data-kind="suppressed"]')!;
    expect(text(legend)).to.equal('données insuffisantes (moins de 5 réponses)');
    expect(legend.querySelector('rect')!.getAttribute('fill')).to.equal('url(#carte-hatch)');
  });

  it('shows territories without respondents in a dotted neutral, as "aucune réponse"', async () => {
    const el = await map();
    for (const id of [NOBODY_ID, ABSENT_ID]) {
      const shape = optionOf(el, id);
      expect(shape.getAttribute('fill')).to.equal('url(#carte-dots)');
      expect(CLASS_RGB).to.not.include(fillOf(shape));
    }
    expect(optionOf(el, NOBODY_ID).getAttribute('aria-label')).to.equal('Lozère : aucune réponse');
    expect(optionOf(el, ABSENT_ID).getAttribute('aria-label')).to.equal('Corse-du-Sud : aucune réponse');
    expect(text(part(el, 'legend')!.querySelector('li[data-kind="empty"]'))).to.equal('aucune réponse');
  });

  it('names every shape with its figure and respondents', async () => {
    const el = await map();
    expect(optionOf(el, ILLE_ET_VILAINE.id).getAttribute('aria-label')).to.equal(`Ille-et-Vilaine : ${pct(26)} (n = 42)`);
    const listbox = shadow(el).querySelector('[role="listbox"]')!;
    expect(listbox.getAttribute('aria-label')).to.equal(
      'Carte des départements : part des collectivités ayant répondu « Oui » à la question « Votre collectivité dispose-t-elle d’au moins un lieu de médiation numérique ? »',
    );
    expect(text(shadow(el).getElementById(listbox.getAttribute('aria-describedby')!))).to.contain('Entrée pour en choisir un');
  });

  it('has a table with exactly the figures of the map', async () => {
    const el = await map();
    const toggle = part<HTMLButtonElement>(el, 'table-button')!;
    expect(text(toggle)).to.equal('Tableau');
    expect(toggle.getAttribute('aria-pressed')).to.equal('false');
    expect(part(el, 'table-container')!.className).to.equal('visually-hidden');
    toggle.click();
    await el.updateComplete;
    expect(toggle.getAttribute('aria-pressed')).to.equal('true');
    expect(part(el, 'table-container')!.className).to.equal('table-box');

    const headers = [...shadow(el).querySelectorAll('thead th')].map((cell) => text(cell));
    expect(headers).to.deep.equal(['Département ▲', 'Part « Oui »', 'Répondants']);
    const rows = tableRows(el);
    expect(rows).to.have.length(101);
    const byId = new Map(departementResults().territories.map((territory) => [territory.id, territory]));
    const percents = percentsOf(departementResults());
    territoriesOf('departement').forEach((territory, index) => {
      const row = rows[index]!;
      expect(row[0]).to.equal(`${territory.name} (${territory.code})`);
      const result = byId.get(territory.id);
      const percent = percents.get(territory.id);
      if (percent !== undefined) expect(row[1]).to.equal(pct(percent));
      else if (!result || result.n === 0) expect(row[1]).to.equal('aucune réponse');
      else expect(row[1]).to.equal('données insuffisantes (moins de 5 réponses)');
      expect(row[2]).to.equal(String(result?.n ?? 0));
    });
    expect(rows.find((row) => row[0] === 'Ille-et-Vilaine (35)')).to.deep.equal(['Ille-et-Vilaine (35)', pct(26), '42']);
  });

  it('sorts the table by share, without-figure rows last, and reverses on a second click', async () => {
    const el = await map();
    const shareButton = () => [...shadow(el).querySelectorAll<HTMLButtonElement>('thead button')][1]!;
    shareButton().click();
    await el.updateComplete;
    expect(shareButton().closest('th')!.getAttribute('aria-sort')).to.equal('descending');
    const values = (rows: string[][]) => rows.map((row) => row[1]!).filter((cell) => cell.endsWith('%')).map((cell) => Number.parseInt(cell, 10));
    let rows = tableRows(el);
    const descending = values(rows);
    expect(descending).to.deep.equal([...descending].sort((a, b) => b - a));
    expect(rows.slice(-5).every((row) => !row[1]!.endsWith('%'))).to.equal(true);
    shareButton().click();
    await el.updateComplete;
    expect(shareButton().closest('th')!.getAttribute('aria-sort')).to.equal('ascending');
    rows = tableRows(el);
    expect(values(rows)).to.deep.equal([...descending].reverse());
    expect(rows.slice(-5).every((row) => !row[1]!.endsWith('%'))).to.equal(true);
  });

  it('draws régions with niveau="region", overseas régions as tiles', async () => {
    const el = await map('niveau="region"');
    expect(Object.fromEntries(mapRequests(api)[0]!.searchParams).niveau).to.equal('region');
    const shapes = [...shadow(el).querySelectorAll('svg.map path[role="option"]')];
    expect(shapes).to.have.length(13);
    // Each région is one shape made of its départements' outlines, each starting absolutely.
    const bretagne = optionOf(el, BRETAGNE.id);
    expect(bretagne.getAttribute('d')!.match(/M/g)).to.have.length(4);
    expect(bretagne.getAttribute('aria-label')).to.equal(`Bretagne : ${pct(31)} (n = 180)`);
    const box = (bretagne as SVGGraphicsElement).getBBox();
    expect(box.width).to.be.within(120, 200);
    expect(optionOf(el, SUPPRESSED_REGION_ID).getAttribute('fill')).to.equal('url(#carte-hatch)');
    expect(optionOf(el, EMPTY_REGION_ID).getAttribute('aria-label')).to.equal('Mayotte : aucune réponse');
    const tiles = [...shadow(el).querySelectorAll('[part~="inset"]')].map((tile) => text(tile));
    expect(tiles).to.deep.equal(['Guadeloupe', 'Guyane', 'La Réunion', 'Martinique', 'Mayotte']);
    // Keyboard and table follow names.
    expect(options(el).map((one) => one.getAttribute('data-id')).slice(0, 3)).to.deep.equal(['region:84', 'region:27', 'region:53']);
    expect(tableRows(el).map((row) => row[0]).slice(0, 3)).to.deep.equal(['Auvergne-Rhône-Alpes', 'Bourgogne-Franche-Comté', 'Bretagne']);
    expect(text(part(el, 'credit'))).to.equal('Fond de carte : svg-maps (CC BY 4.0), régions assemblées à partir des départements');
  });

  it('credits the base map', async () => {
    const el = await map();
    const credit = part(el, 'credit')!;
    expect(text(credit)).to.equal('Fond de carte : svg-maps (CC BY 4.0)');
    expect([...credit.querySelectorAll('a')].map((link) => link.getAttribute('href'))).to.deep.equal([
      'https://github.com/VictorCazanave/svg-maps',
      'https://creativecommons.org/licenses/by/4.0/deed.fr',
    ]);
    expect(text(part(el, 'source'))).to.equal('Source : Baromètre numérique des collectivités, vague 1. Résultats du 15 octobre 2025.');
  });

  it('fits 320 px: the map scales to the width', async () => {
    const wrapper = await fixture<HTMLElement>(html`<div style="width: 320px"></div>`);
    wrapper.innerHTML = `<barometre-carte api="${API}" theme="inclusion" question="lieu_mediation" code="oui"></barometre-carte>`;
    const el = wrapper.querySelector<BarometreCarte>('barometre-carte')!;
    await untilDrawn(el);
    const svg = shadow(el).querySelector('svg.map')!.getBoundingClientRect();
    expect(svg.width).to.be.at.most(320);
    expect(svg.width).to.be.at.least(250);
    expect(svg.height / svg.width).to.be.closeTo(585 / 613, 0.02);
    expect(el.scrollWidth).to.be.at.most(320);
    const insets = part(el, 'insets')!.getBoundingClientRect();
    expect(insets.right).to.be.at.most(wrapper.getBoundingClientRect().right + 0.5);
  });

  it('says it is loading, then shows nothing in the live region', async () => {
    const held = deferred<Response>();
    api.route = () => held.promise;
    const el = await fixture<BarometreCarte>(html`
      <barometre-carte api=${API} theme="inclusion" question="lieu_mediation" code="oui"></barometre-carte>
    `);
    expect(text(part(el, 'status'))).to.equal('Chargement des résultats…');
    expect(part(el, 'figure')!.getAttribute('aria-busy')).to.equal('true');
    held.resolve(mapRoute(new URL(`${API}/resultats/inclusion/carte?niveau=departement&question=lieu_mediation`)) as Response);
    await untilDrawn(el);
    expect(text(part(el, 'status'))).to.equal('');
  });

  it('says what went wrong and retries', async () => {
    api.route = () => json({ error: 'indisponible', message: 'Le service est en maintenance.' }, 503);
    const el = await fixture<BarometreCarte>(html`
      <barometre-carte api=${API} theme="inclusion" question="lieu_mediation" code="oui"></barometre-carte>
    `);
    await untilStatus(el, 'error');
    expect(text(part(el, 'status'))).to.equal('Les résultats n’ont pas pu être chargés. Le service est en maintenance.');
    expect(capture.of('barometre-error')[0]!.detail).to.deep.equal({ code: 'indisponible', message: 'Le service est en maintenance.' });
    api.route = mapRoute;
    part<HTMLButtonElement>(el, 'retry-button')!.click();
    await untilDrawn(el);
    expect(part(el, 'retry-button')).to.equal(null);
  });

  it('refuses figures that break the contract', async () => {
    const broken = departementResults();
    broken.territories[0] = { ...broken.territories[0]!, id: 'region:53' };
    api.route = () => json(broken);
    const el = await fixture<BarometreCarte>(html`
      <barometre-carte api=${API} theme="inclusion" question="lieu_mediation" code="oui"></barometre-carte>
    `);
    await untilStatus(el, 'error');
    expect(capture.of('barometre-error')[0]!.detail.code).to.equal('invalid_results');
    expect(shadow(el).querySelector('svg.map')).to.equal(null);
  });

  it('refuses figures of another level than asked', async () => {
    api.route = () => json(regionResults());
    const el = await fixture<BarometreCarte>(html`
      <barometre-carte api=${API} theme="inclusion" question="lieu_mediation" code="oui"></barometre-carte>
    `);
    await untilStatus(el, 'error');
    expect(text(part(el, 'status'))).to.equal(
      'Les résultats n’ont pas pu être chargés. Les données reçues sont par régions et non par départements.',
    );
  });

  it('says which setting is missing', async () => {
    const el = await fixture<BarometreCarte>(html`<barometre-carte api=${API} theme="inclusion" question="lieu_mediation"></barometre-carte>`);
    await untilStatus(el, 'unconfigured');
    expect(text(part(el, 'status'))).to.equal('Aucune réponse indiquée : ajoutez l’attribut code (par exemple oui).');
    expect(api.requests).to.have.length(0);
  });

  it('says so when nobody answered anywhere', async () => {
    api.route = () => json({ ...departementResults(), territories: [] });
    const el = await fixture<BarometreCarte>(html`
      <barometre-carte api=${API} theme="inclusion" question="lieu_mediation" code="oui"></barometre-carte>
    `);
    await untilStatus(el, 'empty');
    expect(text(part(el, 'status'))).to.equal('Aucun résultat n’est disponible pour cette question.');
    expect(part(el, 'legend')).to.equal(null);
  });

  it('speaks English', async () => {
    const el = await map('lang="en"');
    expect(optionOf(el, ILLE_ET_VILAINE.id).getAttribute('aria-label')).to.equal('Ille-et-Vilaine: 26% (n = 42)');
    expect(text(part(el, 'credit'))).to.equal('Base map: svg-maps (CC BY 4.0)');
    expect(legendItems(el)).to.include('not enough data (fewer than 5 responses)');
    expect(legendItems(el)).to.include('no response');
    expect(legendItems(el)[0]).to.match(/^from \d+% to under \d+%$/);
  });

  it('reads a static file with src', async () => {
    const file = `${API}/open-data/carte-inclusion.json`;
    api.route = () => json(departementResults());
    const wrapper = await fixture<HTMLElement>(html`<div></div>`);
    wrapper.innerHTML = `<barometre-carte src="${file}" question="lieu_mediation" code="oui"></barometre-carte>`;
    const el = wrapper.querySelector<BarometreCarte>('barometre-carte')!;
    await untilDrawn(el);
    expect(api.requests.map((url) => url.href)).to.include(file);
    await waitUntil(() => capture.of('barometre-data').length === 1);
  });
});
