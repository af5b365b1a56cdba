import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip } from 'chart.js';
import type { ChartInput } from './chart-kind.js';
import { buildChartConfig } from './chart-config.js';

/**
 * The lazily loaded half of `<barometre-territoire-chart>`: Chart.js with only the pieces a bar
 * chart uses registered (never `chart.js/auto`), so the chunk stays as small as Chart.js allows.
 */
Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip, Legend);

/** The chart instance type the element holds. */
export type BarChart = Chart<'bar', (number | null)[], string[]>;

/**
 * Draws a chart on `canvas`. Any previous chart is destroyed and rebuilt rather than updated:
 * updating options in place can keep stale colours, and a redraw happens only when the data,
 * kind, language or colours change.
 */
export function drawChart(canvas: HTMLCanvasElement, input: ChartInput, previous?: BarChart): BarChart {
  previous?.destroy();
  return new Chart(canvas, buildChartConfig(input));
}
