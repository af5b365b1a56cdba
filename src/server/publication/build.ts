import type { QuestionnaireDefinition, ThemeId } from '../../core/schema/questionnaire.js';
import { defaultReferential } from '../referential/adapter.js';
import type { ServerReferential } from '../referential/port.js';
import type { PublicationRow } from '../store/types.js';
import { countedRows } from './evolution.js';
import type { Ledger, PublicationFigures, ThemeFigures } from './figures.js';
import { buildLayout } from './layout.js';
import { publishThemes, type ThemeTask } from './theme-pool.js';
import type { UnprotectedCell } from './theme.js';

/**
 * Computes a publication from the contributions of every theme at one instant: which changes
 * count (`evolution.ts`), then each theme's tables, secrecy and figures (`theme.ts`), on every
 * core (`theme-pool.ts`).
 */

export type { UnprotectedCell } from './theme.js';

export interface ComputedPublication {
  figures: PublicationFigures;
  ledger: Ledger;
  unprotected: UnprotectedCell[];
}

export interface PublicationInput {
  id: string;
  publishedAt: string;
  /** The edition whose contributions are counted; a benchmark computing figures alone may name none. */
  edition?: string;
  minCell: number;
  referential: ServerReferential;
  definitions: Readonly<Record<ThemeId, QuestionnaireDefinition>>;
  /** Every contribution of a theme in the edition, current versions. */
  rows(theme: ThemeId): Promise<PublicationRow[]>;
  /** What the previous publication counted; absent when none counted any contribution. */
  previous?: Ledger;
  /** A contribution as it was at one of its versions. */
  versionOf(siren: string, theme: ThemeId, updatedAt: string): Promise<PublicationRow | undefined>;
  /** Stops the computation (the server is closing). */
  signal?: AbortSignal;
  log?: (message: string) => void;
}

/** Computes every theme's figures. The caller stores them only when `unprotected` is empty. */
export async function computePublication(input: PublicationInput): Promise<ComputedPublication> {
  const layout = buildLayout(input.referential);
  const themes: Record<string, ThemeFigures> = {};
  const ledger: Ledger = {};
  const unprotected: UnprotectedCell[] = [];
  let contributions = 0;
  const tasks: ThemeTask[] = [];
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
    tasks.push({ theme, definition, counted });
  }
  const context = { referential: input.referential, layout, minCell: input.minCell, ...(input.signal ? { signal: input.signal } : {}) };
  await publishThemes(tasks, context, input.referential === defaultReferential(), ({ theme }, published) => {
    const { report } = published.figures;
    input.log?.(
      `publication ${input.id}: ${theme} — ${report.respondents} contributions (${report.heldBack} changes held back), ${report.hiddenCells} hidden cells, ` +
        `${report.headline.published}/${report.headline.eligible} headline figures of départements, ${report.milliseconds} ms`,
    );
    themes[theme] = published.figures;
    unprotected.push(...published.unprotected);
  });
  // Themes in definition order, however they finished.
  const ordered = Object.fromEntries(tasks.map(({ theme }) => [theme, themes[theme]!]));
  return {
    figures: {
      id: input.id,
      publishedAt: input.publishedAt,
      ...(input.edition !== undefined ? { edition: input.edition } : {}),
      contributions,
      minCell: input.minCell,
      themes: ordered,
    },
    ledger,
    unprotected,
  };
}
