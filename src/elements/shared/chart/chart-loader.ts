import { lazy } from '../lazy.js';

/**
 * The one door to Chart.js, downloaded when a chart nears the viewport. Nothing else in the
 * elements may import `chart.js` or the runtime statically, or the split point is lost.
 */
export const loadChartRuntime = lazy(() => import('./chart-runtime.js'));
