import type { ResultsResponse, Series } from '../../../../src/core/schema/results.js';
import { cyberSeries, inclusionSeries, onlyQuestion, resultsOf, suppressedTerritory } from '../fixtures/results.js';

/** The API base URL the element tests use; requests to it never leave the browser. */
export const API = 'https://api.barometre.test/v1';

/** Answers one intercepted request. */
export type Route = (url: URL, init?: RequestInit) => Response | Promise<Response>;

/** A JSON response. */
export function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

function seriesFor(theme: string, territoire: string | null): Record<string, Series> | undefined {
  if (theme === 'cybersecurite') {
    const all: Record<string, Series> = cyberSeries();
    if (territoire === 'departement:22') all.territoire = suppressedTerritory();
    return all;
  }
  if (theme === 'inclusion') return inclusionSeries();
  return undefined;
}

/**
 * The reference API as the elements see it, for the themes of the fixtures: the territory's
 * series (Ille-et-Vilaine, or the suppressed Côtes-d'Armor), then the comparisons asked, in the
 * order asked. Definitions are not served (404), so elements fall back to the bundled ones.
 */
export const defaultRoute: Route = (url) => {
  const path = url.pathname.replace(/^\/v1/, '');
  const results = /^\/resultats\/([^/]+)$/.exec(path);
  if (results) {
    const theme = decodeURIComponent(results[1]!);
    const territoire = url.searchParams.get('territoire');
    const all = seriesFor(theme, territoire);
    if (!all) return json({ error: 'theme_inconnu', message: `Thème inconnu : ${theme}.` }, 404);
    if (territoire && territoire !== 'departement:35' && territoire !== 'departement:22') {
      return json({ error: 'territoire_inconnu', message: `Territoire inconnu : ${territoire}.` }, 404);
    }
    const roles = [...(territoire ? ['territoire'] : []), ...(url.searchParams.get('comparer') ?? '').split(',').filter(Boolean)];
    const series = roles.map((role) => all[role]).filter((s): s is Series => s !== undefined);
    const ponderation = url.searchParams.get('ponderation') === 'redressee' ? 'redressee' : 'brute';
    const body: ResultsResponse = onlyQuestion(resultsOf(theme as ResultsResponse['theme'], series.length ? series : [all.france!], ponderation), url.searchParams.get('question'));
    return json(body);
  }
  return json({ error: 'introuvable', message: 'Ressource introuvable.' }, 404);
};

/** A fetch interceptor for {@link API}; everything else goes to the real network (the test server). */
export interface FakeApi {
  /** Every intercepted request, in order. */
  readonly requests: URL[];
  /** The intercepted results requests only. */
  resultsRequests(): URL[];
  /** Replaces the route for the next requests. */
  route: Route;
  /** Puts the real `fetch` back. */
  restore(): void;
}

/** Installs the interceptor; call `restore()` in `afterEach`. */
export function installFakeApi(route: Route = defaultRoute): FakeApi {
  const original = window.fetch;
  const api: FakeApi = {
    requests: [],
    resultsRequests: () => api.requests.filter((url) => url.pathname.includes('/resultats/')),
    route,
    restore: () => {
      window.fetch = original;
    },
  };
  window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const href = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (!href.startsWith(API)) return original(input, init);
    const url = new URL(href);
    api.requests.push(url);
    if (init?.signal?.aborted) throw new DOMException('Aborted', 'AbortError');
    return api.route(url, init);
  };
  return api;
}

/** A promise with its resolver outside, to hold a response until the test has looked at the loading state. */
export function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}
