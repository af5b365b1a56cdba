import type { Lang } from '../../core/schema/text.js';
import { fetchContract } from '../shared/fetch-contract.js';
import { TIMEOUT_MS } from '../shared/network.js';
import { assertTheme, ResultsLoadError } from '../shared/results/load-error.js';
import { resolveSrc } from '../shared/results/results-query.js';
import { staticMapUrl, staticParticipationMapUrl } from '../shared/results/static-publication.js';
import { MapResults } from '../../core/schema/map-results.js';
import { ParticipationResponse } from '../../core/schema/participation.js';
import { participationLevelUrl } from '../participation/participation-url.js';
import type { MapFigures } from './map-figures.js';
import { mapResultsUrl, type MapRequest } from './map-query.js';
import { mapMessages } from './messages.js';

/** Where a map's figures are read: its file, its static publication's file, or the API. */
function mapLocation(request: MapRequest): string {
  if (request.src) return resolveSrc(request.src);
  if (request.measure === 'participation') {
    return request.publication
      ? staticParticipationMapUrl(request.publication, request.niveau, request.edition)
      : participationLevelUrl(request.api ?? '', request.niveau, request.edition);
  }
  if (request.publication) {
    return staticMapUrl(request.publication, request.theme ?? '', request.ponderation, request.niveau, request.question);
  }
  return mapResultsUrl(request.api ?? '', request);
}

/** Refuses figures of another level than the one asked. */
function assertLevel(received: string | undefined, request: MapRequest, lang: Lang): void {
  if (received === request.niveau) return;
  const levelWord = (level: string | undefined) => mapMessages(lang, level === 'region' ? 'regions' : 'departements');
  throw new ResultsLoadError('level_mismatch', mapMessages(lang, 'levelMismatch', { received: levelWord(received), expected: levelWord(request.niveau) }));
}

/**
 * Fetches a map's figures from the API, a static publication or a static file and validates
 * them against the contract of the measure asked: a results map (`/resultats/:theme/carte`) or a
 * participation map (`/participation?niveau=…`). A body that breaks the contract is refused
 * whole, and so is one about another theme, question, level or edition than the one asked: a map
 * coloured from the wrong figures would be wrong without saying so.
 */
export async function fetchMapResults(request: MapRequest, lang: Lang, signal: AbortSignal): Promise<MapFigures> {
  const options = { lang, signal, timeoutMs: TIMEOUT_MS.map };
  if (request.measure === 'participation') {
    const participation = await fetchContract(mapLocation(request), ParticipationResponse, options);
    assertLevel(participation.niveau, request, lang);
    if (request.edition && participation.edition !== request.edition) {
      throw new ResultsLoadError('edition_mismatch', mapMessages(lang, 'editionMismatch', { received: participation.edition, expected: request.edition }));
    }
    return participation;
  }
  const results = await fetchContract(mapLocation(request), MapResults, options);
  assertTheme(results, request.theme, lang);
  if (results.question !== request.question) {
    throw new ResultsLoadError('question_mismatch', mapMessages(lang, 'questionMismatch', { received: results.question, expected: request.question }));
  }
  assertLevel(results.niveau, request, lang);
  return results;
}
