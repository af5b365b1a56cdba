import type { Ponderation } from '../shared/config-context.js';
import type { MapLevel } from './territories.js';

/** What a map asks the data for: its attributes and the inherited settings in force. */
export interface MapRequest {
  /** API base URL without a trailing slash. */
  api?: string;
  /** A static file following the map contract (open data); used instead of the API when set. */
  src?: string;
  /** Base URL of a static publication; read instead of the API when set (and `src` is not). */
  publication?: string;
  theme?: string;
  question: string;
  niveau: MapLevel;
  ponderation: Ponderation;
}

/** `{api}/resultats/:theme/carte?niveau=…&question=…&ponderation=…`. */
export function mapResultsUrl(api: string, request: MapRequest): string {
  const params = new URLSearchParams({ niveau: request.niveau, question: request.question, ponderation: request.ponderation });
  return `${api}/resultats/${encodeURIComponent(request.theme ?? '')}/carte?${params.toString()}`;
}
