import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../../src/elements/carte/define.js';
import type { BarometreCarte } from '../../../src/elements/carte/barometre-carte.js';
import { MapResults } from '../../../src/core/schema/map-results.js';
import { territoriesOf } from '../../../src/elements/carte/territories.js';
import { BarometreProvider } from '../../../src/elements/provider/barometre-provider.js';
import { parseCsv } from '../../helpers/csv.js';
import { PUBLICATION_EN, PUBLICATION_FR } from '../charts/fixtures/results.js';
import { untilStatus } from '../charts/helpers/dom.js';
import { captureEvents } from '../charts/helpers/events.js';
import { deferred, PUBLICATION_BASE } from '../charts/helpers/fake-api.js';
import {
  ABSENT_ID,
  BRETAGNE,
  departementResults,
  EMPTY_REGION_ID,
  HIDDEN_CELL_ID,
  ILLE_ET_VILAINE,
  INSUFFISANT_ID,
  INSUFFISANT_OVERSEAS_ID,
  MASQUE_ID,
  MASQUE_REGION_ID,
  NOBODY_ID,
  regionResults,
  reweighted,
  withIntervals,
} from './fixtures/map-results.js';
import { API, installMapApi, json, mapRequests, mapRoute, type FakeApi } from './helpers/map-api.js';
import { fillOf, legendItems, optionOf, options, paintedOf, part, shadow, tableRows, text, tooltipText, untilDrawn } from './helpers/map-dom.js';
import { marginPoints } from '../../../src/core/stats/margin.js';
import { wilsonInterval } from '../../../src/core/stats/wilson.js';

const NNBSP = '\u202f';
const pct = (value: number) => `${value}${NNBSP}%`;
const pts = (points: number) => `±\u00a0${points}\u00a0pts`;

/** The map with every published "oui" share set to one of `percents`, in turn, out of 50 respondents. */
function withShares(results: MapResults, percents: readonly number[]): MapResults {
  let turn = 0;
  const territories = results.territories.map((territory) => {
    if (territory.status !== 'publie' || territory.answers?.oui?.status !== 'publie') return territory;
    const count = (percents[turn++ % percents.length]! * 50) / 100;
    const share = count / 50;
    return { ...territory, n: 50, answers: { oui: { status: 'publie' as const, count, share, shareOfAll: share } } };
  });
  return { ...results, territories };
}

/** The default class colours, lightest to darkest, as computed styles write them. */
const CLASS_RGB = ['rgb(255, 255, 204)', 'rgb(199, 233, 180)', 'rgb(127, 205, 187)', 'rgb(65, 182, 196)', 'rgb(29, 145, 192)'];

