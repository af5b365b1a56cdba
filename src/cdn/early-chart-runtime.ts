/**
 * Chart.js, started by the loader for a chart that is near the viewport when its tag is seen,
 * just before the chart's code and figures: the element would ask for it only once its own code
 * had run, one round trip later. The margin is the element's own (a chart far below the fold
 * still waits until it comes near). The element imports the same module later, and has it at
 * once from the slot the runtime fills (`elements/shared/chart/chart-loader.ts`). Not through
 * the elements' `chart-loader.ts`: what the loader imports and the chunks share would be split by
 * the bundler into a file the loader waits for before it runs.
 */
const MARGIN_PX = 300;

let observer: IntersectionObserver | undefined;

function start(): void {
  observer?.disconnect();
  observer = undefined;
  void import('../elements/shared/chart/chart-runtime.js').catch(() => undefined);
}

/**
 * Whether a chart is within the margin of the viewport now. Read at once rather than from an
 * observer, whose first report comes a frame later, after the element's code has been asked for:
 * the layout it reads is the one the first paint needs anyway.
 */
function nearNow(chart: Element): boolean {
  const box = chart.getBoundingClientRect();
  return box.bottom >= -MARGIN_PX && box.top <= innerHeight + MARGIN_PX;
}

export function startChartRuntimeWhenNear(chart: Element): void {
  if (nearNow(chart)) return start();
  if (typeof IntersectionObserver !== 'function') return;
  observer ??= new IntersectionObserver((entries) => {
    if (entries.some((entry) => entry.isIntersecting)) start();
  }, { rootMargin: `${MARGIN_PX}px 0px` });
  observer.observe(chart);
}
