// A fake of the Baromètre API in the browser: it intercepts `window.fetch` for one base URL and
// answers as the contract says — definitions, collectivités, contribution status, and PUTs with
// idempotency, edit tokens, 409 and 422; results when a test provides them — and can be switched
// offline or to server errors.
import { findQuestion, problemMessage, validateContribution } from '../../../src/core/questionnaire/index.js';
import type { QuestionnaireDefinition } from '../../../src/core/schema/questionnaire.js';

export const FAKE_API = 'https://api.barometre.test/api/v1';

export interface FakeRequest {
  method: string;
  path: string;
  headers: Headers;
  body: unknown;
}

export interface StoredContribution {
  editToken: string;
  updatedAt: string;
  role: string;
  answers: Record<string, unknown>;
}

export interface FakeApi {
  readonly baseUrl: string;
  /** `offline`: fetch rejects as a browser does without network; `error`: every call answers 503. */
  mode: 'online' | 'offline' | 'error';
  /** Requests that reached the fake server. */
  readonly requests: FakeRequest[];
  /** Every call, including those refused while offline. */
  readonly attempts: FakeRequest[];
  readonly contributions: Map<string, StoredContribution>;
  /** Submissions set aside (409). */
  readonly pending: FakeRequest[];
  /** PUTs that created or replaced a contribution (a replayed answer is not counted again). */
  readonly applied: FakeRequest[];
  /** PUTs that reached the server with this idempotency key. */
  putsWithKey(key: string): FakeRequest[];
  /** PUTs that reached the server. */
  puts(): FakeRequest[];
  /** Records an existing contribution. */
  setExisting(siret: string, theme: string, contribution: Partial<StoredContribution>): void;
  /** The contribution status gives `updatedAt`, as a server other than the reference API may. */
  statusWithDate: boolean;
  /** Answers the next PUT with this status and body instead of the normal rules. */
  respondNextPut(status: number, body: unknown): void;
  /** Delays every answer (milliseconds). */
  delayMs: number;
  /** The next PUT is processed, but its answer is lost on the way back (the network drops). */
  loseNextResponse: boolean;
  /**
   * Answers `GET /resultats/:theme` from the theme and the query. Unset, results are an unknown
   * path (404), as before they were faked.
   */
  results?: (theme: string, query: URLSearchParams) => { status: number; body: unknown };
  /** Requests for results that reached the server, as their query parameters. */
  resultsQueries(): URLSearchParams[];
  /**
   * Answers `GET /publications` (`{ publications: [...], next }`). Unset, it is an unknown path
   * (404), as on a server that does not publish its schedule.
   */
  publications?: () => { status: number; body: unknown };
  /** Requests for the publications' schedule that reached the server. */
  publicationsRequests(): FakeRequest[];
  uninstall(): void;
}

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

