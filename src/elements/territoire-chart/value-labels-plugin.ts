import type { BarElement, Chart, ChartType, Plugin } from 'chart.js';

/** Options of the value-label plugin, under `options.plugins.barometreValueLabels`. */
export interface ValueLabelOptions {
  /** Writes a value as the reader expects it ("26 %"). */
  format: (value: number) => string;
  /** `end`: beside the bar's end (grouped bars); `inside`: centred in the segment (stacked bars). */
  position: 'end' | 'inside';
  color: string;
  /** Behind labels drawn inside a segment, so they stay readable on any fill or texture. */
  background: string;
  font: string;
}

declare module 'chart.js' {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  interface PluginOptionsByType<TType extends ChartType> {
    barometreValueLabels?: ValueLabelOptions;
  }
}

const GAP = 4;

/**
 * Room kept beside horizontal bars for their labels: the widest, "100 %", at the labels' font
 * size (digits are at most about 0.6 em wide), so a host's large type never pushes them out.
 */
export function valueLabelRoom(fontSize: number): number {
  return Math.ceil(fontSize * 0.6 * '100 %'.length + 2 * GAP);
}
const PAD = 3;

interface BarGeometry {
  x: number;
  y: number;
  base: number;
  horizontal: boolean;
}

function drawInside(chart: Chart, text: string, bar: BarGeometry, options: ValueLabelOptions): void {
  const { ctx } = chart;
  const width = ctx.measureText(text).width;
  const length = Math.abs((bar.horizontal ? bar.x : bar.y) - bar.base);
  // A segment too thin for its label stays unlabelled; the table always has the figure.
  if (length < width + 2 * (GAP + PAD)) return;
  const cx = bar.horizontal ? (bar.x + bar.base) / 2 : bar.x;
  const cy = bar.horizontal ? bar.y : (bar.y + bar.base) / 2;
  const height = Number.parseFloat(ctx.font) || 12;
  ctx.fillStyle = options.background;
  ctx.fillRect(cx - width / 2 - PAD, cy - height / 2 - PAD, width + 2 * PAD, height + 2 * PAD);
  ctx.fillStyle = options.color;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  ctx.fillText(text, cx, cy);
}

function drawAtEnd(chart: Chart, text: string, bar: BarGeometry, options: ValueLabelOptions): void {
  const { ctx } = chart;
  ctx.fillStyle = options.color;
  if (bar.horizontal) {
    ctx.textAlign = 'left';
    ctx.textBaseline = 'middle';
    ctx.fillText(text, Math.max(bar.x, bar.base) + GAP, bar.y);
  } else {
    ctx.textAlign = 'center';
    ctx.textBaseline = 'bottom';
    ctx.fillText(text, bar.x, Math.min(bar.y, bar.base) - GAP);
  }
}

/**
 * Writes each bar's value on or beside it, so no figure depends on reading colours or an axis.
 * A few lines of our own rather than a labels dependency.
 */
export const valueLabelsPlugin: Plugin<'bar', ValueLabelOptions> = {
  id: 'barometreValueLabels',
  afterDatasetsDraw(chart, _args, options) {
    if (!options?.format) return;
    const { ctx } = chart;
    ctx.save();
    ctx.font = options.font;
    chart.data.datasets.forEach((dataset, datasetIndex) => {
      if (!chart.isDatasetVisible(datasetIndex)) return;
      const meta = chart.getDatasetMeta(datasetIndex);
      meta.data.forEach((element, index) => {
        const value = dataset.data[index];
        if (typeof value !== 'number') return;
        const bar = (element as BarElement).getProps(['x', 'y', 'base', 'horizontal'], true) as unknown as BarGeometry;
        const text = options.format(value);
        if (options.position === 'inside') drawInside(chart, text, bar, options);
        else drawAtEnd(chart, text, bar, options);
      });
    });
    ctx.restore();
  },
};
