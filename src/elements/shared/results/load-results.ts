import { sendRequest, type FetchLike } from '../../../core/api/http.js';
import { QuestionnaireDefinition } from '../../../core/schema/questionnaire.js';
import { ResultsResponse } from '../../../core/schema/results.js';
import type { Lang } from '../../../core/schema/text.js';
import { loadDefinition } from '../../../questionnaires/index.js';
import { ResultsLoadError } from './load-error.js';
import { resultsMessages } from './messages.js';
import { definitionUrl, resolveSrc, resultsUrl, type ResultsRequest } from './results-query.js';
import { selectFromPublication, staticDefinitionUrl, staticResultsUrl } from './static-publication.js';

/** Results take one aggregation on the server; past this the reader is better told and offered a retry. */
const TIMEOUT_MS = 15_000;

// Looked up at call time, so a page (or a test) that wraps `fetch` after this module loaded is obeyed.
const globalFetch: FetchLike = (input, init) => fetch(input, init);

/** GETs one absolute URL as JSON through the API client (deadline, error bodies, abort). */
async function getJson(url: string, lang: Lang, signal: AbortSignal): Promise<unknown> {
  const response = await sendRequest(
    { baseUrl: '', fetch: globalFetch, lang, timeoutMs: TIMEOUT_MS },
    { method: 'GET', path: url, signal },
  );
  return response.body;
}

/** Where a request's results are read: its file, its static publication's file, or the API. */
function resultsLocation(request: ResultsRequest): string {
  if (request.src) return resolveSrc(request.src);
  if (request.publication) return staticResultsUrl(request.publication, request.theme ?? '', request.ponderation, request.territoire);
  return resultsUrl(request.api ?? '', request);
}

/**
 * Fetches results from the API, a static publication or a static file and validates them against
 * the contract. A body that breaks it is refused whole: a chart drawn from half-valid data would
 * be wrong without saying so. A publication's file holds every comparison and question: only
 * those asked are kept, as the API would have answered.
 */
export async function fetchResults(request: ResultsRequest, lang: Lang, signal: AbortSignal): Promise<ResultsResponse> {
  const body = await getJson(resultsLocation(request), lang, signal);
  const parsed = ResultsResponse.safeParse(body, { reportInput: true });
  if (!parsed.success) {
    // The message tables load only when a file is broken: valid data never pays for them.
    const { toFieldErrors } = await import('../../../core/schema/errors.js');
    // The first problem is enough to tell the publisher of a file where to look.
    const first = toFieldErrors(parsed.error.issues, lang)[0];
    const message = first?.path
      ? resultsMessages(lang, 'invalidResultsAt', { path: first.path, detail: first.message })
      : resultsMessages(lang, 'invalidResults', { detail: first?.message ?? '' });
    throw new ResultsLoadError('invalid_results', message);
  }
  if (request.theme && parsed.data.theme !== request.theme) {
    throw new ResultsLoadError(
      'theme_mismatch',
      resultsMessages(lang, 'themeMismatch', { received: parsed.data.theme, expected: request.theme }),
    );
  }
  if (!request.src && request.publication) return selectFromPublication(parsed.data, request.comparer, request.question);
  return parsed.data;
}

/** Where definitions can be read besides the bundled ones: a static publication, else the API. */
export interface DefinitionSource {
  api?: string;
  publication?: string;
}

/** The URL of a theme's definition at a source, if it has one. */
function definitionLocation(source: DefinitionSource, theme: string): string | undefined {
  if (source.publication) return staticDefinitionUrl(source.publication, theme);
  return source.api ? definitionUrl(source.api, theme) : undefined;
}

// A definition never changes under a page: one request per source and theme, shared by every element.
const definitions = new Map<string, Promise<QuestionnaireDefinition | undefined>>();

async function fetchDefinition(url: string | undefined, theme: string, lang: Lang): Promise<QuestionnaireDefinition | undefined> {
  if (url) {
    try {
      const body = await getJson(url, lang, new AbortController().signal);
      const parsed = QuestionnaireDefinition.safeParse(body);
      if (parsed.success && parsed.data.theme === theme) return parsed.data;
    } catch {
      // The source may serve results without definitions (an open-data mirror): the bundled one will do.
    }
  }
  try {
    return await loadDefinition(theme);
  } catch {
    // Without any definition the figures still stand; rows then show answer codes.
    return undefined;
  }
}

/**
 * The questionnaire definition that names a theme's questions and options: the static
 * publication's or the API's (a deployment may serve its own), else the one bundled with the
 * library. Never rejects.
 */
export function definitionFor(source: DefinitionSource, theme: string, lang: Lang): Promise<QuestionnaireDefinition | undefined> {
  const url = definitionLocation(source, theme);
  const key = `${url ?? ''}|${theme}`;
  let pending = definitions.get(key);
  if (!pending) {
    pending = fetchDefinition(url, theme, lang);
    definitions.set(key, pending);
    // Forget failures, so a later element (or a retry) asks again.
    void pending.then((definition) => {
      if (!definition) definitions.delete(key);
    });
  }
  return pending;
}
