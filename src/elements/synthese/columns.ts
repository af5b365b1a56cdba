import type { SeriesRole, Series } from '../../core/schema/results.js';
import type { SynthesisResponse, SynthesisTheme } from '../../core/schema/synthesis.js';

/** One column of every table: the territory, then each comparison, in the order the server gives. */
export interface SynthesisColumn {
  role: SeriesRole;
  name: string;
}

/**
 * The columns of the synthesis, the same in every table so that a reader's eye finds the région
 * at one place throughout: the roles of the series of the first theme, each once.
 */
export function columnsOf(synthesis: SynthesisResponse): SynthesisColumn[] {
  const columns: SynthesisColumn[] = [];
  for (const series of synthesis.themes[0]?.series ?? []) {
    if (!columns.some((column) => column.role === series.role)) columns.push({ role: series.role, name: series.territory.name });
  }
  return columns;
}

/** A theme's series for a column, if it has one. */
export function seriesOf(theme: SynthesisTheme, column: SynthesisColumn): Series | undefined {
  return theme.series.find((series) => series.role === column.role);
}
