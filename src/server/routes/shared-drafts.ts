import type { FastifyInstance, FastifyRequest, onRequestHookHandler } from 'fastify';
import * as z from 'zod/mini';
import { findQuestion } from '../../core/questionnaire/index.js';
import { toFieldErrors } from '../../core/schema/errors.js';
import type { QuestionnaireDefinition, ThemeId } from '../../core/schema/questionnaire.js';
import { SharedDraftCreation, SharedDraftWrite, type SharedDraftAuthor } from '../../core/schema/shared-draft.js';
import type { ServerContext } from '../context.js';
import { ApiError, type MessageParams } from '../http/errors.js';
import { themeParam } from '../http/params.js';
import { bearerToken } from '../security/tokens.js';
import { newShareCode, readShareCode, shareCodeDigest } from '../shared-drafts/codes.js';
import { sharedDraftMessages, type SharedDraftMessageKey } from '../shared-drafts/messages.js';
import { DraftSealer } from '../shared-drafts/seal.js';
import { sharedDraftEnd } from '../shared-drafts/lifetime.js';
import { placeOf, replacedOf, viewOf } from '../shared-drafts/view.js';
import type { SharedDraftAccess, SharedDraftKey } from '../store/shared-drafts.js';
import { openWaveOrRefuse } from '../editions/wave-errors.js';
import { resolveCollectivite } from './collectivites.js';

/** How often expired shared drafts are purged, besides whenever one is created. */
const PURGE_INTERVAL_MS = 60 * 60 * 1000;

interface DraftParams {
  siret: string;
  theme: string;
}

function sharedError(status: number, key: SharedDraftMessageKey, options: { params?: MessageParams; details?: Record<string, unknown>; headers?: Record<string, string> } = {}): ApiError {
  const { params = {}, ...rest } = options;
  return new ApiError(status, key, { ...rest, message: (lang) => sharedDraftMessages(lang, key, params) });
}

function bodyOf<T>(schema: z.ZodMiniType<T>, body: unknown): T {
  if (body === undefined) throw new ApiError(400, 'invalid_json', { key: 'empty_body' });
  const parsed = schema.safeParse(body, { reportInput: true });
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues;
  throw new ApiError(400, 'validation_failed', { details: (lang) => ({ fields: toFieldErrors(issues, lang) }) });
}

/** The code of `Authorization: Bearer …`, read as a person may type it. */
function codeOf(request: FastifyRequest): string {
  const presented = bearerToken(request.headers.authorization);
  if (presented === undefined) throw sharedError(401, 'share_code_required', { details: { field: 'code' } });
  const code = readShareCode(presented);
  if (code === undefined) throw sharedError(400, 'share_code_malformed', { details: { field: 'code' } });
  return code;
}

/** Each answer key must be one of the questionnaire's questions, or its "other, specify" text. */
function checkKeys(theme: ThemeId, definition: QuestionnaireDefinition, keys: Iterable<string>): void {
  for (const key of keys) {
    const questionId = key.endsWith('.autre') ? key.slice(0, -'.autre'.length) : key;
    if (findQuestion(definition, questionId) === undefined) {
      throw sharedError(422, 'shared_draft_unknown_answer', { params: { theme, key }, details: { key } });
    }
  }
}

/** The error for a draft that cannot be reached with this code. */
function accessError(access: Exclude<SharedDraftAccess, { kind: 'open' }>, now: Date): ApiError {
  switch (access.kind) {
    case 'absent':
      return sharedError(404, 'shared_draft_absent');
    case 'closed':
      return sharedError(410, `shared_draft_${access.reason}`, { details: { reason: access.reason, closedAt: access.closedAt } });
    case 'wrong_code':
      return sharedError(403, 'share_code_wrong', {
        params: { remaining: access.remainingAttempts },
        details: { field: 'code', remainingAttempts: access.remainingAttempts },
      });
    case 'code_locked': {
      const seconds = Math.max(1, Math.ceil((Date.parse(access.lockedUntil) - now.getTime()) / 1000));
      return sharedError(423, 'share_code_locked', {
        params: { until: access.lockedUntil },
        details: { field: 'code', lockedUntil: access.lockedUntil, retryAfter: seconds },
        headers: { 'retry-after': String(seconds) },
      });
    }
  }
}

/**
 * Shared drafts, "Partager avec un collègue" (`/brouillons/:siret/:theme`):
 * - `POST` turns a local draft into a shared one: 201 with its share code (shown once) and the draft;
 *   only while the theme's wave is open (else the submissions' 409 `wave_not_open` / `wave_closed`),
 *   and the draft ends with its lifetime or when the next edition's wave opens (`lifetime.ts`);
 * - `GET` with `Authorization: Bearer <code>` gives the draft, each answer with who changed it and when;
 * - `PATCH` writes changes, each naming the version it was made on. Every one is applied: the last
 *   change per question wins. One made on an older version replaced a colleague's answer its
 *   writer had not seen: `replaced` says whose and when, so the writer can be told, and the
 *   colleague sees the new answer and its author at their next `GET`;
 * - `DELETE` closes it and erases its answers; sending the contribution closes it too.
 * A closed or expired draft answers 410, saying why. Without `BAROMETRE_SHARED_DRAFT_KEY` every
 * route answers 503 `sharing_disabled`: drafts then stay on each device.
 */
