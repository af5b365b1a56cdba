import { ContributionStatus, type ContributionSubmission } from '../schema/contribution.js';
import { PreviousAnswers } from '../schema/previous-answers.js';
import { QuestionnaireDefinition } from '../schema/questionnaire.js';
import type { Lang } from '../schema/text.js';
import { ApiError } from './errors.js';
import { errorFromBody, invalidResponse, sendRequest, type FetchLike, type HttpConfig } from './http.js';
import {
  CollectiviteResponse,
  CreatedResponse,
  PendingDetails,
  ServerConfigResponse,
  UpdatedResponse,
  toCollectiviteSummary,
  type CollectiviteSummary,
} from './schemas.js';

/** How long a request may take before it counts as a network failure. */
export const DEFAULT_TIMEOUT_MS = 15_000;

/** Settings of {@link createApiClient}. */
export interface ApiClientOptions {
  /** Base URL of the API, e.g. `https://example.org/api/v1` (a trailing slash is ignored). */
  baseUrl: string;
  /** Defaults to the global `fetch`. */
  fetch?: FetchLike;
  /** Language of the server's messages (`Accept-Language`); French by default. */
  lang?: Lang;
  /** Deadline of each request, in milliseconds. */
  timeoutMs?: number;
}

/** Per-call settings. */
export interface CallOptions {
  signal?: AbortSignal;
  timeoutMs?: number;
  lang?: Lang;
}

/** Everything a submission needs: where it goes, what it says, and how to recognise a retry. */
export interface SubmitRequest {
  siret: string;
  theme: string;
  submission: ContributionSubmission;
  /** The same key on every attempt of one submission, so the server applies it once. */
  idempotencyKey: string;
  /** The edit code received when the contribution was created, to replace it. */
  editToken?: string;
  /** A portal's (or ProConnect's) signed attestation vouching for the respondent: the contribution is then verified. */
  attestation?: string;
  /** Send it for an administrator's review, knowingly, rather than replace anything (after a wrong or locked code). */
  review?: boolean;
}

/** What a server offers the questionnaire (`GET /config`); a server without the route offers none of it. */
export interface ServerConfig {
  /** Whether portal attestations are checked here. */
  attestation: boolean;
  /** The ProConnect sign-in's address (absolute), when it is configured. */
  proconnectLogin?: string;
  /** Wrong edit codes allowed before the code of a contribution is locked for a while. */
  maxWrongCodes?: number;
}

/**
 * What became of a submission. `pending`: a contribution already existed and no valid edit code
 * came, so the server kept this one aside for review; it does not replace the existing one.
 */
export type SubmitResult =
  | {
      status: 'created';
      /** The edit code, shown once (the API's `editCode`, formerly `editToken`). */
      editToken: string;
      updatedAt: string;
      /** The portal whose attestation made the contribution verified (`proconnect` for ProConnect). */
      verifiedBy?: string;
      /** This verified contribution took the place of an unverified one, which went to review. */
      replacedUnverified?: boolean;
    }
  | { status: 'updated'; updatedAt: string }
  | { status: 'pending'; pendingId?: string; replacedPendingId?: string; message: string };

/** The typed client of the Baromètre API. Every method rejects with `ApiError` or `NetworkError`. */
export interface ApiClient {
  /** The base URL in use, without a trailing slash. */
  readonly baseUrl: string;
  /** `GET /questionnaires/:theme`: the definition in service, validated. */
  definition(theme: string, options?: CallOptions): Promise<QuestionnaireDefinition>;
  /** `GET /collectivites/:siret`: the collectivité a SIRET belongs to (404 `collectivite_inconnue` otherwise). */
  collectivite(siret: string, options?: CallOptions): Promise<CollectiviteSummary>;
  /** `GET /contributions/:siret/:theme`: whether the collectivité already answered, and when. */
  contributionStatus(siret: string, theme: string, options?: CallOptions): Promise<ContributionStatus>;
  /**
   * `GET /contributions/:siret/:theme/precedente`: the collectivité's answers to the previous
   * edition that the current questionnaire asks unchanged, with the previous contribution's edit
   * code or an attestation for the SIRET.
   */
  previousAnswers(siret: string, theme: string, proof: { editCode: string } | { attestation: string }, options?: CallOptions): Promise<PreviousAnswers>;
  /** `PUT /contributions/:siret/:theme`: sends a contribution (409 resolves as `pending`). */
  submit(request: SubmitRequest, options?: CallOptions): Promise<SubmitResult>;
  /** `GET /config`: what the server offers; a server without the route (404) offers nothing more. */
  config(options?: CallOptions): Promise<ServerConfig>;
}

function parse<T>(schema: { safeParse(value: unknown): { success: true; data: T } | { success: false; error: unknown } }, status: number, body: unknown, lang: Lang): T {
  const result = schema.safeParse(body);
  if (!result.success) throw invalidResponse(status, lang, result.error);
  return result.data;
}