export function installFakeApi(options: {
  definitions?: QuestionnaireDefinition[];
  collectivites?: Array<{ siren: string; siret: string }>;
  baseUrl?: string;
} = {}): FakeApi {
  const baseUrl = options.baseUrl ?? FAKE_API;
  const original = window.fetch;
  const definitions = new Map((options.definitions ?? []).map((definition) => [definition.theme, definition]));
  const collectivites = new Map((options.collectivites ?? []).map((collectivite) => [collectivite.siret, collectivite]));
  const replays = new Map<string, { status: number; body: unknown }>();
  let forced: { status: number; body: unknown } | undefined;
  let tokens = 0;

  const api: FakeApi = {
    baseUrl,
    mode: 'online',
    requests: [],
    attempts: [],
    contributions: new Map(),
    pending: [],
    applied: [],
    delayMs: 0,
    loseNextResponse: false,
    statusWithDate: false,
    putsWithKey: (key) => api.requests.filter((r) => r.method === 'PUT' && r.headers.get('Idempotency-Key') === key),
    puts: () => api.requests.filter((r) => r.method === 'PUT'),
    resultsQueries: () =>
      api.requests.filter((r) => r.path.startsWith('/resultats/')).map((r) => new URL(r.path, baseUrl).searchParams),
    publicationsRequests: () => api.requests.filter((r) => r.path === '/publications'),
    setExisting(siret, theme, contribution) {
      api.contributions.set(`${siret}/${theme}`, {
        editToken: 'code-existant',
        updatedAt: '2025-01-15T09:00:00.000Z',
        role: 'agent',
        answers: {},
        ...contribution,
      });
    },
    respondNextPut(status, body) {
      forced = { status, body };
    },
    uninstall() {
      window.fetch = original;
    },
  };

  function route(request: FakeRequest): Response {
    const en = request.headers.get('Accept-Language') === 'en';
    const resultsPath = /^\/resultats\/([^/?]+)(?:\?|$)/.exec(request.path);
    if (resultsPath && api.results && request.method === 'GET') {
      const { status, body } = api.results(decodeURIComponent(resultsPath[1]!), new URL(request.path, baseUrl).searchParams);
      return json(status, body);
    }
    if (request.path === '/publications' && api.publications && request.method === 'GET') {
      const { status, body } = api.publications();
      return json(status, body);
    }
    const segments = request.path.split('/').filter(Boolean).map(decodeURIComponent);
    const [collection, first, second] = segments;
    if (collection === 'questionnaires' && first) {
      const definition = definitions.get(first as QuestionnaireDefinition['theme']);
      return definition ? json(200, definition) : json(404, { error: 'theme_not_found', message: 'Thème inconnu.' });
    }
    if (collection === 'collectivites' && first) {
      const found = collectivites.get(first);
      return found
        ? json(200, found)
        : json(404, {
            error: 'collectivite_inconnue',
            message: en ? 'No local authority has this SIRET.' : 'Aucune collectivité connue ne porte ce SIRET.',
          });
    }
    if (collection === 'contributions' && first && second) {
      const key = `${first}/${second}`;
      const existing = api.contributions.get(key);
      if (request.method === 'GET') {
        // Whether, never when: as the reference API (unless asked otherwise).
        if (!existing) return json(200, { exists: false });
        return json(200, api.statusWithDate ? { exists: true, updatedAt: existing.updatedAt } : { exists: true });
      }
      return put(request, key, first, second, existing, en);
    }
    return json(404, { error: 'not_found', message: 'Rien ici.' });
  }

  function put(request: FakeRequest, key: string, siret: string, theme: string, existing: StoredContribution | undefined, en: boolean) {
    const idempotencyKey = request.headers.get('Idempotency-Key');
    if (!idempotencyKey) return json(400, { error: 'idempotency_key_required', message: 'Clé obligatoire.' });
    const replay = replays.get(idempotencyKey);
    if (replay) return json(replay.status, replay.body);
    const answer = (status: number, body: unknown) => {
      replays.set(idempotencyKey, { status, body });
      return json(status, body);
    };
    if (forced) {
      const { status, body } = forced;
      forced = undefined;
      return answer(status, body);
    }
    const body = request.body as { role: string; version: string; answers: Record<string, unknown> };
    const definition = definitions.get(theme as QuestionnaireDefinition['theme']);
    if (definition) {
      const problems = validateContribution(definition, body.answers);
      if (problems.length > 0) {
        const lang = en ? 'en' : 'fr';
        return answer(422, {
          error: 'invalid_answers',
          message: en ? 'Some answers are not accepted.' : 'Des réponses ne sont pas acceptées.',
          details: problems.map((problem) => ({
            questionId: problem.questionId,
            code: problem.code,
            message: problemMessage(problem, lang, findQuestion(definition, problem.questionId)),
          })),
        });
      }
    }
    const now = new Date().toISOString();
    const token = request.headers.get('Authorization')?.replace(/^Bearer /, '');
    if (existing) {
      if (token !== existing.editToken) {
        api.pending.push(request);
        return answer(409, {
          error: 'contribution_exists',
          message: en ? 'Set aside for review.' : 'Votre envoi a été mis de côté pour examen.',
          details: { pendingId: `attente-${api.pending.length}` },
        });
      }
      api.contributions.set(key, { ...existing, updatedAt: now, role: body.role, answers: body.answers });
      api.applied.push(request);
      return answer(200, { status: 'updated', updatedAt: now });
    }
    const editToken = `CODE-${++tokens}-${siret.slice(-4)}`;
    api.contributions.set(key, { editToken, updatedAt: now, role: body.role, answers: body.answers });
    api.applied.push(request);
    return answer(201, { status: 'created', editToken, updatedAt: now });
  }

  window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (!url.startsWith(baseUrl)) return original(input, init);
    const text = typeof init?.body === 'string' ? init.body : undefined;
    const request: FakeRequest = {
      method: (init?.method ?? 'GET').toUpperCase(),
      path: url.slice(baseUrl.length),
      headers: new Headers(init?.headers),
      body: text === undefined ? undefined : (JSON.parse(text) as unknown),
    };
    api.attempts.push(request);
    if (init?.signal?.aborted) throw init.signal.reason;
    if (api.mode === 'offline') throw new TypeError('Failed to fetch');
    if (api.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, api.delayMs));
    if (init?.signal?.aborted) throw init.signal.reason;
    api.requests.push(request);
    if (api.mode === 'error') return json(503, { error: 'internal_error', message: 'Service indisponible.' });
    const response = route(request);
    if (request.method === 'PUT' && api.loseNextResponse) {
      api.loseNextResponse = false;
      throw new TypeError('Failed to fetch');
    }
    return response;
  };

  return api;
}
