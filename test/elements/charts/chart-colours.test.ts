import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../../src/elements/territoire-chart/define.js';
import type { BarometreTerritoireChart } from '../../../src/elements/territoire-chart/barometre-territoire-chart.js';
import { SERIES_PALETTE } from '../../../src/elements/shared/chart/palette.js';
import { shadow, text } from './helpers/dom.js';
import { API, installFakeApi, type FakeApi } from './helpers/fake-api.js';

/** WCAG's relative luminance of an sRGB colour written `#rrggbb`. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((start) => {
    const channel = Number.parseInt(hex.slice(start, start + 2), 16) / 255;
    return channel <= 0.04045 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG's contrast ratio of two colours. */
function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/** What a fill looks like: a 10 × 10 square painted with it. Two equal fills give equal pixels. */
function pixelsOf(fill: unknown): number[] {
  const canvas = document.createElement('canvas');
  canvas.width = 10;
  canvas.height = 10;
  const context = canvas.getContext('2d')!;
  context.fillStyle = fill as string | CanvasPattern;
  context.fillRect(0, 0, 10, 10);
  return [...context.getImageData(0, 0, 10, 10).data];
}

/** Each drawn series' fill, by name, as pixels. */
function fillsByName(el: BarometreTerritoireChart): Map<string, number[]> {
  return new Map(el.chart!.data.datasets.map((set) => [set.label!, pixelsOf(set.backgroundColor)]));
}

/** The legend's swatches by series name: slot, whether left empty, and pixels. */
function swatches(el: BarometreTerritoireChart): Map<string, { slot: string; empty: boolean; pixels: number[] }> {
  const entries = [...shadow(el).querySelectorAll('[part~="series"] li')].map((item) => {
    const swatch = item.querySelector<HTMLCanvasElement>('canvas.swatch')!;
    const name = text(item).replace(/ \(n = .*\)$| : .*$/, '');
    const pixels = [...swatch.getContext('2d')!.getImageData(0, 0, swatch.width, swatch.height).data];
    return [name, { slot: swatch.dataset.slot!, empty: swatch.dataset.empty === 'true', pixels }] as const;
  });
  return new Map(entries);
}

