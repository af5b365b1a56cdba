import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../../src/elements/territoire-chart/define.js';
import type { BarometreTerritoireChart } from '../../../src/elements/territoire-chart/barometre-territoire-chart.js';
import { loadChartRuntime } from '../../../src/elements/shared/chart/chart-loader.js';
import { PUBLICATION_FR } from './fixtures/results.js';
import { part, shadow } from './helpers/dom.js';
import { API, installFakeApi, type FakeApi } from './helpers/fake-api.js';

/** Everything written on any canvas while `run` runs, in order, with its width in the font it was written in. */
function writtenWithWidths(run: () => void): { text: string; width: number }[] {
  const texts: { text: string; width: number }[] = [];
  const original = CanvasRenderingContext2D.prototype.fillText;
  CanvasRenderingContext2D.prototype.fillText = function (this: CanvasRenderingContext2D, value: string, x: number, y: number) {
    texts.push({ text: value, width: this.measureText(value).width });
    return original.call(this, value, x, y);
  };
  try {
    run();
  } finally {
    CanvasRenderingContext2D.prototype.fillText = original;
  }
  return texts;
}

/** Everything written on any canvas while `run` runs, in order. */
function written(run: () => void): string[] {
  return writtenWithWidths(run).map((one) => one.text);
}

async function decode(dataUrl: string): Promise<HTMLImageElement> {
  const image = new Image();
  image.src = dataUrl;
  await image.decode();
  return image;
}

describe('PNG export of <barometre-territoire-chart>', () => {
  let api: FakeApi;

  beforeEach(() => {
    api = installFakeApi();
  });

  afterEach(() => api.restore());

  /** A chart placed in a box `width` pixels wide, its figures and drawing still to come. */
  async function placedChart(width: number, attributes = '', comparer = 'region france'): Promise<BarometreTerritoireChart> {
    const wrapper = await fixture<HTMLElement>(html`<div></div>`);
    wrapper.style.width = `${width}px`;
    wrapper.innerHTML = `<barometre-territoire-chart api="${API}" theme="cybersecurite" question="rssi" territoire="departement:35" comparer="${comparer}" ${attributes}></barometre-territoire-chart>`;
    return wrapper.querySelector<BarometreTerritoireChart>('barometre-territoire-chart')!;
  }

  async function drawnChart(width: number, attributes = '', comparer = 'region france'): Promise<BarometreTerritoireChart> {
    const el = await placedChart(width, attributes, comparer);
    await waitUntil(() => el.chart, 'the chart was never drawn', { timeout: 5000 });
    await el.updateComplete;
    return el;
  }

  it('draws the question, the territory, the comparisons, the legend and the source into the image', async () => {
    const el = await drawnChart(640);
    let png = '';
    // Lines wrap to the image's width: read them back as one text.
    const texts = written(() => (png = el.toPng()!)).join(' ');
    expect(texts).to.contain('Votre collectivité dispose-t-elle d’un responsable de la sécurité des systèmes d’information (RSSI) ?');
    expect(texts).to.contain('Territoire : Ille-et-Vilaine.');
    expect(texts).to.contain('Comparaisons : Bretagne, France.');
    expect(texts).to.contain('Part des collectivités ayant répondu à la question · données brutes');
    expect(texts).to.contain('Ille-et-Vilaine (n = 42)').and.contain('Bretagne (n = 180)');
    expect(texts).to.contain('Une valeur ne figure pas sur le graphique (secret statistique)');
    expect(texts).to.contain(`Source : Baromètre numérique des collectivités, vague 1. ${PUBLICATION_FR}.`);

    // The picture holds the chart and the words around it: taller than the chart, as wide.
    const image = await decode(png);
    const canvas = part<HTMLCanvasElement>(el, 'canvas')!;
    expect(image.width).to.equal(canvas.width);
    expect(image.height).to.be.greaterThan(canvas.height + 100);
    // On an opaque background.
    const copy = document.createElement('canvas');
    copy.width = image.width;
    copy.height = image.height;
    const context = copy.getContext('2d')!;
    context.drawImage(image, 0, 0);
    expect([...context.getImageData(1, 1, 1, 1).data]).to.deep.equal([255, 255, 255, 255]);
    expect([...context.getImageData(1, image.height - 2, 1, 1).data]).to.deep.equal([255, 255, 255, 255]);
  });

  it('wraps its words within a narrow image and writes English when the page does', async () => {
    const el = await drawnChart(320, 'lang="en"', 'region france similaires');
    const texts = writtenWithWidths(() => el.toPng());
    const joined = texts.map((one) => one.text).join(' ');
    expect(joined).to.contain('Territory: Ille-et-Vilaine.');
    expect(joined).to.contain('Compared with: Bretagne, France, Départements.');
    expect(joined).to.contain('Source: Digital barometer of French local authorities, wave 1.');
    // No line is wider than the picture, and the long ones were wrapped into several.
    const canvas = part<HTMLCanvasElement>(el, 'canvas')!;
    for (const line of texts) expect(line.width, line.text).to.be.at.most(canvas.clientWidth);
    expect(texts.some((line) => line.text === 'Does your authority have an information systems security officer (RSSI)?')).to.equal(false);
  });

  it('is offered once the chart is drawn, and not before', async () => {
    const el = await drawnChart(640);
    expect(part<HTMLButtonElement>(el, 'png-button')!.disabled).to.equal(false);
    expect(shadow(el).querySelector('[part~="png-button"]')).to.not.equal(null);
  });

  it('is offered with the bars when Chart.js is in hand: the update that draws them renders the button enabled', async () => {
    await loadChartRuntime();
    const el = await placedChart(640);
    // An update more after the drawing would show as the button losing its `disabled` attribute.
    const enabledLater: MutationRecord[] = [];
    const watcher = new MutationObserver((records) => enabledLater.push(...records.filter((record) => (record.target as Element).matches('[part~="png-button"]'))));
    watcher.observe(shadow(el), { subtree: true, attributes: true, attributeFilter: ['disabled'] });
    await waitUntil(() => el.chart, 'the chart was never drawn', { timeout: 5000 });
    await el.updateComplete;
    await new Promise((resolve) => requestAnimationFrame(resolve));
    watcher.disconnect();
    expect(part<HTMLButtonElement>(el, 'png-button')!.disabled).to.equal(false);
    expect(enabledLater).to.have.length(0);
  });
});
