import type { QuestionnaireDefinition, ThemeId } from '../../core/schema/questionnaire.js';
import type { ServerReferential } from '../referential/port.js';
import type { PublicationRow } from '../store/types.js';
import { composeSeries } from './compose.js';
import { countedRows, type CountedRows } from './evolution.js';
import type { Ledger, LocalState, PublicationFigures, ThemeFigures, ThemeReport } from './figures.js';
import { buildLayout, type Layout } from './layout.js';
import { protectTheme } from './secrecy/protect.js';
import type { SecrecyState } from './secrecy/state.js';
import { buildTables } from './tables.js';
import { WeightedFigures } from './weighted.js';

/**
 * Computes a publication from the contributions of every theme at one instant: tables, secrecy
 * (primary rules, complements, audit), then the figures in the shape the routes serve.
 */

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

export interface ComputedPublication {
  figures: PublicationFigures;
  ledger: Ledger;
  unprotected: UnprotectedCell[];
}

export interface PublicationInput {
  id: string;
  publishedAt: string;
  minCell: number;
  referential: ServerReferential;
  definitions: Readonly<Record<ThemeId, QuestionnaireDefinition>>;
  /** Every contribution of a theme, current versions. */
  rows(theme: ThemeId): Promise<PublicationRow[]>;
  /** What the previous publication counted; absent when none counted any contribution. */
  previous?: Ledger;
  /** A contribution as it was at one of its versions. */
  versionOf(siren: string, theme: ThemeId, updatedAt: string): Promise<PublicationRow | undefined>;
  /** Stops the computation (the server is closing). */
  signal?: AbortSignal;
  log?: (message: string) => void;
}

/** (département × headline question) pairs with at least k respondents, and those published whole. */
function headlineCoverage(state: SecrecyState): ThemeReport['headline'] {
  const { tables, minCell } = state;
  let eligible = 0;
  let published = 0;
  tables.questions.forEach((question, q) => {
    if (!question.headline) return;
    tables.series.forEach((series, s) => {
      if (series.level !== 'departement' || state.base(s, q) < minCell) return;
      eligible += 1;
      const codes = [...series.tally.questions.get(question.id)!.codes.keys()];
      if (state.questionStatus(s, q) === 'publie' && codes.every((code) => state.isKnown(s, q, code))) published += 1;
    });
  });
  return { eligible, published };
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

async function publishTheme(
  theme: ThemeId,
  definition: QuestionnaireDefinition,
  { rows, heldBack }: CountedRows,
  layout: Layout,
  input: PublicationInput,
  unprotected: UnprotectedCell[],
): Promise<ThemeFigures> {
  const started = performance.now();
  const tables = buildTables(definition, layout, rows, input.minCell);
  const protection = await protectTheme(tables, layout, input.minCell, input.signal);
  const { state } = protection;
  // From published figures only: nothing to audit (see weighted.ts).
  const weighted = new WeightedFigures(state, input.referential);
  for (const { cell, value, lowest, highest } of protection.disclosures) {
    unprotected.push({
      theme,
      series: tables.series[cell.series]!.key,
      question: tables.questions[cell.question]!.id,
      code: cell.code,
      value,
      lowest,
      highest,
    });
  }
  const report: ThemeReport = {
    respondents: rows.length,
    heldBack,
    hiddenCells: state.hiddenCount,
    rounds: protection.rounds,
    milliseconds: Math.round(performance.now() - started),
    headline: headlineCoverage(state),
  };
  input.log?.(
    `publication ${input.id}: ${theme} — ${rows.length} contributions (${heldBack} changes held back), ${report.hiddenCells} hidden cells, ` +
      `${report.headline.published}/${report.headline.eligible} headline figures of départements, ${report.milliseconds} ms`,
  );
  return {
    ...(tables.versions.size === 1 && tables.versions.has(definition.version) ? { version: definition.version } : {}),
    series: { brute: composeSeries(state, weighted, 'brute'), redressee: composeSeries(state, weighted, 'redressee') },
    local: localStates(rows, input.minCell),
    report,
  };
}

/** Computes every theme's figures. The caller stores them only when `unprotected` is empty. */
export async function computePublication(input: PublicationInput): Promise<ComputedPublication> {
  const layout = buildLayout(input.referential);
  const themes: Record<string, ThemeFigures> = {};
  const ledger: Ledger = {};
  const unprotected: UnprotectedCell[] = [];
  let contributions = 0;
  for (const [theme, definition] of Object.entries(input.definitions) as [ThemeId, QuestionnaireDefinition][]) {
    input.signal?.throwIfAborted();
    const counted = await countedRows(
      await input.rows(theme),
      input.previous === undefined ? undefined : (input.previous[theme] ?? {}),
      layout,
      input.minCell,
      (siren, updatedAt) => input.versionOf(siren, theme, updatedAt),
    );
    contributions += counted.rows.length;
    ledger[theme] = counted.ledger;
    themes[theme] = await publishTheme(theme, definition, counted, layout, input, unprotected);
  }
  return {
    figures: { id: input.id, publishedAt: input.publishedAt, contributions, minCell: input.minCell, themes },
    ledger,
    unprotected,
  };
}