describe('series colours of <barometre-territoire-chart>', () => {
  let api: FakeApi;

  beforeEach(() => {
    api = installFakeApi();
  });

  afterEach(() => api.restore());

  it('gives every default series colour 3:1 against the light surfaces', () => {
    for (const colour of SERIES_PALETTE) {
      for (const surface of ['#ffffff', '#f4f4f6']) {
        expect(contrast(colour, surface), `${colour} on ${surface}`).to.be.at.least(3);
      }
    }
    // The colours the issue found failing are gone.
    for (const failing of ['#e69f00', '#56b4e9', '#cc79a7']) expect(SERIES_PALETTE).to.not.include(failing);
    expect(new Set(SERIES_PALETTE).size).to.equal(SERIES_PALETTE.length);
  });

  it('draws with the palette when the page sets no colour', async () => {
    const el = await fixture<BarometreTerritoireChart>(html`
      <barometre-territoire-chart api=${API} theme="cybersecurite" question="rssi" territoire="departement:35" comparer="france"></barometre-territoire-chart>
    `);
    await waitUntil(() => el.chart, 'the chart was never drawn', { timeout: 5000 });
    const style = getComputedStyle(el);
    SERIES_PALETTE.forEach((colour, index) => expect(style.getPropertyValue(`--_series-${index + 1}`).trim()).to.equal(colour));
    expect(el.chart!.data.datasets[0]!.backgroundColor).to.equal(SERIES_PALETTE[0]);
  });

  it('keeps each role’s colour and texture across two charts of one page, the chosen territory first', async () => {
    const wrapper = await fixture<HTMLElement>(html`
      <div>
        <barometre-territoire-chart
          id="a"
          api=${API}
          theme="cybersecurite"
          question="rssi"
          territoire="departement:35"
          comparer="region france"
        ></barometre-territoire-chart>
        <barometre-territoire-chart
          id="b"
          api=${API}
          theme="inclusion"
          question="lieu_mediation"
          territoire="departement:35"
          comparer="france region"
        ></barometre-territoire-chart>
      </div>
    `);
    const [a, b] = [...wrapper.querySelectorAll<BarometreTerritoireChart>('barometre-territoire-chart')] as [
      BarometreTerritoireChart,
      BarometreTerritoireChart,
    ];
    await waitUntil(() => a.chart && b.chart, 'the charts were never drawn', { timeout: 5000 });
    await Promise.all([a.updateComplete, b.updateComplete]);
    // The second chart lists France before Bretagne: the colours follow the roles, not the order.
    expect(b.chart!.data.datasets.map((set) => set.label)).to.deep.equal(['Ille-et-Vilaine', 'France', 'Bretagne']);
    const [fillsA, fillsB] = [fillsByName(a), fillsByName(b)];
    for (const name of ['Ille-et-Vilaine', 'Bretagne', 'France']) expect(fillsA.get(name), name).to.deep.equal(fillsB.get(name));
    expect(fillsA.get('Bretagne')).to.not.deep.equal(fillsA.get('France'));
    // The chosen territory has the first colour, plain; the others a texture as well.
    expect(a.chart!.data.datasets[0]!.backgroundColor).to.equal(SERIES_PALETTE[0]);
    expect(b.chart!.data.datasets[0]!.backgroundColor).to.equal(SERIES_PALETTE[0]);
    expect(b.chart!.data.datasets[1]!.backgroundColor).to.be.instanceOf(CanvasPattern);
    // The legends agree with the bars and with each other.
    const [legendA, legendB] = [swatches(a), swatches(b)];
    for (const name of ['Ille-et-Vilaine', 'Bretagne', 'France']) {
      expect(legendA.get(name)!.slot, name).to.equal(legendB.get(name)!.slot);
      expect(legendA.get(name)!.pixels, name).to.deep.equal(legendB.get(name)!.pixels);
    }
    expect(legendA.get('Ille-et-Vilaine')!.slot).to.equal('0');
  });

  it('leaves a series’ slot empty when it is not drawn, and the others keep their colours', async () => {
    const wrapper = await fixture<HTMLElement>(html`
      <div>
        <barometre-territoire-chart api=${API} theme="cybersecurite" question="rssi" territoire="departement:35" comparer="region france"></barometre-territoire-chart>
        <barometre-territoire-chart api=${API} theme="cybersecurite" question="rssi" territoire="departement:56" comparer="region france"></barometre-territoire-chart>
      </div>
    `);
    const [whole, hidden] = [...wrapper.querySelectorAll<BarometreTerritoireChart>('barometre-territoire-chart')] as [
      BarometreTerritoireChart,
      BarometreTerritoireChart,
    ];
    await waitUntil(() => whole.chart && hidden.chart, 'the charts were never drawn', { timeout: 5000 });
    await Promise.all([whole.updateComplete, hidden.updateComplete]);
    // Morbihan is hidden by statistical secrecy: Bretagne does not move up to the first colour.
    expect(hidden.chart!.data.datasets.map((set) => set.label)).to.deep.equal(['Bretagne', 'France']);
    expect(hidden.chart!.data.datasets[0]!.backgroundColor).to.be.instanceOf(CanvasPattern);
    const [fillsWhole, fillsHidden] = [fillsByName(whole), fillsByName(hidden)];
    expect(fillsHidden.get('Bretagne')).to.deep.equal(fillsWhole.get('Bretagne'));
    expect(fillsHidden.get('France')).to.deep.equal(fillsWhole.get('France'));
    const legend = swatches(hidden);
    expect(legend.get('Morbihan')).to.include({ slot: '0', empty: true });
    expect(legend.get('Bretagne')).to.include({ slot: '1', empty: false });
    // An empty slot is outlined, not filled: its middle is see-through.
    const morbihan = shadow(hidden).querySelector<HTMLCanvasElement>('[part~="series"] canvas.swatch[data-empty]')!;
    expect(morbihan.getContext('2d')!.getImageData(morbihan.width / 2, morbihan.height / 2, 1, 1).data[3]).to.equal(0);
  });

  it('colours answers in a stacked chart and names them in a legend of its own', async () => {
    const el = await fixture<BarometreTerritoireChart>(html`
      <barometre-territoire-chart api=${API} type="barres-empilees" theme="cybersecurite" question="rssi" territoire="departement:35" comparer="region france"></barometre-territoire-chart>
    `);
    await waitUntil(() => el.chart, 'the chart was never drawn', { timeout: 5000 });
    const legend = [...shadow(el).querySelectorAll('[part~="legend"] li')].map((item) => text(item));
    expect(legend).to.deep.equal(['Oui, en interne', 'Oui, mutualisé avec d’autres structures', 'Non']);
    expect(shadow(el).querySelectorAll('[part~="series"] canvas.swatch')).to.have.length(0);
  });
});
