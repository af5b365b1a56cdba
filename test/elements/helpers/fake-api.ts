// A fake of the Baromètre API in the browser: it intercepts `window.fetch` for one base URL and
// answers as the contract says — definitions, collectivités, contribution status, the server's
// offer (`/config`), and PUTs with idempotency, edit codes (a wrong one refused, five locking the
// code), attestations, 409 and 422; results when a test provides them — and can be switched
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
  /** Answers the next PUT with this status, body and headers instead of the normal rules. */
  respondNextPut(status: number, body: unknown, headers?: Record<string, string>): void;
  /** What `GET /config` answers; `undefined` makes it an unknown path (404), as on an older server. */
  config?: unknown;
  /** Wrong codes tried per contribution (`siret/theme`) since the last right one. */
  readonly wrongCodes: Map<string, number>;
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

function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });
}

/** The issuer an attestation names, read as the element reads it: the fake checks no signature. */
function issuerOf(token: string): string | undefined {
  try {
    return (JSON.parse(atob(token.split('.')[1]!.replace(/-/g, '+').replace(/_/g, '/'))) as { iss?: string }).iss;
  } catch {
    return undefined;
  }
}

const MAX_WRONG_CODES = 5;

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
  let forced: { status: number; body: unknown; headers?: Record<string, string> } | undefined;
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
    wrongCodes: new Map(),
    config: {
      attestation: { enabled: true },
      proconnect: { enabled: false },
      editCode: { pattern: '^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$', maxWrongCodes: 5 },
      countUnverified: true,
    },
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
    respondNextPut(status, body, headers) {
      forced = { status, body, headers };
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
    if (request.path === '/config' && request.method === 'GET') {
      return api.config === undefined ? json(404, { error: 'not_found', message: 'Rien ici.' }) : json(200, api.config);
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
    const answer = (status: number, body: unknown, headers?: Record<string, string>) => {
      // A refusal does not use up its key, as on the reference server.
      if (status < 400 || status === 409 || status === 422) replays.set(idempotencyKey, { status, body });
      return json(status, body, headers);
    };
    if (forced) {
      const { status, body, headers } = forced;
      forced = undefined;
      return answer(status, body, headers);
    }
    const body = request.body as { role: string; version: string; answers: Record<string, unknown>; attestation?: string; review?: boolean };
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
      const wrong = api.wrongCodes.get(key) ?? 0;
      if (token !== undefined && !body.review && wrong >= MAX_WRONG_CODES) {
        const lockedUntil = new Date(Date.now() + 3_600_000).toISOString();
        return answer(
          423,
          { error: 'edit_code_locked', message: 'Codes bloqués.', details: { field: 'editCode', lockedUntil, retryAfter: 3600, canSendForReview: true } },
          { 'Retry-After': '3600' },
        );
      }
      if (token !== undefined && !body.review && token !== existing.editToken) {
        api.wrongCodes.set(key, wrong + 1);
        return answer(403, {
          error: 'edit_code_wrong',
          message: 'Mauvais code.',
          details: { field: 'editCode', remainingAttempts: MAX_WRONG_CODES - wrong - 1, canSendForReview: true },
        });
      }
      if (token === undefined || body.review) {
        api.pending.push(request);
        return answer(409, {
          error: 'contribution_exists',
          message: en ? 'Set aside for review.' : 'Votre envoi a été mis de côté pour examen.',
          details: { pendingId: `attente-${api.pending.length}` },
        });
      }
      api.wrongCodes.delete(key);
      api.contributions.set(key, { ...existing, updatedAt: now, role: body.role, answers: body.answers });
      api.applied.push(request);
      return answer(200, { status: 'replaced', updatedAt: now });
    }
    // Four groups of four, as the reference server's codes (whose letters are chosen at random).
    const editToken = `CODE-${String(++tokens).padStart(4, '0')}-${siret.slice(-4)}-TEST`;
    api.contributions.set(key, { editToken, updatedAt: now, role: body.role, answers: body.answers });
    api.applied.push(request);
    const issuer = body.attestation ? issuerOf(body.attestation) : undefined;
    const verification = issuer === undefined ? { verification: 'unverified' } : { verification: 'verified', verifiedBy: issuer };
    return answer(201, { status: 'created', editCode: editToken, editToken, updatedAt: now, ...verification });
  }

  window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (!url.startsWith(baseUrl)) {
      // Offline, the API's whole host is out of reach: the questionnaire's probe of its root
      // (reachability.ts) fails at once, as without network, instead of waiting on a name lookup.
      if (api.mode === 'offline' && new URL(url, location.href).origin === new URL(baseUrl, location.href).origin) throw new TypeError('Failed to fetch');
      return original(input, init);
    }
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
