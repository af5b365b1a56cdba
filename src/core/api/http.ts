import type { Lang } from '../schema/text.js';
import { ApiError, NetworkError } from './errors.js';
import { clientMessages } from './messages.js';

/** The `fetch` the client calls: the global one by default, any compatible function in tests. */
export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

/** What every request of one client shares. */
export interface HttpConfig {
  baseUrl: string;
  fetch: FetchLike;
  lang: Lang;
  timeoutMs: number;
}

/** One request. */
export interface HttpRequest {
  method: 'GET' | 'PUT';
  /** Appended to the base URL; segments are already encoded. */
  path: string;
  body?: unknown;
  headers?: Record<string, string>;
  /** Lets the caller give up (the element does when it is removed or the input changes). */
  signal?: AbortSignal;
  timeoutMs?: number;
  lang?: Lang;
}

/** A 2xx answer, or a non-2xx one the caller asked to see (`accept`). */
export interface HttpResponse {
  status: number;
  body: unknown;
}

/** `Retry-After` holds seconds or an HTTP date. */
function retryAfterMs(header: string | null, now = Date.now()): number | undefined {
  if (header === null || header.trim() === '') return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

async function readBody(response: Response): Promise<unknown> {
  const text = await response.text();
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    // A proxy's HTML error page, say: the status still tells what happened.
    return undefined;
  }
}

/** The error an API error body (`{ error, message, details? }`) stands for; tolerant of any body. */
export function errorFromBody(status: number, body: unknown, lang: Lang, retryAfter?: number): ApiError {
  const fields = (body !== null && typeof body === 'object' ? body : {}) as Record<string, unknown>;
  const code = typeof fields.error === 'string' && fields.error !== '' ? fields.error : `http_${status}`;
  const message =
    typeof fields.message === 'string' && fields.message !== ''
      ? fields.message
      : clientMessages(lang, 'http', { status: String(status) });
  return new ApiError(status, code, message, fields.details, retryAfter);
}

/**
 * Sends one request with a deadline and maps every failure to {@link ApiError} or
 * {@link NetworkError}. Statuses listed in `accept` are returned instead of thrown (a 409 is an
 * outcome of a submission, not a failure). An abort asked by the caller is passed through as is.
 */
export async function sendRequest(
  config: HttpConfig,
  request: HttpRequest,
  accept: readonly number[] = [],
): Promise<HttpResponse> {
  const lang = request.lang ?? config.lang;
  const timeoutMs = request.timeoutMs ?? config.timeoutMs;
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  const onCallerAbort = () => controller.abort(request.signal?.reason);
  if (request.signal?.aborted) onCallerAbort();
  else request.signal?.addEventListener('abort', onCallerAbort, { once: true });

  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': lang, ...request.headers };
  if (request.body !== undefined) headers['Content-Type'] = 'application/json';
  try {
    let response: Response;
    let body: unknown;
    try {
      response = await config.fetch(config.baseUrl + request.path, {
        method: request.method,
        headers,
        body: request.body === undefined ? undefined : JSON.stringify(request.body),
        signal: controller.signal,
      });
      body = await readBody(response);
    } catch (error) {
      if (timedOut) throw new NetworkError(clientMessages(lang, 'timeout'), true, { cause: error });
      if (request.signal?.aborted) throw request.signal.reason ?? error;
      throw new NetworkError(clientMessages(lang, 'network'), false, { cause: error });
    }
    if (response.ok || accept.includes(response.status)) return { status: response.status, body };
    throw errorFromBody(response.status, body, lang, retryAfterMs(response.headers.get('Retry-After')));
  } finally {
    clearTimeout(timer);
    request.signal?.removeEventListener('abort', onCallerAbort);
  }
}

/** The error for a 2xx answer whose body breaks the contract. */
export function invalidResponse(status: number, lang: Lang, cause?: unknown): ApiError {
  return new ApiError(status, 'invalid_response', clientMessages(lang, 'invalid_response'), cause);
}
