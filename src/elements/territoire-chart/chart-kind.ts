import type { Lang } from '../../core/schema/text.js';
import type { ChartTheme } from '../shared/chart/chart-theme.js';
import type { ShareTable } from '../shared/results/share-table.js';

export type { ChartTheme };

/** The three chart layouts: grouped horizontal bars, 100 % stacked bars per territory, grouped columns. */
export type ChartKind = 'barres' | 'barres-empilees' | 'colonnes';

/** Reads the `type` attribute; anything unknown draws the default grouped bars. */
export function toChartKind(value: string | null | undefined): ChartKind {
  return value === 'barres-empilees' || value === 'colonnes' ? value : 'barres';
}

/** Everything the bar chart's configuration is built from: plain data, no element. */
export interface ChartInput {
  table: ShareTable;
  kind: ChartKind;
  lang: Lang;
  theme: ChartTheme;
  /** False when the reader asked for reduced motion. */
  animate: boolean;
}
