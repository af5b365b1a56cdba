import type { Lang } from '../../core/schema/text.js';
import { ReadAnswer } from './read-answer.js';

/**
 * GET requests sent before the code that reads their answer has arrived: the script-tag loader
 * sends an element's definition and results requests as soon as it sees the tag, while the
 * element's code is still downloading, and the element's first `fetch` of the same URL and
 * language takes that answer instead of asking again. One request, one round trip fewer.
 *
 * The table lives on `globalThis`, not in this module alone: the loader and the elements' chunks
 * must share it even when a page holds two instances of the module (the loader's URL written with
 * a query string, say). An answer is handed out once; one nobody took is dropped after a while,
 * so that a late element never reads figures older than it would fetch itself.
 *
 * The body is read as soon as the answer comes, while the element's code is still on its way
 * ({@link ReadAnswer}): the element that takes it then renders its figures in the same turn as
 * its first render, instead of painting itself empty while the body is read.
 */

/** How long an answer nobody took is kept. */
const KEEP_MS = 30_000;

interface Early {
  response: Promise<Response>;
  controller: AbortController;
}

const SLOT = Symbol.for('barometre-widgets.early-requests');
const table: Map<string, Early> = ((globalThis as { [SLOT]?: Map<string, Early> })[SLOT] ??= new Map());

const keyOf = (url: string, lang: string) => `${lang} ${url}`;

/** The headers every GET of the API client sends; the early request sends the same. */
export function earlyHeaders(lang: Lang): Record<string, string> {
  return { Accept: 'application/json', 'Accept-Language': lang };
}

/** Sends a GET of `url` now, unless one is already waiting to be taken. */
export function sendEarly(url: string, lang: Lang): void {
  const key = keyOf(url, lang);
  if (table.has(key)) return;
  const controller = new AbortController();
  const response: Promise<Response> = fetch(url, { headers: earlyHeaders(lang), signal: controller.signal }).then(ReadAnswer.of);
  // A failure belongs to whoever takes the answer, not to an unhandled rejection.
  response.catch(() => undefined);
  const early = { response, controller };
  table.set(key, early);
  setTimeout(() => {
    if (table.get(key) !== early) return;
    table.delete(key);
    controller.abort();
  }, KEEP_MS);
}

/** The language a request asks for, from its headers. */
function langOf(headers: HeadersInit | undefined): string | undefined {
  if (!headers) return undefined;
  return new Headers(headers).get('Accept-Language') ?? undefined;
}

/**
 * The early answer for a GET of `url` with the same language, once; `undefined` when there is
 * none (the caller then fetches). The caller's signal (its deadline, its abort) still cancels
 * the request it is handed.
 */
export function takeEarly(url: string, init?: RequestInit): Promise<Response> | undefined {
  if (table.size === 0 || (init?.method ?? 'GET') !== 'GET' || init?.body != null) return undefined;
  const lang = langOf(init?.headers);
  if (lang === undefined) return undefined;
  const key = keyOf(url, lang);
  const early = table.get(key);
  if (!early) return undefined;
  table.delete(key);
  const signal = init?.signal;
  if (!signal) return early.response;
  return new Promise<Response>((resolve, reject) => {
    const abort = () => {
      early.controller.abort(signal.reason);
      reject(signal.reason as Error);
    };
    if (signal.aborted) return abort();
    signal.addEventListener('abort', abort, { once: true });
    early.response.then(resolve, reject).finally(() => signal.removeEventListener('abort', abort));
  });
}
