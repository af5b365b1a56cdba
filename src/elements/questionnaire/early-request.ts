import type { FetchLike } from '../../core/api/http.js';

/**
 * A `fetch` whose first call for `url` is answered by a request sent at once. The questionnaire
 * sends its definition request as soon as it knows what to ask, while the API client that reads
 * and checks the answer is still downloading: one round trip fewer before the form shows. Any
 * other call, or the same URL again, is an ordinary `fetch`.
 *
 * @param signal cancels the early request when the element gives up before anyone takes it
 */
export function withEarlyRequest(url: string, init: RequestInit, signal?: AbortSignal): FetchLike {
  const controller = new AbortController();
  signal?.addEventListener('abort', () => controller.abort(signal.reason), { once: true });
  let early: Promise<Response> | undefined = fetch(url, { ...init, signal: controller.signal });
  // A failure belongs to whoever takes the answer, not to an unhandled rejection.
  early.catch(() => undefined);
  return (input, options) => {
    const sent = early;
    if (sent === undefined || input !== url) return fetch(input, options);
    early = undefined;
    const callerSignal = options?.signal;
    if (!callerSignal) return sent;
    // The caller's signal (its timeout) still cancels the request it was handed.
    return new Promise<Response>((resolve, reject) => {
      const abort = () => {
        controller.abort(callerSignal.reason);
        reject(callerSignal.reason as Error);
      };
      if (callerSignal.aborted) return abort();
      callerSignal.addEventListener('abort', abort, { once: true });
      sent.then(resolve, reject).finally(() => callerSignal.removeEventListener('abort', abort));
    });
  };
}
