import type { QuestionnaireDefinition, ThemeId } from '../../core/schema/questionnaire.js';
import type { ServerReferential } from '../referential/port.js';
import type { PublicationRow } from '../store/types.js';
import { composeSeries } from './compose.js';
import type { CountedRows } from './evolution.js';
import type { LocalState, ThemeFigures, ThemeReport } from './figures.js';
import type { Layout } from './layout.js';
import { protectTheme } from './secrecy/protect.js';
import { headlineCoverage } from './headline-coverage.js';
import { buildTables } from './tables.js';
import { WeightedFigures } from './weighted.js';

/** One theme of a publication: its tables, their protection, and the figures as served. */

/** A hidden cell the audit found recoverable: the publication must not go out while one remains. */
export interface UnprotectedCell {
  theme: ThemeId;
  series: string;
  question: string;
  code: string;
  value: number;
  lowest: number;
  highest: number;
}

/** What publishing a theme needs besides its rows. */
export interface ThemeContext {
  referential: ServerReferential;
  layout: Layout;
  minCell: number;
  signal?: AbortSignal;
}

export interface PublishedTheme {
  figures: ThemeFigures;
  unprotected: UnprotectedCell[];
}

/** Communes and EPCI: whether anybody answered there, and whether enough did to publish anything. */
function localStates(rows: readonly PublicationRow[], minCell: number): Record<string, LocalState> {
  const counts = new Map<string, number>();
  const count = (id: string) => counts.set(id, (counts.get(id) ?? 0) + 1);
  for (const row of rows) {
    if (row.communeCode !== null) count(`commune:${row.communeCode}`);
    if (row.epciCode !== null) count(`epci:${row.epciCode}`);
  }
  const states: Record<string, LocalState> = {};
  for (const [id, n] of [...counts].sort(([a], [b]) => (a < b ? -1 : 1))) states[id] = n < minCell ? 'insuffisant' : 'masque';
  return states;
}

export async function publishTheme(
  theme: ThemeId,
  definition: QuestionnaireDefinition,
  { rows, heldBack }: CountedRows,
  context: ThemeContext,
): Promise<PublishedTheme> {
  const started = performance.now();
  const tables = buildTables(definition, context.layout, rows, context.minCell);
  const protection = await protectTheme(tables, context.layout, context.minCell, context.signal);
  const { state } = protection;
  // From published figures only: nothing to audit (see weighted.ts).
  const weighted = new WeightedFigures(state, context.referential);
  const unprotected = protection.disclosures.map(({ cell, value, lowest, highest }) => ({
      theme,
      series: tables.series[cell.series]!.key,
      question: tables.questions[cell.question]!.id,
      code: cell.code,
      value,
      lowest,
      highest,
  }));
  const report: ThemeReport = {
    respondents: rows.length,
    heldBack,
    hiddenCells: state.hiddenCount,
    rounds: protection.rounds,
    milliseconds: Math.round(performance.now() - started),
    headline: headlineCoverage(state),
  };
  const figures: ThemeFigures = {
    ...(tables.versions.size === 1 && tables.versions.has(definition.version) ? { version: definition.version } : {}),
    series: { brute: composeSeries(state, weighted, 'brute'), redressee: composeSeries(state, weighted, 'redressee') },
    local: localStates(rows, context.minCell),
    report,
  };
  return { figures, unprotected };
}

