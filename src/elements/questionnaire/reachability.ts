import { markRefused, refusesThisPage, type Unreachable } from './refused-apis.js';

/**
 * Why the API could not be read: `offline` — no network, or the server does not answer — or
 * `refused` — the server answers, but not to this page: the browser withheld its answers because
 * the server does not list the page's origin (`BAROMETRE_ORIGINS` on the reference server).
 *
 * A `fetch` fails with the same `TypeError` in both cases, on purpose. What tells them apart:
 * `navigator.onLine` false is surely offline; otherwise one request to the root of the API's
 * origin in `no-cors` mode, which CORS does not govern. It succeeds when the server answers at
 * all (its answer is opaque and never read), and fails like the API's requests when the network
 * or the server is down. The root, not the API: the API's own answers forbid being read across
 * origins (`Cross-Origin-Resource-Policy`), which would fail this request too.
 *
 * Loaded only after a request has failed: pages that never lose the API never download it.
 */

/** How long the probe may take: it only ever follows a failure, and the respondent waits for words. */
const PROBE_TIMEOUT_MS = 5_000;

/** The API's address, absolute; `undefined` when unreadable. */
function absolute(api: string): URL | undefined {
  try {
    return new URL(api, location.href);
  } catch {
    return undefined;
  }
}

/**
 * Why a request to `api` just failed without an answer. A refusal is told once to the page's
 * integrator, in the console, naming the setting and the origin to add.
 */
export async function whyUnreachable(api: string): Promise<Unreachable> {
  if (refusesThisPage(api)) return 'refused';
  const url = absolute(api);
  // The page's own origin needs no permission: its requests failed for want of a network.
  if (!url || url.origin === location.origin || navigator.onLine === false) return 'offline';
  try {
    await fetch(new URL('/', url).href, {
      mode: 'no-cors',
      cache: 'no-store',
      credentials: 'omit',
      referrerPolicy: 'no-referrer',
      signal: AbortSignal.timeout(PROBE_TIMEOUT_MS),
    });
  } catch {
    return 'offline';
  }
  if (markRefused(api)) {
    console.error(
      `<barometre-questionnaire>: the Baromètre API at ${url.href} answers, but not to pages of ${location.origin}. ` +
        `Add ${location.origin} to BAROMETRE_ORIGINS on that server (comma-separated origins); until then answers wait on the device.`,
    );
  }
  return 'refused';
}