/**
 * Creates a client of the Baromètre API.
 *
 * ```ts
 * const api = createApiClient({ baseUrl: 'https://example.org/api/v1', lang: 'en' });
 * const commune = await api.collectivite('21350238800019');
 * ```
 */
export function createApiClient(options: ApiClientOptions): ApiClient {
  const config: HttpConfig = {
    baseUrl: options.baseUrl.replace(/\/+$/, ''),
    // Called through a wrapper: some browsers refuse `fetch` invoked with another `this`.
    fetch: options.fetch ?? ((input, init) => fetch(input, init)),
    lang: options.lang ?? 'fr',
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
  };
  const seg = encodeURIComponent;
  const langOf = (call?: CallOptions) => call?.lang ?? config.lang;

  return {
    baseUrl: config.baseUrl,

    async definition(theme, call) {
      const { status, body } = await sendRequest(config, { method: 'GET', path: `/questionnaires/${seg(theme)}`, ...call });
      return parse(QuestionnaireDefinition, status, body, langOf(call));
    },

    async collectivite(siret, call) {
      const { status, body } = await sendRequest(config, { method: 'GET', path: `/collectivites/${seg(siret)}`, ...call });
      return toCollectiviteSummary(parse(CollectiviteResponse, status, body, langOf(call)));
    },

    async contributionStatus(siret, theme, call) {
      const { status, body } = await sendRequest(config, {
        method: 'GET',
        path: `/contributions/${seg(siret)}/${seg(theme)}`,
        ...call,
      });
      return parse(ContributionStatus, status, body, langOf(call));
    },

    async previousAnswers(siret, theme, proof, call) {
      const headers: Record<string, string> =
        'editCode' in proof ? { Authorization: `Bearer ${proof.editCode.replace(/\s+/g, '')}` } : { 'Barometre-Attestation': proof.attestation };
      const { status, body } = await sendRequest(config, {
        method: 'GET',
        path: `/contributions/${seg(siret)}/${seg(theme)}/precedente`,
        headers,
        ...call,
      });
      return parse(PreviousAnswers, status, body, langOf(call));
    },

    async submit(request, call) {
      const headers: Record<string, string> = { 'Idempotency-Key': request.idempotencyKey };
      if (request.editToken) headers.Authorization = `Bearer ${request.editToken}`;
      const { status, body } = await sendRequest(
        config,
        {
          method: 'PUT',
          path: `/contributions/${seg(request.siret)}/${seg(request.theme)}`,
          body: {
            ...request.submission,
            ...(request.attestation ? { attestation: request.attestation } : {}),
            ...(request.review ? { review: true } : {}),
          },
          headers,
          ...call,
        },
        [409],
      );
      const lang = langOf(call);
      if (status === 409) {
        const fields = (body ?? {}) as { error?: unknown; message?: unknown; details?: unknown };
        // Another conflict than "already answered" is a refusal, not an outcome.
        if (fields.error !== 'contribution_exists') throw errorFromBody(409, body, lang);
        const details = PendingDetails.safeParse(fields.details ?? {});
        const { pendingId, replacedPendingId } = details.success ? details.data : {};
        const message = typeof fields.message === 'string' ? fields.message : '';
        return {
          status: 'pending',
          message,
          ...(pendingId === undefined ? {} : { pendingId }),
          ...(replacedPendingId === undefined ? {} : { replacedPendingId }),
        };
      }
      if (status === 201) {
        const created = parse(CreatedResponse, status, body, lang);
        const editToken = created.editCode ?? created.editToken;
        if (editToken === undefined) throw invalidResponse(status, lang);
        return {
          status: 'created',
          editToken,
          updatedAt: created.updatedAt,
          ...(created.verification === 'verified' && created.verifiedBy ? { verifiedBy: created.verifiedBy } : {}),
          ...(created.replacedUnverified ? { replacedUnverified: true } : {}),
        };
      }
      const updated = parse(UpdatedResponse, status, body, lang);
      return { status: 'updated', updatedAt: updated.updatedAt };
    },

    async config(call) {
      let body: unknown;
      try {
        ({ body } = await sendRequest(config, { method: 'GET', path: '/config', ...call }));
      } catch (error) {
        // A server older than the route offers what every server does, and no more.
        if (error instanceof ApiError && error.status === 404) return { attestation: false };
        throw error;
      }
      const read = parse(ServerConfigResponse, 200, body, langOf(call));
      const login = read.proconnect?.enabled ? read.proconnect.loginUrl : undefined;
      const offered: ServerConfig = { attestation: read.attestation?.enabled === true };
      // The login route is given as a path of the API's origin.
      if (login) offered.proconnectLogin = new URL(login, new URL(config.baseUrl, globalThis.location?.href)).href;
      if (read.editCode?.maxWrongCodes !== undefined) offered.maxWrongCodes = read.editCode.maxWrongCodes;
      return offered;
    },
  };
}