export function sharedDraftRoutes(app: FastifyInstance, context: ServerContext, writeLimit: onRequestHookHandler): void {
  const settings = context.config.sharedDrafts;
  const sealer = settings === undefined ? undefined : new DraftSealer(settings.key);
  const drafts = context.store.sharedDrafts;

  const purge = async (now: Date) => {
    if (settings === undefined) return;
    await drafts.purge(now.toISOString(), new Date(now.getTime() - settings.ttlMs).toISOString());
  };
  if (settings !== undefined) {
    const timer = setInterval(() => {
      purge(context.now()).catch((error: unknown) => app.log.error(`shared drafts: purge failed (${String(error)})`));
    }, PURGE_INTERVAL_MS);
    timer.unref();
    app.addHook('onClose', async () => clearInterval(timer));
  }

  /**
   * The draft named by the path, and the sealer; 503 when sharing is off. The SIRET is resolved
   * as the contributions' routes do (groupings, the register, the same refusals): whoever may
   * answer may share.
   */
  const target = async (params: DraftParams) => {
    if (sealer === undefined || settings === undefined) throw sharedError(503, 'sharing_disabled');
    const collectivite = await resolveCollectivite(context, params.siret);
    const { theme, definition } = themeParam(context, params.theme);
    const key: SharedDraftKey = { siren: collectivite.siren, theme };
    return { sealer, settings, collectivite, theme, definition, key };
  };

  const seal = (sealer: DraftSealer, key: SharedDraftKey, createdAt: string, answerKey: string, value: unknown, by: SharedDraftAuthor) =>
    sealer.seal(placeOf(key, createdAt, answerKey), { value, by });

  app.post<{ Params: DraftParams }>('/brouillons/:siret/:theme', { onRequest: writeLimit }, async (request, reply) => {
    const { sealer, settings, collectivite, theme, definition, key } = await target(request.params);
    // Shared within the wave taking answers, as a submission is: outside one, nothing is typed in vain.
    const now = context.now();
    const wave = openWaveOrRefuse(context.editions, theme, now);
    const body = bodyOf(SharedDraftCreation, request.body);
    if (body.version !== definition.version) {
      throw sharedError(422, 'shared_draft_version', {
        params: { sent: body.version, current: definition.version },
        details: { sent: body.version, current: definition.version },
      });
    }
    checkKeys(theme, definition, Object.keys(body.answers));
    await purge(now);
    const createdAt = now.toISOString();
    const code = newShareCode();
    const draft = {
      ...key,
      siret: collectivite.siret,
      version: definition.version,
      createdAt,
      expiresAt: sharedDraftEnd(context.editions, wave, now, settings.ttlMs).toISOString(),
      codeHash: shareCodeDigest(code, key.siren, theme),
      entries: Object.entries(body.answers).map(([answerKey, value]) => ({
        key: answerKey,
        sealed: seal(sealer, key, createdAt, answerKey, value, body.author),
      })),
    };
    const created = await drafts.create(draft, createdAt);
    if (created.kind === 'exists') throw sharedError(409, 'shared_draft_exists');
    const entries = draft.entries.map((entry) => ({ key: entry.key, version: 1, sealed: entry.sealed, updatedAt: createdAt }));
    reply.header('cache-control', 'no-store');
    return reply.code(201).send({ code, draft: viewOf(sealer, key, draft, entries) });
  });

  app.get<{ Params: DraftParams }>('/brouillons/:siret/:theme', async (request, reply) => {
    const { sealer, key } = await target(request.params);
    const code = codeOf(request);
    const now = context.now();
    const access = await drafts.open(key, shareCodeDigest(code, key.siren, key.theme), now.toISOString());
    if (access.kind !== 'open') throw accessError(access, now);
    reply.header('cache-control', 'no-store');
    return { draft: viewOf(sealer, key, access.draft, access.entries) };
  });

  app.patch<{ Params: DraftParams }>('/brouillons/:siret/:theme', { onRequest: writeLimit }, async (request, reply) => {
    const { sealer, theme, definition, key } = await target(request.params);
    const code = codeOf(request);
    const body = bodyOf(SharedDraftWrite, request.body);
    checkKeys(theme, definition, body.changes.map((change) => change.key));
    const now = context.now();
    const codeHash = shareCodeDigest(code, key.siren, key.theme);
    // The draft's creation date is part of each answer's sealing: read it first (this checks the code too).
    const access = await drafts.open(key, codeHash, now.toISOString());
    if (access.kind !== 'open') throw accessError(access, now);
    // One change per key: the last one sent wins within a request.
    const changes = [...new Map(body.changes.map((change) => [change.key, change])).values()].map((change) => ({
      key: change.key,
      base: change.base,
      sealed: seal(sealer, key, access.draft.createdAt, change.key, change.value, body.author),
    }));
    const written = await drafts.write(key, codeHash, changes, now.toISOString());
    if (written.kind !== 'written') throw accessError(written, now);
    reply.header('cache-control', 'no-store');
    return { draft: viewOf(sealer, key, written.draft, written.entries), replaced: replacedOf(sealer, key, written.draft, written.replaced) };
  });

  app.delete<{ Params: DraftParams }>('/brouillons/:siret/:theme', { onRequest: writeLimit }, async (request, reply) => {
    const { key } = await target(request.params);
    const code = codeOf(request);
    const now = context.now();
    const closed = await drafts.close(key, 'deleted', now.toISOString(), shareCodeDigest(code, key.siren, key.theme));
    if (closed.kind !== 'done') throw accessError(closed, now);
    return reply.code(204).send();
  });
}
