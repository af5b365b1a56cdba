import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { ResultsResponse } from '../../../src/core/schema/results.js';
import '../../../src/elements/territoire-chart/define.js';
import type { BarometreTerritoireChart } from '../../../src/elements/territoire-chart/barometre-territoire-chart.js';
import { answer, cyberSeries, resultsOf } from './fixtures/results.js';
import { items, part, shadow, text } from './helpers/dom.js';
import { API, defaultRoute, installFakeApi, json, type FakeApi } from './helpers/fake-api.js';

async function chartIn(width: number, attributes: string): Promise<BarometreTerritoireChart> {
  const wrapper = await fixture<HTMLElement>(html`<div></div>`);
  wrapper.style.width = `${width}px`;
  wrapper.innerHTML = `<barometre-territoire-chart api="${API}" ${attributes}></barometre-territoire-chart>`;
  const el = wrapper.querySelector<BarometreTerritoireChart>('barometre-territoire-chart')!;
  await waitUntil(() => el.chart, 'the chart was never drawn', { timeout: 5000 });
  await el.updateComplete;
  return el;
}

/** The value axis's tick labels with where they are drawn: centre and half width, in the tick font. */
function tickBoxes(el: BarometreTerritoireChart): { label: string; from: number; to: number }[] {
  const chart = el.chart!;
  const horizontal = chart.options.indexAxis === 'y';
  const scale = horizontal ? chart.scales.x! : chart.scales.y!;
  const context = chart.ctx;
  const font = (scale.options as unknown as { ticks: { font: { size: number; family: string } } }).ticks.font;
  context.save();
  context.font = `${font.size}px ${font.family}`;
  const boxes = scale.ticks.map((tick, index) => {
    const label = String(scale.getLabelItems()[index]?.label ?? tick.value);
    const centre = scale.getPixelForValue(tick.value);
    const half = horizontal ? context.measureText(label).width / 2 : font.size * 0.6;
    return { label, from: centre - half, to: centre + half };
  });
  context.restore();
  return boxes.sort((a, b) => a.from - b.from);
}

describe('layout of <barometre-territoire-chart>', () => {
  let api: FakeApi;

  beforeEach(() => {
    api = installFakeApi();
  });

  afterEach(() => api.restore());

  for (const width of [320, 375, 768]) {
    for (const type of ['barres', 'colonnes']) {
      it(`ends the share axis at a round top with tick labels apart, ${type} at ${width} px`, async () => {
        const el = await chartIn(width, `type="${type}" theme="cybersecurite" question="rssi" territoire="departement:35" comparer="region france"`);
        const chart = el.chart!;
        const scale = type === 'barres' ? chart.scales.x! : chart.scales.y!;
        // The largest share is France's 64 %: the axis goes on to 80 %, a round top with room above the bar.
        expect(scale.max).to.equal(80);
        const values = scale.ticks.map((tick) => tick.value);
        expect(values[0]).to.equal(0);
        expect(values.at(-1)).to.equal(80);
        const steps = new Set(values.slice(1).map((value, index) => value - values[index]!));
        expect(steps.size, `evenly spaced: ${values.join(', ')}`).to.equal(1);
        const boxes = tickBoxes(el);
        for (let index = 1; index < boxes.length; index += 1) {
          expect(boxes[index]!.from - boxes[index - 1]!.to, `${boxes[index - 1]!.label} / ${boxes[index]!.label}`).to.be.at.least(4);
        }
      });
    }
  }

  it('ends at 100 % when a share is close to it, and stacked bars at 100 %', async () => {
    const results = resultsOf('cybersecurite', [cyberSeries().france]);
    results.series[0]!.questions.rssi!.answers = { interne: answer(20, 2729, 2729), mutualise: answer(100, 2729, 2729), aucun: answer(2609, 2729, 2729) };
    api.route = (url) => (url.pathname.includes('/resultats/') ? json(results) : defaultRoute(url));
    const grouped = await chartIn(640, 'theme="cybersecurite" question="rssi" comparer="france"');
    expect(grouped.chart!.scales.x!.max).to.equal(100);
    const stacked = await chartIn(640, 'type="barres-empilees" theme="cybersecurite" question="rssi" comparer="france"');
    expect(stacked.chart!.scales.x!.max).to.equal(100);
  });

  it('wraps a long series name in the legend at 375 px instead of cutting it', async () => {
    const long = 'Départements de 100 000 habitants et plus';
    api.route = async (url) => {
      const response = await defaultRoute(url);
      if (!url.pathname.includes('/resultats/')) return response;
      const body = (await response.json()) as ResultsResponse;
      for (const series of body.series) if (series.role === 'similaires') series.territory.name = long;
      return json(body);
    };
    const el = await chartIn(375, 'theme="cybersecurite" question="rssi" territoire="departement:35" comparer="region france similaires"');
    // Chart.js's own legend, which cut names on the canvas, is off; the page's list is the legend.
    expect(el.chart!.options.plugins?.legend?.display).to.equal(false);
    const entry = [...shadow(el).querySelectorAll('[part~="series"] li')].find((item) => text(item).startsWith(long))!;
    expect(text(entry)).to.equal(`${long} (n = 96)`);
    const host = el.getBoundingClientRect();
    const box = entry.getBoundingClientRect();
    expect(box.right).to.be.at.most(host.right + 0.5);
    expect(entry.scrollWidth).to.be.at.most(entry.clientWidth + 1);
    // Whole, on as many lines as it needs.
    const label = entry.querySelector('span')!;
    expect(label.scrollWidth).to.be.at.most(label.clientWidth + 1);
  });

  it('says in one sentence that many single figures are left out, and the table says which', async () => {
    const n = 40;
    const hidden = { status: 'masque' as const, count: null, share: null, shareOfAll: null };
    const types = (values: (number | null)[]) => ({
      status: 'publie' as const,
      n,
      answers: Object.fromEntries(
        ['rancongiciel', 'hameconnage', 'fraude_virement', 'site_indisponible', 'fuite_donnees', 'autre'].map((code, index) => [
          code,
          values[index] === null ? hidden : answer(values[index]!, n, n),
        ]),
      ),
    });
    const series = cyberSeries();
    series.territoire.questions = { types_attaques: types([null, null, null, null, null, null]) };
    series.region.questions = { types_attaques: types([null, 12, null, null, 8, null]) };
    series.france.questions = { types_attaques: types([10, 20, 6, 5, 4, 3]) };
    const results = resultsOf('cybersecurite', [series.territoire, series.region, series.france]);
    api.route = (url) => (url.pathname.includes('/resultats/') ? json(results) : defaultRoute(url));
    const el = await chartIn(640, 'theme="cybersecurite" question="types_attaques" territoire="departement:35" comparer="region france"');
    expect(items(el, 'notes')).to.deep.equal([
      '10 valeurs ne figurent pas sur le graphique (secret statistique) : le tableau indique lesquelles.',
    ]);
    // The table still says, cell by cell, which figure is hidden.
    const hiddenCells = shadow(el).querySelectorAll('td[data-state="masque"]');
    expect(hiddenCells).to.have.length(10);
    expect(text(hiddenCells[0])).to.equal('masqué (secret statistique)');

    el.lang = 'en';
    await el.updateComplete;
    expect(text(part(el, 'notes'))).to.equal('10 values are not drawn on the chart (statistical secrecy): the table says which.');
  });
});
