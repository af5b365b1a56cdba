import { QuestionnaireDefinition } from '../../../core/schema/questionnaire.js';
import { ResultsResponse } from '../../../core/schema/results.js';
import type { Lang } from '../../../core/schema/text.js';
import { loadDefinition } from '../../../questionnaires/index.js';
import { fetchContract, fetchJson } from '../fetch-contract.js';
import { assertTheme } from './load-error.js';
import { definitionUrl, resolveSrc, resultsUrl, type ResultsRequest } from './results-query.js';
import { selectFromPublication, staticDefinitionUrl, staticResultsUrl } from './static-publication.js';

/** Where a request's results are read: its file, its static publication's file, or the API. */
function resultsLocation(request: ResultsRequest): string {
  if (request.src) return resolveSrc(request.src);
  if (request.publication) return staticResultsUrl(request.publication, request.theme ?? '', request.ponderation, request.territoire);
  return resultsUrl(request.api ?? '', request);
}

/**
 * Fetches results from the API, a static publication or a static file, validated against the
 * contract and refused when about another theme. A publication's file holds every comparison and
 * question: only those asked are kept, as the API would have answered.
 */
export async function fetchResults(request: ResultsRequest, lang: Lang, signal: AbortSignal): Promise<ResultsResponse> {
  const results = await fetchContract(resultsLocation(request), ResultsResponse, { lang, signal });
  assertTheme(results, request.theme, lang);
  if (!request.src && request.publication) return selectFromPublication(results, request.comparer, request.question);
  return results;
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
      const body = await fetchJson(url, { lang, signal: new AbortController().signal });
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
