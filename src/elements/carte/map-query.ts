import type { FiguresAsked } from '../shared/results/figures-element.js';
import type { MapLevel } from './territories.js';

/** What a map asks the data for: what every figures element asks, at one level. */
export interface MapRequest extends FiguresAsked {
  niveau: MapLevel;
}

/** `{api}/resultats/:theme/carte?niveau=…&question=…&ponderation=…`. */
export function mapResultsUrl(api: string, request: MapRequest): string {
  const params = new URLSearchParams({ niveau: request.niveau, question: request.question, ponderation: request.ponderation });
  return `${api}/resultats/${encodeURIComponent(request.theme ?? '')}/carte?${params.toString()}`;
}
