import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { ResultsResponse } from '../../../src/core/schema/results.js';
import '../../../src/elements/territoire-chart/define.js';
import type { BarometreTerritoireChart } from '../../../src/elements/territoire-chart/barometre-territoire-chart.js';
import { parseCsv } from '../../helpers/csv.js';
import { withIntervalsRoute } from './fixtures/intervals.js';
import { items, part, shadow, text } from './helpers/dom.js';
import { API, defaultRoute, installFakeApi, json, type FakeApi } from './helpers/fake-api.js';

const NNBSP = '\u202f';

async function chart(attributes: string): Promise<BarometreTerritoireChart> {
  const wrapper = await fixture<HTMLElement>(html`<div></div>`);
  wrapper.innerHTML = `<barometre-territoire-chart api="${API}" ${attributes}></barometre-territoire-chart>`;
  const el = wrapper.querySelector<BarometreTerritoireChart>('barometre-territoire-chart')!;
  await waitUntil(() => el.chart, 'the chart was never drawn', { timeout: 5000 });
  await el.updateComplete;
  return el;
}

/** The table's cells by row label, then by column name. */
function cells(el: Element): Map<string, Map<string, Element>> {
  const table = shadow(el).querySelector('table')!;
  const names = [...table.querySelectorAll('thead th')].slice(1).map((th) => text(th));
  return new Map(
    [...table.querySelectorAll('tbody tr')].map((row) => {
      const tds = [...row.querySelectorAll('td')];
      return [text(row.querySelector('th')), new Map(names.map((name, index) => [name, tds[index]!]))];
    }),
  );
}

/** The tooltip of one bar, as Chart.js builds it when a reader hovers or focuses it. */
function tooltipOf(el: BarometreTerritoireChart, datasetIndex: number, index: number): string[] {
  const chart = el.chart!;
  chart.tooltip!.setActiveElements([{ datasetIndex, index }], { x: 0, y: 0 });
  chart.update('none');
  const body = chart.tooltip!.body[0]!;
  return [...body.lines, ...body.after];
}

