import { NetworkError } from '../../core/api/errors.js';
import type { QuestionnaireDefinition } from '../../core/schema/questionnaire.js';
import type { Lang } from '../../core/schema/text.js';
import { loadDefinition } from '../../questionnaires/index.js';
import { sendEarly } from '../shared/early-requests.js';
import { globalFetch, TIMEOUT_MS } from '../shared/network.js';
import { apiClient } from './api-loader.js';
import { t } from './messages.js';

/** Where a questionnaire's definition may come from, in order of precedence. */
export interface DefinitionSources {
  /** Given as a property by the page. */
  definition?: unknown;
  /** URL of a JSON definition. */
  src?: string;
  /** Base URL of the API, which serves `/questionnaires/:theme`. */
  api?: string;
  theme?: string;
  lang: Lang;
  signal?: AbortSignal;
}

/** A definition that could not be had, with a code for `barometre-error` and a sentence for people. */
export class DefinitionError extends Error {
  override readonly name = 'DefinitionError';
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Checks a definition against the schema, loaded only here: bundled definitions need no check,
 * so pages that use them never download the schema library.
 */
async function validated(value: unknown, lang: Lang): Promise<QuestionnaireDefinition> {
  const { QuestionnaireDefinition } = await import('../../core/schema/questionnaire.js');
  const result = QuestionnaireDefinition.safeParse(value);
  if (!result.success) throw new DefinitionError('invalid_definition', t(lang, 'invalid_definition'));
  return result.data;
}

async function bundled(theme: string | undefined, lang: Lang): Promise<QuestionnaireDefinition> {
  try {
    // A dynamic import per theme: only this theme's definition is downloaded.
    return await loadDefinition(theme ?? '');
  } catch {
    throw new DefinitionError('unknown_theme', t(lang, 'unknown_theme', { theme: theme ?? '' }));
  }
}

/**
 * Sends the API's definition request now when the API is where it will come from (unless the
 * loader already did), while the API client that reads and checks the answer is still to
 * download: one round trip fewer before the questions show.
 */
export function requestDefinition(sources: DefinitionSources): void {
  if (sources.definition != null || sources.src || !sources.api || !sources.theme) return;
  const baseUrl = sources.api.replace(/\/+$/, '');
  sendEarly(`${baseUrl}/questionnaires/${encodeURIComponent(sources.theme)}`, sources.lang);
}

/**
 * The definition to show: the `definition` property, else the JSON at `src`, else the API's,
 * else the one bundled for the theme. When the API cannot be reached the bundled definition
 * stands in, so a respondent offline can still answer (the server checks the version on receipt).
 */
export async function resolveDefinition(sources: DefinitionSources): Promise<QuestionnaireDefinition> {
  const { lang, signal } = sources;
  if (sources.definition !== undefined && sources.definition !== null) return await validated(sources.definition, lang);
  try {
    if (sources.src) {
      // Not the shared fetchContract: imported from here, it leads the bundler to put the schema
      // library in a chunk the first screen loads.
      const { sendRequest } = await import('../../core/api/http.js');
      const { body } = await sendRequest(
        { baseUrl: '', fetch: globalFetch, lang, timeoutMs: TIMEOUT_MS.results },
        { method: 'GET', path: sources.src, signal },
      );
      return await validated(body, lang);
    }
    if (sources.api && sources.theme) {
      const baseUrl = sources.api.replace(/\/+$/, '');
      requestDefinition(sources);
      try {
        return await (await apiClient({ baseUrl, lang, fetch: globalFetch })).definition(sources.theme, { signal });
      } catch (error) {
        if (error instanceof NetworkError) return await bundled(sources.theme, lang);
        throw error;
      }
    }
  } catch (error) {
    if (error instanceof DefinitionError || signal?.aborted) throw error;
    throw new DefinitionError(
      (error as { code?: string }).code ?? 'definition_unavailable',
      error instanceof Error && error.message ? error.message : t(lang, 'unavailable'),
    );
  }
  return bundled(sources.theme, lang);
}
