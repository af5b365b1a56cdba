import type { Lang } from '../../core/schema/text.js';
import type { ShareTable } from '../shared/results/share-table.js';

/** The three chart layouts: grouped horizontal bars, 100 % stacked bars per territory, grouped columns. */
export type ChartKind = 'barres' | 'barres-empilees' | 'colonnes';

/** Reads the `type` attribute; anything unknown draws the default grouped bars. */
export function toChartKind(value: string | null | undefined): ChartKind {
  return value === 'barres-empilees' || value === 'colonnes' ? value : 'barres';
}

/** Colours and font the chart draws with, read from the element's computed style. */
export interface ChartTheme {
  text: string;
  muted: string;
  grid: string;
  background: string;
  /** One colour per slot (see `series-slots.ts`): roles in grouped bars, answers in stacked ones; textures tell them apart too. */
  series: string[];
  fontFamily: string;
  fontSize: number;
}

/** Everything the lazily loaded chart module needs to draw: plain data, no element. */
export interface ChartInput {
  table: ShareTable;
  kind: ChartKind;
  lang: Lang;
  theme: ChartTheme;
  /** False when the reader asked for reduced motion. */
  animate: boolean;
}