describe('margins of error in <barometre-territoire-chart>', () => {
  let api: FakeApi;

  beforeEach(() => {
    api = installFakeApi((url) => withIntervalsRoute(url, defaultRoute));
  });

  afterEach(() => api.restore());

  it('writes each figure with its margin in the table, and explains the margin under it', async () => {
    const el = await chart('theme="cybersecurite" question="rssi" territoire="departement:35" comparer="region france"');
    const table = cells(el);
    // 20 of 42: Wilson's 95 % interval is [33.4 %, 62.3 %], whose larger side from 47.6 % is 14.7 points, said 15.
    expect(text(table.get('Oui, mutualisé avec d’autres structures')!.get('Ille-et-Vilaine')!.querySelector('.figure'))).to.equal(
      `48${NNBSP}% ± 15 pts`,
    );
    // France's 2,729 respondents give a narrow interval: one point at least.
    expect(text(table.get('Non')!.get('France')!.querySelector('.figure'))).to.equal(`64${NNBSP}% ± 2 pts`);
    const notes = [...shadow(el).querySelectorAll('[part~="table-notes"] li')].map((item) => text(item));
    expect(notes[0]).to.contain('marge d’erreur').and.contain('95');
    // Hidden figures keep their words, without any margin.
    expect(text(table.get('Oui, en interne')!.get('Ille-et-Vilaine'))).to.equal('masqué (secret statistique)');
  });

  it('says in the table when a figure is not distinguishable from the chosen territory’s, and only then', async () => {
    const el = await chart('theme="cybersecurite" question="rssi" territoire="departement:35" comparer="region france"');
    const table = cells(el);
    // Bretagne 34 % ± 8 (61 of 180) against Ille-et-Vilaine 48 % ± 15: the intervals overlap.
    const bretagne = table.get('Oui, mutualisé avec d’autres structures')!.get('Bretagne')!;
    expect(text(bretagne.querySelector('.comparison'))).to.equal('L’écart avec Ille-et-Vilaine n’est pas significatif.');
    // France 64 % ± 2 against 45 % ± 15: told apart, no such sentence.
    expect(table.get('Non')!.get('France')!.querySelector('.comparison')).to.equal(null);
    // The territory is never compared with itself.
    expect(table.get('Non')!.get('Ille-et-Vilaine')!.querySelector('.comparison')).to.equal(null);
    const notes = text(part(el, 'table-notes'));
    expect(notes).to.contain('Un écart avec Ille-et-Vilaine est dit non significatif quand les marges d’erreur des deux chiffres se recouvrent');
  });

  it('marks fragile figures with a visible word, explained under the table', async () => {
    // Thirteen collectivités of Ille-et-Vilaine have a venue: fewer than 30, so its figures are fragile.
    const el = await chart('theme="inclusion" question="services_proposes" territoire="departement:35" comparer="france"');
    const table = cells(el);
    const fragile = [...table.values()][0]!;
    const cell = fragile.get('Ille-et-Vilaine')!;
    const mark = cell.querySelector('.fragile')!;
    expect(text(mark)).to.equal('fragile');
    expect(mark.getBoundingClientRect().width).to.be.greaterThan(0);
    expect(cell.getAttribute('data-fragile')).to.equal('true');
    expect(fragile.get('France')!.querySelector('.fragile')).to.equal(null);
    expect(text(part(el, 'table-notes'))).to.contain(
      'Fragile : chiffre reposant sur moins de 30 réponses ou dont la marge d’erreur dépasse 15 points ; à lire avec prudence.',
    );
  });

  it('gives the margin, fragility and comparison in the tooltips', async () => {
    const el = await chart('theme="cybersecurite" question="rssi" territoire="departement:35" comparer="region france"');
    // Dataset 1 is Bretagne, answer 1 "Oui, mutualisé".
    expect(tooltipOf(el, 1, 1)).to.deep.equal([`Bretagne : 34${NNBSP}% ± 8 pts`, 'L’écart avec Ille-et-Vilaine n’est pas significatif.']);
    // Dataset 2 is France, answer 2 "Non": clearly above Ille-et-Vilaine's 45 %.
    expect(tooltipOf(el, 2, 2)).to.deep.equal([`France : 64${NNBSP}% ± 2 pts`, 'Ce chiffre est nettement supérieur à celui observé pour Ille-et-Vilaine.']);
    expect(tooltipOf(el, 0, 1)).to.deep.equal([`Ille-et-Vilaine : 48${NNBSP}% ± 15 pts`]);

    const fragile = await chart('theme="inclusion" question="services_proposes" territoire="departement:35" comparer="france"');
    expect(tooltipOf(fragile, 0, 0)[1]).to.equal('Chiffre fragile : à lire avec prudence.');
  });

  it('speaks English too', async () => {
    const el = await chart('lang="en" theme="cybersecurite" question="rssi" territoire="departement:35" comparer="region france"');
    const bretagne = cells(el).get('Yes, shared with other bodies')!;
    expect(text(bretagne.get('Bretagne')!.querySelector('.figure'))).to.equal('34% ± 8 pts');
    expect(text(bretagne.get('Bretagne')!.querySelector('.comparison'))).to.equal('The gap with Ille-et-Vilaine is not significant.');
    expect(tooltipOf(el, 2, 2)[1]).to.equal('This figure is clearly higher than the one for Ille-et-Vilaine.');
    expect(text(part(el, 'table-notes'))).to.contain('The margin of error (±, in points)');
  });

  it('keeps the CSV numeric: margins and fragility in columns of their own', async () => {
    const el = await chart('theme="cybersecurite" question="rssi" territoire="departement:35" comparer="region france"');
    const rows = parseCsv(el.toCsv()!, ';');
    const header = rows.findIndex((row) => row[0] === 'Réponse');
    expect(rows[header]!.slice(1, 5)).to.deep.equal([
      'Ille-et-Vilaine (%)',
      'Ille-et-Vilaine (marge d’erreur, points)',
      'Ille-et-Vilaine (fragile)',
      'Ille-et-Vilaine (statut)',
    ]);
    const mutualise = rows.find((row) => row[0] === 'Oui, mutualisé avec d’autres structures')!;
    expect(mutualise.slice(1, 13)).to.deep.equal(['48', '15', '0', 'publie', '34', '8', '0', 'publie', '25', '2', '0', 'publie']);
    for (const cell of mutualise.slice(1).filter((_, index) => index % 4 !== 3)) expect(cell).to.match(/^\d+$/);
  });

  it('claims no margin among all respondents, where none is published', async () => {
    const el = await chart('theme="inclusion" question="services_proposes" territoire="departement:35" comparer="france" base="toutes"');
    const table = shadow(el).querySelector('table')!;
    expect(text(table)).to.not.contain('±');
    expect(part(el, 'table-notes') === null || !text(part(el, 'table-notes')).includes('marge d’erreur (±')).to.equal(true);
  });
});

