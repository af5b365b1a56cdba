import type * as z from 'zod/mini';
import { sendRequest } from '../../core/api/http.js';
import type { Lang } from '../../core/schema/text.js';
import { globalFetch, TIMEOUT_MS } from './network.js';
import { ResultsLoadError } from './results/load-error.js';
import { resultsMessages } from './results/messages.js';

export interface FetchOptions {
  lang: Lang;
  signal: AbortSignal;
  /** Defaults to the results' patience. */
  timeoutMs?: number;
}

/** GETs one absolute URL as JSON through the API client (deadline, error bodies, abort). */
export async function fetchJson(url: string, { lang, signal, timeoutMs = TIMEOUT_MS.results }: FetchOptions): Promise<unknown> {
  const response = await sendRequest({ baseUrl: '', fetch: globalFetch, lang, timeoutMs }, { method: 'GET', path: url, signal });
  return response.body;
}

/**
 * GETs one URL and validates its body against a contract. A body that breaks it is refused
 * whole, with the first problem in words (enough to tell the publisher of a file where to look):
 * figures drawn from half-valid data would be wrong without saying so.
 */
export async function fetchContract<S extends z.ZodMiniType>(url: string, schema: S, options: FetchOptions): Promise<z.infer<S>> {
  return checkContract(await fetchJson(url, options), schema, options.lang);
}

/** Validates a body already received against a contract, refusing it as {@link fetchContract} does. */
export async function checkContract<S extends z.ZodMiniType>(body: unknown, schema: S, lang: Lang): Promise<z.infer<S>> {
  const parsed = schema.safeParse(body, { reportInput: true });
  if (parsed.success) return parsed.data;
  // The message tables load only when a file is broken: valid data never pays for them.
  const { toFieldErrors } = await import('../../core/schema/errors.js');
  const first = toFieldErrors(parsed.error.issues, lang)[0];
  // The problem is said inside parentheses, within a sentence: its own full stop would end it twice.
  const detail = (first?.message ?? '').replace(/\.$/, '');
  const message = first?.path
    ? resultsMessages(lang, 'invalidResultsAt', { path: first.path, detail })
    : resultsMessages(lang, 'invalidResults', { detail });
  throw new ResultsLoadError('invalid_results', message);
}
