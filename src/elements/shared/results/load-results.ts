import type { QuestionnaireDefinition } from '../../../core/schema/questionnaire.js';
import type { ResultsResponse } from '../../../core/schema/results.js';
import type { Lang } from '../../../core/schema/text.js';
import { loadDefinition } from '../../../questionnaires/index.js';
import { checkContract, fetchJson } from '../fetch-contract.js';
import { hasDefinitionShape } from './definition-shape.js';
import { assertTheme } from './load-error.js';
import { hasResultsShape } from './results-shape.js';
import { definitionUrl, resolveSrc, resultsUrl, type ResultsRequest } from './results-query.js';
import { selectFromPublication, staticDefinitionUrl, staticResultsUrl } from './static-publication.js';
import { Unverified } from './unverified.js';

// The contracts load on demand: they pull in the schema library, which no first bar waits for.
const resultsContract = () => import('../../../core/schema/results.js').then((module) => module.ResultsResponse);
const definitionContract = () => import('../../../core/schema/questionnaire.js').then((module) => module.QuestionnaireDefinition);

/** Where a request's results are read: its file, its static publication's file, or the API. */
function resultsLocation(request: ResultsRequest): string {
  if (request.src) return resolveSrc(request.src);
  if (request.publication) return staticResultsUrl(request.publication, request.theme ?? '', request.ponderation, request.territoire);
  return resultsUrl(request.api ?? '', request);
}

/**
 * Fetches results from the API, a static publication or a static file, refused when about another
 * theme. A publication's file holds every comparison and question: only those asked are kept, as
 * the API would have answered. Results that pass the quick look of `results-shape.ts` come back
 * to be drawn at once, their full contract checked later ({@link Unverified}); others are checked
 * against it now, so a broken body is refused before anything is drawn, in the contract's words.
 */
export async function fetchResults(request: ResultsRequest, lang: Lang, signal: AbortSignal): Promise<Unverified<ResultsResponse>> {
  const body = await fetchJson(resultsLocation(request), { lang, signal });
  const quick = hasResultsShape(body);
  const results = quick ? body : await checkContract(body, await resultsContract(), lang);
  assertTheme(results, request.theme, lang);
  const verify = quick ? async () => void (await checkContract(body, await resultsContract(), lang)) : async () => undefined;
  const shown = !request.src && request.publication ? selectFromPublication(results, request.comparer, request.question) : results;
  return new Unverified(shown, verify);
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
// Served definitions that passed the quick look only, until their full contract is checked.
const unconfirmed = new WeakSet<QuestionnaireDefinition>();

async function fetchDefinition(url: string | undefined, theme: string, lang: Lang): Promise<QuestionnaireDefinition | undefined> {
  if (url) {
    try {
      const body = await fetchJson(url, { lang, signal: new AbortController().signal });
      if (hasDefinitionShape(body, theme)) {
        unconfirmed.add(body);
        return body;
      }
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

/**
 * Checks a served definition against its full contract once the figures it words are drawn (see
 * {@link Unverified}); one that breaks it gives way to the bundled definition, for this element
 * and every later one. Bundled definitions, and those already checked, come back as they are.
 */
export async function confirmDefinition(
  source: DefinitionSource,
  theme: string,
  definition: QuestionnaireDefinition | undefined,
  lang: Lang,
): Promise<QuestionnaireDefinition | undefined> {
  if (!definition || !unconfirmed.has(definition)) return definition;
  if ((await definitionContract()).safeParse(definition).success) {
    unconfirmed.delete(definition);
    return definition;
  }
  const key = `${definitionLocation(source, theme) ?? ''}|${theme}`;
  const bundled = fetchDefinition(undefined, theme, lang);
  definitions.set(key, bundled);
  return bundled;
}
