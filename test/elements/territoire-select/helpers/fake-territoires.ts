// Intercepts `window.fetch` for a test API and for folders of referential artefacts, and answers
// as the real server does: `GET {api}/territoires?q=&limit=` with the route's response shape and
// its 400 for short queries, and the artefact files as `/referential/` serves them. Answers can be
// delayed per query, refused (offline server), or left to arrive even after an abort, as a source
// that cannot cancel would.
import type { Sample } from './sample.js';

export const API = 'https://api.territoires.test/api/v1';
export const REFERENTIEL = 'https://fichiers.territoires.test/referential/';

/** One search request that reached the fake API. */
export interface SearchRequest {
  q: string;
  limit: string | null;
  lang: string | null;
  /** The caller aborted it before it was answered. */
  aborted: boolean;
  /** An answer was sent (even after an abort, when `ignoreAbort` is set). */
  answered: boolean;
}

export interface FakeTerritoires {
  /** Search requests to the API, in order. */
  readonly searches: SearchRequest[];
  /** Artefact paths fetched, with their folder (`https://…/referential/index.json`). */
  readonly artefacts: string[];
  /** Milliseconds before answering a query (by its exact `q`), default 0. */
  readonly delays: Map<string, number>;
  /** When true, the API answers 503 and artefacts 404. */
  failing: boolean;
  /** When true, an aborted request is still answered, late: the page must ignore it. */
  ignoreAbort: boolean;
  /** Queries the API received, in order. */
  queries(): string[];
  restore(): void;
}

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

/** Waits `ms`, failing as `fetch` does when `signal` aborts first (unless told to ignore it). */
function wait(ms: number, signal: AbortSignal | undefined, ignoreAbort: boolean): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    if (ignoreAbort || !signal) return;
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(signal.reason);
      },
      { once: true },
    );
  });
}

export function installFakeTerritoires(
  sample: Sample,
  options: { api?: string; referentiels?: readonly string[] } = {},
): FakeTerritoires {
  const api = options.api ?? API;
  const referentiels = options.referentiels ?? [REFERENTIEL, new URL('/referential/', window.location.href).href];
  const original = window.fetch;

  const fake: FakeTerritoires = {
    searches: [],
    artefacts: [],
    delays: new Map(),
    failing: false,
    ignoreAbort: false,
    queries: () => fake.searches.map((search) => search.q),
    restore() {
      window.fetch = original;
    },
  };

  /** What `GET /territoires` returns, computed as the server's route and referential adapter do. */
  function search(url: URL): Response {
    const q = url.searchParams.get('q')?.trim() ?? '';
    if (q.length < 2) return json(400, { error: 'query_too_short', message: 'La recherche doit compter au moins 2 caractères.' });
    const limit = Number(url.searchParams.get('limit') ?? '10');
    const territories = sample.referential.search(q.slice(0, 100), { limit }).map((hit) => {
      const { siren: _siren, ...territory } = sample.referential.territory(hit.id)!;
      return hit.departementCode === undefined ? territory : { ...territory, departementCode: hit.departementCode };
    });
    return json(200, { query: q, territories });
  }

  async function answerSearch(url: URL, init: RequestInit | undefined): Promise<Response> {
    const headers = new Headers(init?.headers);
    const request: SearchRequest = {
      q: url.searchParams.get('q') ?? '',
      limit: url.searchParams.get('limit'),
      lang: headers.get('Accept-Language'),
      aborted: false,
      answered: false,
    };
    fake.searches.push(request);
    init?.signal?.addEventListener('abort', () => (request.aborted = true), { once: true });
    await wait(fake.delays.get(request.q) ?? 0, init?.signal ?? undefined, fake.ignoreAbort);
    if (init?.signal?.aborted && !fake.ignoreAbort) throw init.signal.reason;
    request.answered = true;
    if (fake.failing) return json(503, { error: 'internal_error', message: 'Service indisponible.' });
    return search(url);
  }

  window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const href = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (href.startsWith(`${api}/territoires`)) return answerSearch(new URL(href), init);
    const folder = referentiels.find((base) => href.startsWith(base));
    if (folder !== undefined) {
      fake.artefacts.push(href);
      const file = sample.artefacts.get(href.slice(folder.length));
      await Promise.resolve();
      return fake.failing || file === undefined ? json(404, { error: 'not_found' }) : json(200, file);
    }
    return original(input, init);
  };

  return fake;
}
