import { sendRequest, type FetchLike } from '../../core/api/http.js';
import type { Lang } from '../../core/schema/text.js';
import { ResultsLoadError } from '../shared/results/load-error.js';
import { resultsMessages } from '../shared/results/messages.js';
import { resolveSrc } from '../shared/results/results-query.js';
import { staticMapUrl } from '../shared/results/static-publication.js';
import { MapResults } from '../../core/schema/map-results.js';
import { mapResultsUrl, type MapRequest } from './map-query.js';
import { mapMessages } from './messages.js';

/** One aggregation per territory of the level on the server: give it a little longer than a chart. */
const TIMEOUT_MS = 20_000;

// Looked up at call time, so a page (or a test) that wraps `fetch` after this module loaded is obeyed.
const globalFetch: FetchLike = (input, init) => fetch(input, init);

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
  const url = mapLocation(request);
  const response = await sendRequest({ baseUrl: '', fetch: globalFetch, lang, timeoutMs: TIMEOUT_MS }, { method: 'GET', path: url, signal });
  const parsed = MapResults.safeParse(response.body, { reportInput: true });
  if (!parsed.success) {
    // The message tables load only when a file is broken: valid data never pays for them.
    const { toFieldErrors } = await import('../../core/schema/errors.js');
    const first = toFieldErrors(parsed.error.issues, lang)[0];
    const message = first?.path
      ? resultsMessages(lang, 'invalidResultsAt', { path: first.path, detail: first.message })
      : resultsMessages(lang, 'invalidResults', { detail: first?.message ?? '' });
    throw new ResultsLoadError('invalid_results', message);
  }
  const results = parsed.data;
  if (request.theme && results.theme !== request.theme) {
    throw new ResultsLoadError('theme_mismatch', resultsMessages(lang, 'themeMismatch', { received: results.theme, expected: request.theme }));
  }
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
