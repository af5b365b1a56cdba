import { lazy } from '../lazy.js';

type ChartRuntime = typeof import('./chart-runtime.js');

/**
 * Where the runtime puts itself once evaluated (see `chart-runtime.ts`). A registered symbol: the
 * runtime's chunk and the elements' share no module that could carry it between them.
 */
const SLOT = Symbol.for('barometre-widgets.chart-runtime');

/**
 * The one door to Chart.js, downloaded when a chart nears the viewport. Nothing else in the
 * elements may import `chart.js` or the runtime statically, or the split point is lost.
 *
 * The script-tag loader imports the runtime ahead of the elements (`cdn/early-chart-runtime.ts`):
 * once evaluated, it is in hand from its slot, so a chart whose figures are in draws them in the
 * task that renders them, not a task later, after a frame painted without its bars.
 */
export const loadChartRuntime = lazy(
  () => import('./chart-runtime.js'),
  () => (globalThis as { [SLOT]?: ChartRuntime })[SLOT],
);