/** The shown percentage of each territory of a response, as the element rounds it. */
function percentsOf(results: MapResults): Map<string, number> {
  const percents = new Map<string, number>();
  for (const territory of results.territories) {
    const share = territory.answers?.oui?.share;
    if (territory.status === 'publie' && typeof share === 'number') percents.set(territory.id, Math.round(share * 100));
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

  it('draws each overseas territory to its outline, in the same order at both levels', async () => {
    const outlines = async (level: string) => {
      const el = await map(`niveau="${level}"`);
      const drawn = [...shadow(el).querySelectorAll('[part~="inset"]')].map((tile) => {
        // An outline, not a square: a path with many points, and no rectangle left.
        expect(tile.querySelector('rect'), text(tile)).to.equal(null);
        const path = tile.querySelector('svg path')!;
        const box = (path as SVGGraphicsElement).getBBox();
        return { name: text(tile), d: path.getAttribute('d')!, points: path.getAttribute('d')!.split('L').length, box };
      });
      // The next map must be near the viewport to load its outlines.
      el.remove();
      return drawn;
    };
    const departements = await outlines('departement');
    const regions = await outlines('region');
    const order = ['Guadeloupe', 'Martinique', 'Guyane', 'La Réunion', 'Mayotte'];
    expect(departements.map((one) => one.name)).to.deep.equal(order);
    expect(regions.map((one) => one.name)).to.deep.equal(order);
    // An overseas région is its one département: the same outline at both levels.
    expect(regions.map((one) => one.d)).to.deep.equal(departements.map((one) => one.d));
    for (const one of departements) {
      expect(one.points, one.name).to.be.at.least(12);
      // Drawn to its own box: the longer side fills it, whatever the territory's real size.
      expect(Math.max(one.box.width, one.box.height), one.name).to.be.closeTo(100, 0.5);
    }
    // Guadeloupe is drawn as its islands, each its own sub-path.
    expect(departements[0]!.d.match(/M/g)).to.have.length(3);
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
      'Part des collectivités ayant répondu « Oui » · 5 classes aux limites fixées par la page',
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
    expect(text(part(el, 'legend')!.querySelector('.legend-title'))).to.equal(
      'Part des collectivités ayant répondu « Oui » · 5 classes, chacune avec à peu près le même nombre de départements',
    );
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

  it('says how many classes it really has, in legend words that match the classes drawn', async () => {
    api.route = () => json(withShares(departementResults(), [10, 40]));
    const el = await map();
    const classes = part(el, 'legend')!.querySelectorAll('li[data-colour]');
    expect(classes).to.have.length(2);
    expect(text(part(el, 'legend')!.querySelector('.legend-title'))).to.equal(
      'Part des collectivités ayant répondu « Oui » · 2 classes, chacune avec à peu près le même nombre de départements',
    );
    expect(text(part(el, 'legend')).toLowerCase()).to.not.contain('quintile');
    const painted = new Set([...shadow(el).querySelectorAll('svg.map path.shape')].map((shape) => shape.getAttribute('class')).filter((name) => /\bc\d\b/.test(name ?? '')));
    expect(painted.size).to.equal(2);
  });

  it('says so when every published figure is the same, and in English', async () => {
    api.route = () => json(withShares(regionResults(), [30]));
    const el = await map('niveau="region" lang="en"');
    expect(part(el, 'legend')!.querySelectorAll('li[data-colour]')).to.have.length(1);
    expect(text(part(el, 'legend')!.querySelector('.legend-title'))).to.equal(
      'Share of authorities that answered “Yes” · One class: every published figure is the same',
    );
    el.remove();
    api.route = () => json(withShares(regionResults(), [10, 20, 30, 40]));
    const four = await map('niveau="region" lang="en"');
    expect(part(four, 'legend')!.querySelectorAll('li[data-colour]')).to.have.length(4);
    expect(text(part(four, 'legend')!.querySelector('.legend-title'))).to.equal(
      'Share of authorities that answered “Yes” · 4 classes, each with about the same number of régions',
    );
  });

  it('shows the margin of each published share in the shapes’ names, the tooltip and the table, and marks fragile figures in words', async () => {
    const results = withIntervals(departementResults());
    api.route = () => json(results);
    const el = await map();
    // 11 of 42: 26 %, interval 15 % to 41 %, ± 15 points: not fragile (more than 15 would be).
    expect(optionOf(el, ILLE_ET_VILAINE.id).getAttribute('aria-label')).to.equal(`Ille-et-Vilaine : ${pct(26)} à 15 points près (n = 42)`);
    (optionOf(el, ILLE_ET_VILAINE.id) as SVGElement).focus();
    await el.updateComplete;
    expect(tooltipText(el)).to.equal(`Ille-et-Vilaine ${pct(26)} ${pts(15)} n = 42`);

    // A territory with fewer than 30 respondents is fragile.
    const few = results.territories.find((one) => one.n !== null && one.n < 30 && one.answers?.oui?.share != null)!;
    const share = few.answers!.oui!.share!;
    const margin = marginPoints(share, wilsonInterval(share, few.n!));
    const percent = Math.round(share * 100);
    expect(optionOf(el, few.id).getAttribute('aria-label')).to.equal(`${few.name} : ${pct(percent)} à ${margin} points près, chiffre fragile (n = ${few.n})`);
    (optionOf(el, few.id) as SVGElement).focus();
    await el.updateComplete;
    expect(tooltipText(el)).to.equal(`${few.name} ${pct(percent)} ${pts(margin!)} n = ${few.n} Chiffre fragile : moins de 30 réponses`);

    part<HTMLButtonElement>(el, 'table-button')!.click();
    await el.updateComplete;
    const rows = tableRows(el);
    expect(rows.find((row) => row[0] === 'Ille-et-Vilaine (35)')).to.deep.equal(['Ille-et-Vilaine (35)', `${pct(26)} ${pts(15)}`, '42']);
    const code = few.id.split(':')[1];
    expect(rows.find((row) => row[0] === `${few.name} (${code})`)).to.deep.equal([`${few.name} (${code})`, `${pct(percent)} ${pts(margin!)} (fragile)`, String(few.n)]);
    // States stay words, without a margin.
    expect(rows.find((row) => row[0] === 'Morbihan (56)')![1]).to.equal('masqué (secret statistique)');
    const caption = text(shadow(el).querySelector('caption'));
    expect(caption).to.contain('La marge d’erreur (±, en points) encadre chaque part');
    expect(caption).to.contain('Fragile : chiffre reposant sur moins de 30 réponses ou dont la marge d’erreur dépasse 15 points');
    // The CSV carries the same margins and marks.
    const csv = parseCsv(el.toCsv()!.slice(1), ';');
    expect(csv.find((one) => one[1] === '35')).to.deep.equal(['Ille-et-Vilaine', '35', '26', '15', '0', '42', 'publie']);
    expect(csv.find((one) => one[1] === code)).to.deep.equal([few.name, code, String(percent), String(margin), '1', String(few.n), 'publie']);
  });

  it('says the margin in English', async () => {
    api.route = () => json(withIntervals(departementResults()));
    const el = await map('lang="en"');
    expect(optionOf(el, ILLE_ET_VILAINE.id).getAttribute('aria-label')).to.equal('Ille-et-Vilaine: 26% give or take 15 points (n = 42)');
  });

  it('shows no margin when the data has no interval', async () => {
    const el = await map();
    part<HTMLButtonElement>(el, 'table-button')!.click();
    await el.updateComplete;
    expect(tableRows(el).find((row) => row[0] === 'Ille-et-Vilaine (35)')).to.deep.equal(['Ille-et-Vilaine (35)', pct(26), '42']);
    expect(text(shadow(el).querySelector('caption'))).to.not.contain('±');
  });

  it('puts the shown table in a named region that takes focus, so a keyboard can scroll it', async () => {
    const el = await map();
    const box = part(el, 'table-container')!;
    expect(box.getAttribute('role')).to.equal('region');
    expect(box.getAttribute('aria-label')).to.equal('Tableau des chiffres de la carte');
    // Out of sight, it stays out of the tab order.
    expect(box.hasAttribute('tabindex')).to.equal(false);
    part<HTMLButtonElement>(el, 'table-button')!.click();
    await el.updateComplete;
    expect(box.getAttribute('tabindex')).to.equal('0');
    box.focus();
    expect(shadow(el).activeElement).to.equal(box);
  });

  it('paints each state without a figure with a pattern of its own, never a class colour, and names it in words', async () => {
    const el = await map();
    const expected: [string, string, string][] = [
      [MASQUE_ID, 'url(#carte-hatch)', 'Morbihan : masqué (secret statistique)'],
      [HIDDEN_CELL_ID, 'url(#carte-hatch)', 'Finistère : masqué (secret statistique) (n = 30)'],
      [INSUFFISANT_ID, 'url(#carte-cross)', "Côtes-d'Armor : moins de 5 réponses"],
      [NOBODY_ID, 'url(#carte-dots)', 'Lozère : aucune réponse'],
      [ABSENT_ID, 'url(#carte-lines)', 'Corse-du-Sud : pas de données'],
    ];
    for (const [id, fill, label] of expected) {
      const shape = optionOf(el, id);
      expect(shape.getAttribute('fill'), id).to.equal(fill);
      expect(CLASS_RGB).to.not.include(fillOf(shape));
      expect(shape.getAttribute('aria-label')).to.equal(label);
    }
    // Four distinct patterns: each has marks, not a colour alone.
    expect(shadow(el).querySelectorAll('#carte-hatch line')).to.have.length(1);
    expect(shadow(el).querySelectorAll('#carte-cross line')).to.have.length(2);
    expect(shadow(el).querySelector('#carte-dots circle')).to.not.equal(null);
    expect(shadow(el).querySelector('#carte-lines line')).to.not.equal(null);
    const tile = optionOf(el, INSUFFISANT_OVERSEAS_ID);
    expect(tile.querySelector('path')!.getAttribute('fill')).to.equal('url(#carte-cross)');
    expect(tile.getAttribute('aria-label')).to.equal('Mayotte : moins de 5 réponses');
  });

  it('explains each state in the legend with its pattern and its words', async () => {
    const el = await map();
    const legend = part(el, 'legend')!;
    const entries = [...legend.querySelectorAll('li[data-kind]')].filter((item) => item.getAttribute('data-kind') !== 'current');
    expect(entries.map((item) => [item.getAttribute('data-kind'), text(item), item.querySelector('rect')!.getAttribute('fill')])).to.deep.equal([
      ['aucune', 'aucune réponse', 'url(#carte-dots)'],
      ['insuffisant', 'moins de 5 réponses', 'url(#carte-cross)'],
      ['masque', 'masqué (secret statistique)', 'url(#carte-hatch)'],
      ['missing', 'pas de données', 'url(#carte-lines)'],
    ]);
    expect(legendItems(el).join(' ')).to.not.contain('insuffisantes');
  });

  it('lists only the states some territory is in', async () => {
    const results = departementResults();
    results.territories = results.territories.map((territory) =>
      territory.status === 'publie' || territory.status === 'insuffisant' ? territory : { ...territory, status: 'insuffisant', n: null },
    );
    results.territories.push({ id: ABSENT_ID, name: 'Corse-du-Sud', status: 'insuffisant', n: null });
    api.route = () => json(results);
    const el = await map();
    const kinds = [...part(el, 'legend')!.querySelectorAll('li[data-kind]')].map((item) => item.getAttribute('data-kind'));
    // Finistère's hidden answer is the one `masque` left.
    expect(kinds).to.deep.equal(['insuffisant', 'masque']);
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
    expect(text(shadow(el).querySelector('caption'))).to.contain(`par départements. ${PUBLICATION_FR}.`);
    const rows = tableRows(el);
    expect(rows).to.have.length(101);
    const byId = new Map(departementResults().territories.map((territory) => [territory.id, territory]));
    const percents = percentsOf(departementResults());
    territoriesOf('departement').forEach((territory, index) => {
      const row = rows[index]!;
      expect(row[0]).to.equal(`${territory.name} (${territory.code})`);
      const result = byId.get(territory.id);
      const percent = percents.get(territory.id);
      // Fewer than 30 respondents: shown, and marked fragile in words.
      if (percent !== undefined) expect(row[1]).to.equal(result!.n! < 30 ? `${pct(percent)} (fragile)` : pct(percent));
      else if (!result) expect(row[1]).to.equal('pas de données');
      else if (result.status === 'aucune') expect(row[1]).to.equal('aucune réponse');
      else if (result.status === 'insuffisant') expect(row[1]).to.equal('moins de 5 réponses');
      else expect(row[1]).to.equal('masqué (secret statistique)');
      // The number of respondents is shown when it is published (0 when nobody answered), never made up.
      if (result?.n !== null && result?.n !== undefined) expect(row[2]).to.equal(String(result.n));
      else expect(row[2]).to.equal(row[1]);
    });
    const row = (name: string) => rows.find((one) => one[0] === name);
    expect(row('Ille-et-Vilaine (35)')).to.deep.equal(['Ille-et-Vilaine (35)', pct(26), '42']);
    expect(row('Côtes-d’Armor (22)') ?? row("Côtes-d'Armor (22)")).to.deep.equal(["Côtes-d'Armor (22)", 'moins de 5 réponses', 'moins de 5 réponses']);
    expect(row('Morbihan (56)')).to.deep.equal(['Morbihan (56)', 'masqué (secret statistique)', 'masqué (secret statistique)']);
    expect(row('Finistère (29)')).to.deep.equal(['Finistère (29)', 'masqué (secret statistique)', '30']);
    expect(row('Lozère (48)')).to.deep.equal(['Lozère (48)', 'aucune réponse', '0']);
    expect(row('Corse-du-Sud (2A)')).to.deep.equal(['Corse-du-Sud (2A)', 'pas de données', 'pas de données']);
  });

  it('downloads the table as CSV: numeric columns stay numeric, a statut column says each state, the publication is named', async () => {
    const el = await map();
    const saved: Blob[] = [];
    const names: string[] = [];
    const originalCreate = URL.createObjectURL;
    const originalClick = HTMLAnchorElement.prototype.click;
    URL.createObjectURL = (blob: Blob) => {
      saved.push(blob);
      return 'blob:test';
    };
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      names.push(this.download);
    };
    try {
      const button = part<HTMLButtonElement>(el, 'csv-button')!;
      expect(text(button)).to.equal('Télécharger (CSV)');
      button.click();
    } finally {
      URL.createObjectURL = originalCreate;
      HTMLAnchorElement.prototype.click = originalClick;
    }
    expect(names).to.deep.equal(['barometre_inclusion_lieu-mediation_oui_departement.csv']);
    const bytes = new Uint8Array(await saved[0]!.arrayBuffer());
    expect([...bytes.slice(0, 3)]).to.deep.equal([0xef, 0xbb, 0xbf]);
    const csv = new TextDecoder().decode(bytes.slice(3));
    expect(csv).to.equal(el.toCsv()!.slice(1));
    const rows = parseCsv(csv, ';');
    expect(rows.slice(0, 7)).to.deep.equal([
      ['Question', 'Votre collectivité dispose-t-elle d’au moins un lieu de médiation numérique ?'],
      ['Réponse comptée', 'Oui'],
      ['Pondération', 'données brutes'],
      ['Source', 'Baromètre numérique des collectivités, vague 1'],
      ['Édition', '2026'],
      ['Publication', '2026-12-06T13-00-00Z'],
      ['Date', '6 décembre 2026 à 14 h'],
    ]);
    const header = rows.findIndex((one) => one[0] === 'Département');
    expect(rows[header]).to.deep.equal(['Département', 'Code', 'Part « Oui » (%)', 'Marge d’erreur (points)', 'Fragile', 'Répondants', 'statut']);
    const body = rows.slice(header + 1).filter((one) => one.length > 1);
    expect(body).to.have.length(101);
    const byCode = (code: string) => body.find((one) => one[1] === code);
    // These figures carry no interval: the margin is left empty, never made up.
    expect(byCode('35')).to.deep.equal(['Ille-et-Vilaine', '35', '26', '', '0', '42', 'publie']);
    expect(byCode('22')).to.deep.equal(["Côtes-d'Armor", '22', '', '', '', '', 'insuffisant']);
    expect(byCode('56')).to.deep.equal(['Morbihan', '56', '', '', '', '', 'masque']);
    expect(byCode('29')).to.deep.equal(['Finistère', '29', '', '', '', '30', 'masque']);
    expect(byCode('48')).to.deep.equal(['Lozère', '48', '', '', '', '0', 'aucune']);
    expect(byCode('2A')).to.deep.equal(['Corse-du-Sud', '2A', '', '', '', '', '']);
    // No state is ever written into a numeric column.
    for (const one of body) {
      expect(one[2], one[0]).to.match(/^(\d+(,\d+)?)?$/);
      expect(one[3], one[0]).to.match(/^\d*$/);
      expect(one[4], one[0]).to.match(/^[01]?$/);
      expect(one[5], one[0]).to.match(/^\d*$/);
    }
  });

  it('sorts by respondents with counts that are not published last', async () => {
    const el = await map();
    const nButton = () => [...shadow(el).querySelectorAll<HTMLButtonElement>('thead button')][2]!;
    nButton().click();
    await el.updateComplete;
    const rows = tableRows(el);
    const counts = rows.map((row) => row[2]!).filter((cell) => /^\d+$/.test(cell)).map(Number);
    expect(counts).to.deep.equal([...counts].sort((a, b) => b - a));
    // Côtes-d'Armor, Morbihan, Corse-du-Sud and Mayotte have no published count; Lozère's is 0.
    expect(rows.slice(-4).map((row) => row[0])).to.deep.equal(["Corse-du-Sud (2A)", "Côtes-d'Armor (22)", 'Morbihan (56)', 'Mayotte (976)']);
    expect(rows.at(-5)).to.deep.equal(['Lozère (48)', 'aucune réponse', '0']);
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
    expect(optionOf(el, MASQUE_REGION_ID).getAttribute('fill')).to.equal('url(#carte-hatch)');
    expect(optionOf(el, EMPTY_REGION_ID).getAttribute('aria-label')).to.equal('Mayotte : aucune réponse');
    // The insets keep the départements' order; the keyboard and the table follow names.
    const tiles = [...shadow(el).querySelectorAll('[part~="inset"]')].map((tile) => text(tile));
    expect(tiles).to.deep.equal(['Guadeloupe', 'Martinique', 'Guyane', 'La Réunion', 'Mayotte']);
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
    expect(text(part(el, 'source'))).to.equal(`Source : Baromètre numérique des collectivités, vague 1. ${PUBLICATION_FR}.`);
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
    expect(legendItems(el)).to.include.members(['no response', 'fewer than 5 responses', 'hidden (statistical secrecy)', 'no data']);
    expect(legendItems(el)[0]).to.match(/^from \d+% to under \d+%$/);
    expect(optionOf(el, INSUFFISANT_ID).getAttribute('aria-label')).to.equal("Côtes-d'Armor: fewer than 5 responses");
    expect(optionOf(el, HIDDEN_CELL_ID).getAttribute('aria-label')).to.equal('Finistère: hidden (statistical secrecy) (n = 30)');
    expect(text(part(el, 'source'))).to.equal(`Source: Digital barometer of local authorities, wave 1. ${PUBLICATION_EN}.`);
    const rows = parseCsv(el.toCsv()!.slice(1), ';');
    expect(rows[4]).to.deep.equal(['Edition', '2026']);
    expect(rows[6]).to.deep.equal(['Date', '6 December 2026, 2 pm (Paris time)']);
    expect(rows.find((row) => row[1] === '22')).to.deep.equal(["Côtes-d'Armor", '22', '', '', '', '', 'insuffisant']);
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

  it('reads the map file of a static publication given to the provider', async () => {
    if (!customElements.get('barometre-provider')) customElements.define('barometre-provider', BarometreProvider);
    api.route = (url) =>
      url.pathname.endsWith('/resultats/inclusion/redressee/carte/region/lieu_mediation.json')
        ? json(reweighted(regionResults()))
        : json({ error: 'introuvable', message: 'Fichier introuvable.' }, 404);
    const wrapper = await fixture<HTMLElement>(html`<div style="width: 640px"></div>`);
    wrapper.innerHTML = `<barometre-provider api="${API}" publication="${PUBLICATION_BASE}/" ponderation="redressee">
      <barometre-carte theme="inclusion" question="lieu_mediation" code="oui" niveau="region"></barometre-carte>
    </barometre-provider>`;
    const el = wrapper.querySelector<BarometreCarte>('barometre-carte')!;
    await untilDrawn(el);
    // Wording from the publication's definition (absent here: the bundled one is used), figures from its map file; the API is not asked.
    expect(api.requests.map((url) => url.href)).to.have.members([
      `${PUBLICATION_BASE}/questionnaires/inclusion.json`,
      `${PUBLICATION_BASE}/resultats/inclusion/redressee/carte/region/lieu_mediation.json`,
    ]);
    expect(mapRequests(api)).to.have.length(0);
    expect(optionOf(el, BRETAGNE.id).getAttribute('aria-label')).to.equal(`Bretagne : ${pct(31)} (n = 180)`);
    expect(text(part(el, 'subtitle'))).to.contain('données redressées');
    // A weighted share is an estimate for every collectivité, not a share of respondents: its labels say so.
    expect(text(part(el, 'subtitle'))).to.contain('Part « Oui » estimée pour l’ensemble des collectivités, répondantes ou non');
    expect(text(part(el, 'legend')!.querySelector('.legend-title'))).to.match(/^Part « Oui » estimée pour l’ensemble des collectivités/);
    expect(shadow(el).querySelector('[role="listbox"]')!.getAttribute('aria-label')).to.contain('estimée pour l’ensemble des collectivités');
    expect(text(shadow(el).querySelector('caption'))).to.contain('estimée pour l’ensemble des collectivités, répondantes ou non, par régions');
    expect(`${text(part(el, 'figure'))}`).to.not.contain('ayant répondu « Oui »');
  });

  it('says when a static publication has no file for the map', async () => {
    api.route = () => new Response('Not Found', { status: 404, headers: { 'Content-Type': 'text/plain' } });
    const el = await fixture<BarometreCarte>(html`
      <barometre-carte publication=${PUBLICATION_BASE} theme="inclusion" question="lieu_mediation" code="oui"></barometre-carte>
    `);
    await untilStatus(el, 'error');
    expect(text(part(el, 'status'))).to.equal('Les résultats n’ont pas pu être chargés. Le fichier de résultats n’a pas pu être lu (HTTP 404).');
  });
});
