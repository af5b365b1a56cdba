import type { Lang } from '../../core/schema/text.js';
import { fetchContract } from '../shared/fetch-contract.js';
import { TIMEOUT_MS } from '../shared/network.js';
import { assertTheme, ResultsLoadError } from '../shared/results/load-error.js';
import { resolveSrc } from '../shared/results/results-query.js';
import { staticMapUrl } from '../shared/results/static-publication.js';
import { MapResults } from '../../core/schema/map-results.js';
import { mapResultsUrl, type MapRequest } from './map-query.js';
import { mapMessages } from './messages.js';

/** Where a map's figures are read: its file, its static publication's file, or the API. */
function mapLocation(request: MapRequest): string {
  if (request.src) return resolveSrc(request.src);
  if (request.publication) {
    return staticMapUrl(request.publication, request.theme ?? '', request.ponderation, request.niveau, request.question);
  }
  return mapResultsUrl(request.api ?? '', request);
}

/**
 * Fetches a map's figures from the API, a static publication or a static file and validates
 * them. A body that breaks the contract is refused whole, and so is one about another theme,
 * question or level than the one asked: a map coloured from the wrong figures would be wrong
 * without saying so.
 */
export async function fetchMapResults(request: MapRequest, lang: Lang, signal: AbortSignal): Promise<MapResults> {
  const results = await fetchContract(mapLocation(request), MapResults, { lang, signal, timeoutMs: TIMEOUT_MS.map });
  assertTheme(results, request.theme, lang);
  if (results.question !== request.question) {
    throw new ResultsLoadError('question_mismatch', mapMessages(lang, 'questionMismatch', { received: results.question, expected: request.question }));
  }
  if (results.niveau !== request.niveau) {
    const levelWord = (level: string) => mapMessages(lang, level === 'region' ? 'regions' : 'departements');
    throw new ResultsLoadError(
      'level_mismatch',
      mapMessages(lang, 'levelMismatch', { received: levelWord(results.niveau), expected: levelWord(request.niveau) }),
    );
  }
  return results;
}
