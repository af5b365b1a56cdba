/**
 * Chart.js, started by the loader for a chart that is near the viewport when its tag is seen, at
 * the same time as the chart's code and figures: the element would ask for it only once its own
 * code had run, one round trip later. The margin is the element's own (a chart far below the fold
 * still waits until it comes near). The element imports the same module later and finds it
 * there. Not through the element's `chart-loader.ts`: what the loader imports and the chunks
 * share would be split by the bundler into a file the loader waits for before it runs.
 */
const MARGIN = '300px 0px';

let observer: IntersectionObserver | undefined;

export function startChartRuntimeWhenNear(chart: Element): void {
  if (typeof IntersectionObserver !== 'function') return;
  observer ??= new IntersectionObserver(
    (entries) => {
      if (!entries.some((entry) => entry.isIntersecting)) return;
      observer?.disconnect();
      observer = undefined;
      void import('../elements/territoire-chart/chart-runtime.js').catch(() => undefined);
    },
    { rootMargin: MARGIN },
  );
  observer.observe(chart);
}
