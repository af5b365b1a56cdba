import type { ThemeId } from '../../core/schema/questionnaire.js';
import type { SynthesisResponse, SynthesisTheme } from '../../core/schema/synthesis.js';
import type { LocalizedText } from '../../core/schema/text.js';
import { compareShares, type Comparison } from '../../core/stats/margin.js';
import { cellOf, type SynthesisCell } from './cells.js';
import { columnsOf, seriesOf, type SynthesisColumn } from './columns.js';

/**
 * The nine themes side by side: each headline figure of a territory set against France's, with
 * the gap in points and whether it stands out from the margins of error — where the territory
 * is ahead of or behind the country, at a glance. Computed from the synthesis alone: the same
 * published figures, nothing more.
 *
 * A gap is "marked" only when the two 95 % intervals do not overlap (as every element compares
 * shares, see `compareShares`); otherwise the territory is "close to France" whatever the points
 * say. No answer is called good or bad: "plus haut" and "plus bas" are read with the answer's
 * words ("Aucun RSSI", "Oui"), which say which way is ahead.
 */

/** One headline figure of the territory against France's. */
export interface Gap {
  question: { id: string; label: LocalizedText };
  answer: { code: string; label: LocalizedText };
  territory: SynthesisCell;
  france: SynthesisCell;
  /** Territory minus France in percentage points of the rounded figures shown; null when either is not published. */
  points: number | null;
  /** How the territory's share compares with France's: `indistinct` when the intervals overlap. */
  comparison: Comparison | null;
}

export interface ThemeGaps {
  theme: ThemeId;
  title: LocalizedText;
  gaps: Gap[];
}

/** The gaps of every theme, or undefined when the territory is France itself or France is not among the columns. */
export function gapsOf(synthesis: SynthesisResponse): ThemeGaps[] | undefined {
  const columns = columnsOf(synthesis);
  const territory = columns.find((column) => column.role === 'territoire');
  const france = columns.find((column) => column.role === 'france');
  if (!territory || !france || synthesis.territory.kind === 'france') return undefined;
  return synthesis.themes.map((theme) => ({ theme: theme.theme, title: theme.title, gaps: themeGaps(theme, territory, france) }));
}

function themeGaps(theme: SynthesisTheme, territoryColumn: SynthesisColumn, franceColumn: SynthesisColumn): Gap[] {
  const here = seriesOf(theme, territoryColumn);
  const there = seriesOf(theme, franceColumn);
  return theme.questions.flatMap((question) =>
    question.answers.map((answer): Gap => {
      const territory = cellOf(here, question.id, answer.code);
      const france = cellOf(there, question.id, answer.code);
      const both = territory.cell.kind === 'value' && france.cell.kind === 'value' ? { a: territory.cell, b: france.cell } : undefined;
      return {
        question: { id: question.id, label: question.label },
        answer,
        territory,
        france,
        points: both ? both.a.percent - both.b.percent : null,
        comparison: both ? compareShares(both.a, both.b) : null,
      };
    }),
  );
}

/** The figures where the territory stands clearly above or below France, theme by theme, for the summary. */
export function markedGaps(themes: readonly ThemeGaps[], comparison: 'superieur' | 'inferieur'): { theme: ThemeGaps; gap: Gap }[] {
  return themes.flatMap((theme) => theme.gaps.filter((gap) => gap.comparison === comparison).map((gap) => ({ theme, gap })));
}
