import type { Chart, ChartConfiguration, ScriptableLineSegmentContext, TooltipItem } from 'chart.js';
import type { Lang } from '../../core/schema/text.js';
import type { ChartTheme } from '../shared/chart/chart-theme.js';
import { axisTop, spacedTicks } from '../shared/chart/share-axis.js';
import { formatPercentValue } from '../shared/results/percent.js';
import { cellText } from './cell-text.js';
import { isDrawn, type EvolutionView } from './evolution-view.js';
import { evolutionMessages } from './messages.js';
import { dashOf, markerOf } from './markers.js';

/** The evolution chart's instance, as the element holds it. */
export type LineChart = Chart<'line', (number | null)[], string>;

/** Everything the line chart is drawn from: plain data, no element. */
export interface LineChartInput {
  view: EvolutionView;
  lang: Lang;
  theme: ChartTheme;
  /** False when the reader asked for reduced motion. */
  animate: boolean;
}

/**
 * The Chart.js configuration of the evolution chart: editions along the horizontal axis, a line
 * per series with the marker shape and dash of its role. A figure that is not published is a gap
 * (`null`, never zero), and a line is never drawn across a break between editions: the two sides
 * do not measure the same thing.
 */
export function buildLineConfig({ view, lang, theme, animate }: LineChartInput): ChartConfiguration<'line', (number | null)[], string> {
  const drawn = view.series.filter(isDrawn);
  const colour = (slot: number) => theme.series[slot % theme.series.length] ?? theme.text;
  const broken = new Set(view.editions.flatMap((edition, index) => (edition.breakBefore ? [index] : [])));
  const values = drawn.flatMap((series) => series.cells.map((cell) => (cell.kind === 'value' ? cell.percent : null)));
  const tick = (value: number) => formatPercentValue(lang, value, 0);
  const font = { family: theme.fontFamily, size: Math.round(theme.fontSize * 0.8125) };

  return {
    type: 'line',
    data: {
      labels: view.editions.map((edition) => edition.id),
      datasets: drawn.map((series) => ({
        label: series.name,
        data: series.cells.map((cell) => (cell.kind === 'value' ? cell.percent : null)),
        borderColor: colour(series.slot),
        backgroundColor: colour(series.slot),
        borderDash: dashOf(series.slot),
        borderWidth: 2,
        pointStyle: markerOf(series.slot),
        pointRadius: 6,
        pointHoverRadius: 8,
        // A marker's edge in the text colour keeps every marker at 3:1 against the background.
        pointBorderColor: theme.text,
        pointBorderWidth: 1,
        spanGaps: false,
        segment: {
          borderColor: (context: ScriptableLineSegmentContext) => (broken.has(context.p1DataIndex) ? 'transparent' : undefined),
        },
      })),
    },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      locale: lang === 'fr' ? 'fr-FR' : 'en-GB',
      animation: animate ? { duration: 400 } : false,
      layout: { padding: { top: 12, right: 16 } },
      scales: {
        x: { grid: { display: false }, border: { color: theme.muted }, offset: true, ticks: { color: theme.text, font } },
        y: {
          min: 0,
          max: axisTop(values, false),
          grid: { color: theme.grid },
          border: { color: theme.muted },
          afterBuildTicks: spacedTicks(`${font.size}px ${font.family}`, font.size * 1.2, tick),
          ticks: { color: theme.text, font, callback: (value: number | string) => tick(Number(value)) },
        },
      },
      plugins: {
        // The legend is the element's own list above the canvas, with each line's marker and dash.
        legend: { display: false },
        tooltip: {
          callbacks: {
            label: (item: TooltipItem<'line'>) => {
              const series = drawn[item.datasetIndex];
              const edition = view.editions[item.dataIndex];
              const cell = series?.cells[item.dataIndex];
              if (!series || !edition || !cell) return '';
              return evolutionMessages(lang, 'tooltip', { name: series.name, value: cellText(lang, cell, edition, view) });
            },
          },
        },
      },
    },
  };
}
