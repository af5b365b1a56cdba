import { SERIES_COLOURS, SERIES_PALETTE } from './palette.js';

/** Colours and font a chart draws with, read from the element's computed style. */
export interface ChartTheme {
  text: string;
  muted: string;
  grid: string;
  background: string;
  /** One colour per slot (see `series-slots.ts`): roles in grouped bars and lines, answers in stacked bars; textures or marker shapes tell them apart too. */
  series: string[];
  fontFamily: string;
  fontSize: number;
}

/**
 * The chart's colours, as the element's styles resolved them: the host page's `--barometre-*`
 * properties, else the design-system fallbacks, else the defaults. A canvas cannot use CSS
 * variables itself, so they are read here at each drawing.
 */
export function readChartTheme(host: Element): ChartTheme {
  const style = getComputedStyle(host);
  const read = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
  const series: string[] = [];
  for (let index = 0; index < SERIES_COLOURS; index += 1) series.push(read(`--_series-${index + 1}`, SERIES_PALETTE[index]!));
  return {
    text: read('--_text', '#1e1e1e'),
    muted: read('--_text-muted', '#545454'),
    grid: read('--_grid', '#d6d6d6'),
    background: read('--_surface', '#ffffff'),
    series,
    fontFamily: style.fontFamily || 'sans-serif',
    fontSize: Number.parseFloat(style.fontSize) || 16,
  };
}

/** Whether the reader asked the system for less motion. */
export function prefersReducedMotion(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
}
