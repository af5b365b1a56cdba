import type { EvolutionBreak, EvolutionPoint, EvolutionResponse } from '../../core/schema/evolution.js';
import type { FigureStatus, Ponderation, PublicationRef, SeriesRole } from '../../core/schema/results.js';
import type { Lang } from '../../core/schema/text.js';
import { isFragile, marginPoints } from '../../core/stats/margin.js';
import { seriesSlots } from '../shared/chart/series-slots.js';
import { roundPercent } from '../shared/results/percent.js';

/**
 * What `<barometre-evolution>` shows, derived once from a response: editions as rows, series as
 * columns, each cell a published figure (rounded as every element rounds), the state of one that
 * is not, or nothing when the edition has no figure for that series. The chart, the table, the
 * sentences and the CSV all read this one view, so they never disagree.
 */

/** A figure not published, in the words of the contract. */
export type UnpublishedState = Exclude<FigureStatus, 'publie'>;

export type EvolutionCell =
  | { kind: 'value'; percent: number; margin: number | null; fragile: boolean; n: number | null }
  | { kind: UnpublishedState; n: number | null }
  /** No figure: the edition has no publication yet, does not ask the question, or lacks the series. */
  | { kind: 'missing' };

export interface EvolutionEditionView {
  id: string;
  publication: PublicationRef | null;
  minCell: number | null;
  /** Whether this edition asks the question with the answer followed. */
  asked: boolean;
  breakBefore: EvolutionBreak | null;
}

export interface EvolutionSeriesView {
  role: SeriesRole;
  name: string;
  /** Colour, texture and marker of its role (see `series-slots.ts`). */
  slot: number;
  /** One per edition, in the editions' order. */
  cells: EvolutionCell[];
}

export interface EvolutionView {
  theme: string;
  questionId: string;
  code: string;
  questionLabel: string;
  answerLabel: string;
  ponderation: Ponderation;
  source: string;
  decimals: number;
  editions: EvolutionEditionView[];
  series: EvolutionSeriesView[];
}

function cellOf(point: EvolutionPoint | undefined, decimals: number): EvolutionCell {
  if (point === undefined) return { kind: 'missing' };
  if (point.status !== 'publie' || point.share === null) return { kind: point.status === 'publie' ? 'masque' : point.status, n: point.n };
  return {
    kind: 'value',
    percent: roundPercent(point.share, decimals),
    margin: marginPoints(point.share, point.ci),
    fragile: isFragile(point.n, point.share, point.ci),
    n: point.n,
  };
}

/** The view of a response. */
export function evolutionView(response: EvolutionResponse, lang: Lang, decimals: number): EvolutionView {
  // The latest wording: a question reworded between comparable editions reads as it is asked now.
  const wording = [...response.editions].reverse().find((edition) => edition.wording !== null)?.wording;
  const slots = seriesSlots(response.series);
  return {
    theme: response.theme,
    questionId: response.question,
    code: response.code,
    questionLabel: wording?.question[lang] ?? response.question,
    answerLabel: wording?.answer[lang] ?? response.code,
    ponderation: response.ponderation,
    source: response.source[lang],
    decimals,
    editions: response.editions.map((edition) => ({
      id: edition.edition,
      publication: edition.publication,
      minCell: edition.minCell,
      asked: edition.wording !== null,
      breakBefore: edition.breakBefore,
    })),
    series: response.series.map((series, index) => ({
      role: series.role,
      name: series.territory.name,
      slot: slots[index] ?? 0,
      cells: response.editions.map((edition) => cellOf(series.points.find((point) => point.edition === edition.edition), decimals)),
    })),
  };
}

/** Whether the view holds nothing to show: no published edition asks the question yet. */
export function isEmptyView(view: EvolutionView): boolean {
  return view.series.length === 0;
}

/** Whether a series has a figure drawn in some edition. */
export function isDrawn(series: EvolutionSeriesView): boolean {
  return series.cells.some((cell) => cell.kind === 'value');
}