describe('weighted figures in <barometre-territoire-chart>', () => {
  let api: FakeApi;

  beforeEach(() => {
    api = installFakeApi();
  });

  afterEach(() => api.restore());

  it('labels a weighted figure as an estimate for all collectivités, not a share of respondents', async () => {
    const el = await chart('ponderation="redressee" theme="cybersecurite" question="rssi" territoire="departement:35" comparer="france"');
    expect(api.resultsRequests()[0]!.searchParams.get('ponderation')).to.equal('redressee');
    const subtitle = text(part(el, 'subtitle'));
    expect(subtitle).to.not.contain('ayant répondu');
    expect(subtitle).to.contain('Part estimée pour l’ensemble des collectivités du territoire concernées par la question, répondantes ou non');
    expect(text(shadow(el).querySelector('caption'))).to.contain('Part estimée pour l’ensemble des collectivités');
    const csv = parseCsv(el.toCsv()!, ';');
    expect(csv[1]![1]).to.contain('Part estimée');

    el.lang = 'en';
    await el.updateComplete;
    expect(text(part(el, 'subtitle'))).to.contain('Estimated share of all the territory’s authorities the question applies to');

    el.lang = 'fr';
    el.base = 'toutes';
    await el.updateComplete;
    expect(text(part(el, 'subtitle'))).to.contain('Part estimée pour l’ensemble des collectivités du territoire, répondantes ou non');
  });

  it('says beside the chart when an estimate stands for only part of the collectivités', async () => {
    api.route = async (url) => {
      const response = await defaultRoute(url);
      if (!url.pathname.includes('/resultats/')) return response;
      const body = (await response.json()) as ResultsResponse;
      body.series[0]!.questions.rssi!.coverage = 0.678;
      return json(body);
    };
    const el = await chart('ponderation="redressee" theme="cybersecurite" question="rssi" territoire="departement:35" comparer="france"');
    expect(items(el, 'notes')).to.include(
      `L’estimation pour Ille-et-Vilaine ne représente que 67${NNBSP}% des collectivités : aucune répondante ne représente les autres.`,
    );
    // France covers all of its collectivités: nothing is said about it.
    expect(items(el, 'notes').some((note) => note.includes('France'))).to.equal(false);
    el.lang = 'en';
    await el.updateComplete;
    expect(items(el, 'notes')).to.include('The estimate for Ille-et-Vilaine stands for only 67% of the authorities: no respondent stands for the others.');
  });

  it('keeps the respondents’ wording for raw figures', async () => {
    const el = await chart('theme="cybersecurite" question="rssi" territoire="departement:35" comparer="france"');
    expect(text(part(el, 'subtitle'))).to.equal('Part des collectivités ayant répondu à la question · données brutes');
  });
});
