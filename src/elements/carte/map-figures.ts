import type { MapResults } from '../../core/schema/map-results.js';
import type { ParticipationResponse } from '../../core/schema/participation.js';

/**
 * What a map receives, by its measure: one question's figures for every territory of its level
 * (`/resultats/:theme/carte`), or the participation of every territory of its level
 * (`/participation?niveau=…`). Each is its route's contract as it stands, so `barometre-data`
 * hands a page exactly what the API or the file said.
 */
export type MapFigures = MapResults | ParticipationResponse;

/** Whether a map's figures are participation counts rather than one question's results. */
export function isParticipation(figures: MapFigures): figures is ParticipationResponse {
  return !('question' in figures);
}
