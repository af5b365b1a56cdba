import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
  type ChartConfiguration,
  type ChartType,
} from 'chart.js';

/**
 * The lazily loaded half of the chart elements: Chart.js with only the pieces their charts use
 * registered — bars for `<barometre-territoire-chart>`, lines and points for
 * `<barometre-evolution>` — never `chart.js/auto`, so the chunk stays as small as Chart.js allows.
 * Not its legend either: each element lists its series in HTML above the canvas, where text wraps
 * at any width (their configurations still hide Chart.js's legend, for a page that registers it).
 * Each element builds its own configuration; this chunk holds Chart.js alone.
 */
Chart.register(BarController, BarElement, LineController, LineElement, PointElement, CategoryScale, LinearScale, Tooltip);

/**
 * Draws a chart on `canvas`. Any previous chart is destroyed and rebuilt rather than updated:
 * updating options in place can keep stale colours, and a redraw happens only when the data,
 * kind, language or colours change.
 */
export function drawChart<T extends ChartType, D, L>(
  canvas: HTMLCanvasElement,
  config: ChartConfiguration<T, D, L>,
  previous?: { destroy(): void },
): Chart<T, D, L> {
  previous?.destroy();
  return new Chart(canvas, config);
}

// In hand at once for every chart on the page, under the symbol `chart-loader.ts` reads.
(globalThis as { [key: symbol]: unknown })[Symbol.for('barometre-widgets.chart-runtime')] = { drawChart } satisfies typeof import('./chart-runtime.js');
