import { drawSwatch, SWATCH_HEIGHT, SWATCH_WIDTH } from './swatch.js';
import { wrapToWidth } from './text-wrap.js';

/** A swatch of another kind than a filled box (a line with its marker), drawn by its element. */
export interface ExportSwatch {
  width: number;
  height: number;
  draw(context: CanvasRenderingContext2D, x: number, y: number): void;
}

/**
 * One entry of the legend drawn into the image: a box with the series' fill (empty without one,
 * for a series not drawn), or a swatch of its own.
 */
export interface ExportLegendItem {
  label: string;
  fill: string | CanvasPattern | undefined;
  swatch?: ExportSwatch;
}

/** The words that go around the chart in an exported image, so it still says what it shows once out of the page. */
export interface ExportContent {
  /** The question. */
  title: string;
  /** The territory, its comparisons, the base and weighting. */
  lines: string[];
  legend: ExportLegendItem[];
  /** What is not drawn and why. */
  notes: string[];
  /** The source and the publication's date. */
  source: string;
}

/** Colours and font of the image: the element's own. */
export interface ExportStyle {
  text: string;
  muted: string;
  background: string;
  fontFamily: string;
  fontSize: number;
}

const PAD = 16;
const GAP = 8;
const LINE = 1.35;

interface Block {
  font: string;
  colour: string;
  lines: string[];
  size: number;
}

interface LegendRow {
  items: { item: ExportLegendItem; lines: string[]; x: number }[];
  height: number;
}

/** Legend entries flowed left to right, a new row when one does not fit; a long name wraps within the width. */
function layoutLegend(context: CanvasRenderingContext2D, items: readonly ExportLegendItem[], width: number, size: number): LegendRow[] {
  const rows: LegendRow[] = [];
  let row: LegendRow = { items: [], height: 0 };
  let x = 0;
  for (const item of items) {
    const swatchWidth = item.swatch?.width ?? SWATCH_WIDTH;
    const lines = wrapToWidth(context, item.label, width - swatchWidth - 6);
    const itemWidth = swatchWidth + 6 + Math.max(...lines.map((line) => context.measureText(line).width));
    if (row.items.length > 0 && x + itemWidth > width) {
      rows.push(row);
      row = { items: [], height: 0 };
      x = 0;
    }
    row.items.push({ item, lines, x });
    row.height = Math.max(row.height, lines.length * size * LINE, item.swatch?.height ?? SWATCH_HEIGHT);
    x += itemWidth + 16;
  }
  if (row.items.length > 0) rows.push(row);
  return rows;
}

/**
 * The image a reader downloads: the question as its title, the territory and its comparisons,
 * the base, the legend, the chart itself, what is left out, and the source with the publication's
 * date — all drawn into the picture, as official statistics export their charts, since a picture
 * taken out of the page loses everything around it. Drawn at the chart canvas's pixel density.
 */
export function composeExport(chart: HTMLCanvasElement, content: ExportContent, style: ExportStyle): HTMLCanvasElement {
  const ratio = chart.clientWidth > 0 ? chart.width / chart.clientWidth : window.devicePixelRatio || 1;
  const width = Math.round(chart.width / ratio);
  const chartHeight = Math.round(chart.height / ratio);
  const textWidth = Math.max(1, width - 2 * PAD);
  const image = document.createElement('canvas');
  const context = image.getContext('2d');
  if (!context) return chart;

  const font = (scale: number, weight = 'normal') => `${weight} ${Math.round(style.fontSize * scale)}px ${style.fontFamily}`;
  const block = (text: string | string[], scale: number, colour: string, weight?: string): Block => {
    context.font = font(scale, weight);
    const lines = (Array.isArray(text) ? text : [text]).flatMap((one) => wrapToWidth(context, one, textWidth));
    return { font: font(scale, weight), colour, lines, size: Math.round(style.fontSize * scale) };
  };
  const height = (one: Block) => one.lines.length * one.size * LINE;

  const title = block(content.title, 1.0625, style.text, 'bold');
  const lines = block(content.lines, 0.875, style.text);
  const legendSize = Math.round(style.fontSize * 0.8125);
  context.font = font(0.8125);
  const legend = layoutLegend(context, content.legend, textWidth, legendSize);
  const legendHeight = legend.reduce((sum, row) => sum + row.height + 4, 0);
  const notes = block(content.notes, 0.8125, style.muted);
  const source = block(content.source, 0.8125, style.muted);

  const total =
    PAD + height(title) + GAP / 2 + height(lines) + GAP + legendHeight + GAP + chartHeight + GAP + height(notes) + (notes.lines.length ? GAP / 2 : 0) + height(source) + PAD;
  image.width = Math.round(width * ratio);
  image.height = Math.round(total * ratio);
  context.scale(ratio, ratio);
  context.fillStyle = style.background;
  context.fillRect(0, 0, width, total);
  context.textBaseline = 'top';
  context.textAlign = 'left';

  let y = PAD;
  const write = (one: Block) => {
    context.font = one.font;
    context.fillStyle = one.colour;
    for (const line of one.lines) {
      context.fillText(line, PAD, y);
      y += one.size * LINE;
    }
  };
  write(title);
  y += GAP / 2;
  write(lines);
  y += GAP;
  context.font = font(0.8125);
  for (const row of legend) {
    for (const { item, lines: labelLines, x } of row.items) {
      if (item.swatch) item.swatch.draw(context, PAD + x, y);
      else drawSwatch(context, PAD + x, y, item.fill, style.text);
      context.fillStyle = style.text;
      const textX = PAD + x + (item.swatch?.width ?? SWATCH_WIDTH) + 6;
      labelLines.forEach((line, index) => context.fillText(line, textX, y + index * legendSize * LINE));
    }
    y += row.height + 4;
  }
  y += GAP;
  context.drawImage(chart, 0, y, width, chartHeight);
  y += chartHeight + GAP;
  write(notes);
  if (notes.lines.length) y += GAP / 2;
  write(source);
  return image;
}
