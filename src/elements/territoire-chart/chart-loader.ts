/**
 * The one door to Chart.js. The runtime module is imported dynamically so bundlers put it (and
 * Chart.js) in a chunk of its own, which a page downloads only when a chart nears the viewport.
 * Nothing else in the element may import `chart.js` or the runtime statically.
 */
type ChartRuntime = typeof import('./chart-runtime.js');

let pending: Promise<ChartRuntime> | undefined;

/** Loads the chart runtime once per page; a failed load (offline) may be tried again later. */
export function loadChartRuntime(): Promise<ChartRuntime> {
  if (!pending) {
    pending = import('./chart-runtime.js');
    pending.catch(() => {
      pending = undefined;
    });
  }
  return pending;
}
