import type { Chart, ChartConfiguration, ChartDataset, Scale, TooltipItem } from 'chart.js';
import { formatPercentValue } from '../shared/results/percent.js';
import { drawnColumns, type ShareCell } from '../shared/results/share-table.js';
import type { ChartInput } from './chart-kind.js';
import { seriesFill } from '../shared/chart/patterns.js';
import { seriesSlots } from '../shared/chart/series-slots.js';
import { axisTop, spacedTicks } from '../shared/chart/share-axis.js';
import { wrapWhile } from '../shared/chart/text-wrap.js';
import { chartMessages } from './messages.js';
import { tooltipLines } from './tooltip-lines.js';
import { valueLabelRoom, valueLabelsPlugin } from './value-labels-plugin.js';

/** Axis labels longer than this wrap onto several lines instead of squeezing the bars. */
const WRAP_AT = 28;

/** The category axis's tick mark and the padding on each side of its labels (Chart.js's defaults, set here since the labels' room depends on them). */
const TICK_LENGTH = 8;
const TICK_PADDING = 3;

/** Splits a label into lines of about `width` characters, at spaces. */
export function wrapLabel(text: string, width = WRAP_AT): string[] {
  return wrapWhile(text, (line) => line.length <= width);
}

/**
 * The labels of horizontal bars, wrapped to the room their axis has. Chart.js gives that axis at
 * most half the chart's width and, the labels being aligned against the bars, cuts what is wider
 * at the canvas's left edge: with large type inherited from the page, or in a narrow box, even a
 * 28-character line can be too wide. So lines are also kept within that room, measured in the
 * font they are drawn with, when the axis lays its labels out.
 */
function fitToAxis(font: string): (this: Scale, value: number | string) => string[] {
  return function (this: Scale, value: number | string): string[] {
    // The category axis holds each label as the lines `wrapLabel` made; join them to wrap again.
    const label = this.getLabelForValue(Number(value)) as string | string[];
    const text = Array.isArray(label) ? label.join(' ') : label;
    const room = this.maxWidth - TICK_LENGTH - 2 * TICK_PADDING;
    const { ctx } = this;
    ctx.save();
    ctx.font = font;
    try {
      return wrapWhile(text, (line) => line.length <= WRAP_AT && ctx.measureText(line).width <= room);
    } finally {
      ctx.restore();
    }
  };
}

/** A cell without a published figure (or missing) is `null`: Chart.js draws nothing there, never a zero. */
function valueOf(cell: ShareCell | undefined): number | null {
  return cell?.kind === 'value' ? cell.percent : null;
}

/** The bar chart's instance, as the element holds it. */
export type BarChart = Chart<'bar', (number | null)[], string[]>;

/**
 * The Chart.js configuration of one chart. Grouped kinds put answers on the category axis and
 * one dataset per territory; the stacked kind puts territories on the axis and one dataset per
 * answer, so each bar shows one territory's whole distribution.
 */
export function buildChartConfig(input: ChartInput): ChartConfiguration<'bar', (number | null)[], string[]> {
  const { table, kind, lang, theme } = input;
  const columns = drawnColumns(table);
  const stacked = kind === 'barres-empilees';
  const horizontal = kind !== 'colonnes';
  // Grouped bars take each series' colour from its role; stacked bars colour answers, in order.
  const slots = seriesSlots(table.columns);
  const slotOf = (column: (typeof columns)[number]) => slots[table.columns.indexOf(column)] ?? 0;
  const colour = (slot: number) => theme.series[slot % theme.series.length] ?? theme.text;
  const dataset = (label: string, data: (number | null)[], slot: number): ChartDataset<'bar', (number | null)[]> => ({
    label,
    data,
    backgroundColor: seriesFill(colour(slot), slot),
    // A border in the text colour gives every bar a 3:1 edge against the background, whatever its fill.
    borderColor: theme.text,
    borderWidth: 1,
    maxBarThickness: 28,
  });

  const labels = stacked ? columns.map((column) => wrapLabel(column.name)) : table.rows.map((row) => wrapLabel(row.label));
  const datasets = stacked
    ? table.rows.map((row, rowIndex) => dataset(row.label, columns.map((column) => valueOf(column.cells[rowIndex])), rowIndex))
    : columns.map((column) => dataset(column.name, column.cells.map(valueOf), slotOf(column)));
  /** The series and answer of a bar: datasets are series in grouped bars, answers in stacked ones. */
  const barOf = (item: TooltipItem<'bar'>) =>
    stacked ? { column: columns[item.dataIndex], row: item.datasetIndex } : { column: columns[item.datasetIndex], row: item.dataIndex };

  const totals = stacked
    ? columns.map((_, index) => datasets.reduce((sum, set) => sum + (set.data[index] ?? 0), 0))
    : datasets.flatMap((set) => set.data);
  const percent = (value: number) => formatPercentValue(lang, value, table.decimals);
  const tick = (value: number) => formatPercentValue(lang, value, 0);
  const font = { family: theme.fontFamily, size: Math.round(theme.fontSize * 0.8125) };
  const fontString = `${font.size}px ${font.family}`;
  const valueAxis = {
    min: 0,
    max: axisTop(totals, stacked),
    stacked,
    grid: { color: theme.grid },
    border: { color: theme.muted },
    afterBuildTicks: spacedTicks(fontString, font.size * 1.2, tick),
    ticks: { color: theme.text, font, callback: (value: number | string) => tick(Number(value)) },
  };
  const categoryAxis = {
    stacked,
    grid: { display: false, tickLength: TICK_LENGTH },
    border: { color: theme.muted },
    ticks: {
      color: theme.text,
      font,
      autoSkip: false,
      padding: TICK_PADDING,
      ...(horizontal ? { callback: fitToAxis(fontString) } : {}),
    },
  };

  return {
    type: 'bar',
    data: { labels, datasets },
    plugins: [valueLabelsPlugin],
    options: {
      indexAxis: horizontal ? 'y' : 'x',
      responsive: true,
      maintainAspectRatio: false,
      locale: lang === 'fr' ? 'fr-FR' : 'en-GB',
      animation: input.animate ? { duration: 400 } : false,
      layout: {
        padding: stacked ? 4 : horizontal ? { right: valueLabelRoom(font.size) } : { top: 24 },
      },
      scales: horizontal ? { x: valueAxis, y: categoryAxis } : { x: categoryAxis, y: valueAxis },
      plugins: {
        // The legend is the element's own list above the canvas: text there wraps at any width,
        // where Chart.js would cut a long name ("Départements de 100 000 habi…").
        legend: { display: false },
        tooltip: {
          callbacks: {
            title: (items: TooltipItem<'bar'>[]) => {
              const label = items[0]?.label;
              return Array.isArray(label) ? label.join(' ') : (label ?? '');
            },
            label: (item: TooltipItem<'bar'>) => {
              const { column, row } = barOf(item);
              const name = item.dataset.label ?? '';
              const lines = column ? tooltipLines(lang, table, column, row, name) : undefined;
              const value = horizontal ? item.parsed.x : item.parsed.y;
              return lines?.label ?? chartMessages(lang, 'tooltip', { name, value: percent(value ?? 0) });
            },
            afterLabel: (item: TooltipItem<'bar'>) => {
              const { column, row } = barOf(item);
              return (column ? tooltipLines(lang, table, column, row, '') : undefined)?.after ?? [];
            },
          },
        },
        barometreValueLabels: {
          format: percent,
          position: stacked ? 'inside' : 'end',
          color: theme.text,
          background: theme.background,
          font: `${font.size}px ${theme.fontFamily}`,
        },
      },
    },
  };
}
