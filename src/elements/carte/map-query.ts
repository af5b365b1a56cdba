import type { FiguresAsked, FiguresSource } from '../shared/results/figures-element.js';
import type { MapLevel } from './territories.js';

/** What a results map asks the data for: what every figures element asks, at one level. */
export interface ResultsMapRequest extends FiguresAsked {
  measure: 'resultats';
  niveau: MapLevel;
}

/**
 * What a participation map asks: every territory of its level, in one edition (the current one
 * when absent). The theme and the kind counted are read from the response, which holds them all,
 * so choosing another needs no new request.
 */
export interface ParticipationMapRequest extends FiguresSource {
  measure: 'participation';
  niveau: MapLevel;
  edition?: string;
}

/** What a map asks, by the measure it colours. */
export type MapRequest = ResultsMapRequest | ParticipationMapRequest;

/** `{api}/resultats/:theme/carte?niveau=…&question=…&ponderation=…`. */
export function mapResultsUrl(api: string, request: ResultsMapRequest): string {
  const params = new URLSearchParams({ niveau: request.niveau, question: request.question, ponderation: request.ponderation });
  return `${api}/resultats/${encodeURIComponent(request.theme ?? '')}/carte?${params.toString()}`;
}
