import type { ResultsResponse, Series } from '../../../../src/core/schema/results.js';
import { cyberSeries, inclusionSeries, onlyQuestion, resultsOf, UNPUBLISHED_TERRITORIES, unpublishedTerritory } from '../fixtures/results.js';

/** The API base URL the element tests use; requests to it never leave the browser. */
export const API = 'https://api.barometre.test/v1';

/** Answers one intercepted request. */
export type Route = (url: URL, init?: RequestInit) => Response | Promise<Response>;

/** A JSON response. */
export function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

/** The territories the fake API knows: Ille-et-Vilaine, and one département per state of a series that is not published. */
const KNOWN_TERRITORIES = ['departement:35', ...Object.values(UNPUBLISHED_TERRITORIES).map((territory) => territory.id)];

/** Every series of a theme for a territory: the territory's own, then each comparison by role. */
export function seriesFor(theme: string, territoire: string | null): Record<string, Series> | undefined {
  const all: Record<string, Series> | undefined =
    theme === 'cybersecurite' ? cyberSeries() : theme === 'inclusion' ? inclusionSeries() : undefined;
  if (!all) return undefined;
  for (const [status, territory] of Object.entries(UNPUBLISHED_TERRITORIES)) {
    if (territoire === territory.id) all.territoire = unpublishedTerritory(status as keyof typeof UNPUBLISHED_TERRITORIES);
  }
  return all;
}

/**
 * The reference API as the elements see it, for the themes of the fixtures: the territory's
 * series (Ille-et-Vilaine, or a département whose series is not published: Côtes-d'Armor below
 * the threshold, Morbihan hidden, Finistère without response), then the comparisons asked, in
 * the order asked. Definitions are not served (404), so elements fall back to the bundled ones.
 */
export const defaultRoute: Route = (url) => {
  const path = url.pathname.replace(/^\/v1/, '');
  const results = /^\/resultats\/([^/]+)$/.exec(path);
  if (results) {
    const theme = decodeURIComponent(results[1]!);
    const territoire = url.searchParams.get('territoire');
    const all = seriesFor(theme, territoire);
    if (!all) return json({ error: 'theme_inconnu', message: `Thème inconnu : ${theme}.` }, 404);
    if (territoire && !KNOWN_TERRITORIES.includes(territoire)) {
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

/** Base URL of the fake static publication, under the intercepted address. */
export const PUBLICATION_BASE = `${API}/publications/2026-12-06`;

/**
 * A static publication as the server team writes it, for the themes of the fixtures: one full
 * results file per territory and weighting, `resultats/{theme}/{ponderation}/{territoire-file}.json`,
 * holding the territory's series and every comparison, in an order of its own (France,
 * similaires, the territory, its région), with every question. Communes and EPCI have no file,
 * nor do definitions (404): elements fall back to the bundled ones.
 */
export const publicationRoute: Route = (url) => {
  const prefix = new URL(PUBLICATION_BASE).pathname;
  const match = url.pathname.startsWith(`${prefix}/`)
    ? /^\/resultats\/([^/]+)\/(brute|redressee)\/([^/]+)\.json$/.exec(url.pathname.slice(prefix.length))
    : null;
  if (!match) return json({ error: 'introuvable', message: 'Fichier introuvable.' }, 404);
  const [, theme, ponderation, file] = match as unknown as [string, string, 'brute' | 'redressee', string];
  const territoire = file === 'france' ? 'france' : file.replace('-', ':');
  const all = seriesFor(theme, territoire);
  if (!all || (territoire !== 'france' && !KNOWN_TERRITORIES.includes(territoire))) {
    return json({ error: 'introuvable', message: 'Fichier introuvable.' }, 404);
  }
  const own = territoire === 'france' ? { ...all.france!, role: 'territoire' as const } : all.territoire!;
  const series = [all.france, all.similaires, own, territoire === 'france' ? undefined : all.region];
  return json(resultsOf(theme as ResultsResponse['theme'], series.filter((one): one is Series => one !== undefined), ponderation));
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
