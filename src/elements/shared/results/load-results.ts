import { sendRequest, type FetchLike } from '../../../core/api/http.js';
import { QuestionnaireDefinition } from '../../../core/schema/questionnaire.js';
import { ResultsResponse } from '../../../core/schema/results.js';
import type { Lang } from '../../../core/schema/text.js';
import { loadDefinition } from '../../../questionnaires/index.js';
import { ResultsLoadError } from './load-error.js';
import { resultsMessages } from './messages.js';
import { definitionUrl, resolveSrc, resultsUrl, type ResultsRequest } from './results-query.js';

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

/**
 * Fetches results from the API or a static file and validates them against the contract. A body
 * that breaks it is refused whole: a chart drawn from half-valid data would be wrong without
 * saying so.
 */
export async function fetchResults(request: ResultsRequest, lang: Lang, signal: AbortSignal): Promise<ResultsResponse> {
  const url = request.src ? resolveSrc(request.src) : resultsUrl(request.api ?? '', request);
  const body = await getJson(url, lang, signal);
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
  return parsed.data;
}

// A definition never changes under a page: one request per API and theme, shared by every element.
const definitions = new Map<string, Promise<QuestionnaireDefinition | undefined>>();

async function fetchDefinition(api: string | undefined, theme: string, lang: Lang): Promise<QuestionnaireDefinition | undefined> {
  if (api) {
    try {
      const body = await getJson(definitionUrl(api, theme), lang, new AbortController().signal);
      const parsed = QuestionnaireDefinition.safeParse(body);
      if (parsed.success && parsed.data.theme === theme) return parsed.data;
    } catch {
      // The API may serve results without definitions (an open-data mirror): the bundled one will do.
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
 * The questionnaire definition that names a theme's questions and options: the API's (a
 * deployment may serve its own), else the one bundled with the library. Never rejects.
 */
export function definitionFor(api: string | undefined, theme: string, lang: Lang): Promise<QuestionnaireDefinition | undefined> {
  const key = `${api ?? ''}|${theme}`;
  let pending = definitions.get(key);
  if (!pending) {
    pending = fetchDefinition(api, theme, lang);
    definitions.set(key, pending);
    // Forget failures, so a later element (or a retry) asks again.
    void pending.then((definition) => {
      if (!definition) definitions.delete(key);
    });
  }
  return pending;
}
