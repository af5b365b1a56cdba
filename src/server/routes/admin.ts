import type { FastifyInstance, onRequestHookHandler } from 'fastify';
import { ThemeId } from '../../core/schema/questionnaire.js';
import type { ServerContext } from '../context.js';
import { requireAdmin } from '../http/auth.js';
import { ApiError } from '../http/errors.js';
import { decodeCursor, encodeCursor } from '../http/pending-cursor.js';
import { choice, limit, parseQuery, territory, text } from '../http/query.js';
import { parseTerritoryId } from '../../core/territory/territory-id.js';
import { newEditCode } from '../security/edit-codes.js';
import type { PendingDecision, PendingQuery, PendingRecord, StoredRecord } from '../store/types.js';

/** Pending submissions per page: by default, and at most. */
const PAGE_DEFAULT = 50;
const PAGE_MAX = 200;

function verificationOf(record: { verifiedBy?: string }) {
  return record.verifiedBy === undefined ? { verification: 'unverified' } : { verification: 'verified', verifiedBy: record.verifiedBy };
}

function pendingView(record: PendingRecord, current: StoredRecord | undefined) {
  const { placement } = record;
  return {
    id: record.id,
    siret: record.siret,
    theme: record.theme,
    edition: record.edition,
    version: record.version,
    role: record.role,
    answers: record.answers,
    contactEmail: record.contactEmail ?? null,
    receivedAt: record.receivedAt,
    status: record.status,
    ...verificationOf(record),
    collectivite: {
      name: placement.name,
      kind: placement.kind,
      communeCode: placement.communeCode,
      epciCode: placement.epciCode,
      departementCode: placement.departementCode,
      regionCode: placement.regionCode,
    },
    current: current === undefined ? null : { updatedAt: current.updatedAt, ...verificationOf(current) },
  };
}

function failOn(decision: PendingDecision, id: string): void {
  if (decision.kind === 'not_found') throw new ApiError(404, 'pending_not_found', { params: { id: id.slice(0, 60) } });
  if (decision.kind === 'already_decided') {
    throw new ApiError(409, 'pending_already_decided', { params: { status: decision.status }, details: { status: decision.status } });
  }
}

const PENDING_QUERY = {
  theme: choice('theme', ThemeId.options),
  territoire: territory(),
  status: choice('status', ['pending', 'all'] as const, 'pending'),
  limit: limit('limit', PAGE_MAX, PAGE_DEFAULT),
  cursor: text('cursor'),
};

/** The store's query for the list's parameters. */
function pendingQueryOf(raw: unknown): PendingQuery {
  const params = parseQuery(PENDING_QUERY, raw);
  const query: PendingQuery = { limit: params.limit, all: params.status === 'all' };
  if (params.theme !== undefined) query.theme = params.theme;
  const place = parseTerritoryId(params.territoire);
  if (place !== null && place.kind !== 'france') query.territory = { level: place.kind, code: place.code };
  if (params.cursor !== undefined) query.after = decodeCursor(params.cursor);
  return query;
}

/**
 * The administrator's desk: submissions set aside because their collectivité had already
 * answered (or unverified answers a verified respondent took the place of), to accept (the
 * current contribution goes to history) or reject.
 */
export function adminRoutes(app: FastifyInstance, context: ServerContext, writeLimit: onRequestHookHandler): void {
  /**
   * `GET /admin/pending?theme=&territoire=&status=pending|all&limit=&cursor=`: oldest first, a page
   * at a time; `next` is the cursor of the following page, null on the last.
   */
  app.get('/admin/pending', async (request, reply) => {
    requireAdmin(context, request);
    const query = pendingQueryOf(request.query);
    const page = await context.store.pendingPage(query);
    const views = [];
    for (const record of page.records) views.push(pendingView(record, await context.store.get(record.siren, record.theme, record.edition)));
    const last = page.records.at(-1);
    reply.header('cache-control', 'no-store');
    return { pending: views, next: page.more && last !== undefined ? encodeCursor(last.position) : null };
  });

  app.post<{ Params: { id: string } }>('/admin/pending/:id/accept', { onRequest: writeLimit }, async (request) => {
    requireAdmin(context, request);
    const editCode = newEditCode();
    const decision = await context.store.acceptPending(request.params.id, editCode, new Date().toISOString());
    failOn(decision, request.params.id);
    if (decision.kind !== 'accepted') throw new Error('Unexpected decision');
    // The new code goes to the administrator, who passes it on to whoever now owns the answer.
    return {
      status: 'accepted',
      siret: decision.siret,
      theme: decision.theme,
      updatedAt: decision.updatedAt,
      editCode,
      editToken: editCode,
    };
  });

  app.post<{ Params: { id: string } }>('/admin/pending/:id/reject', { onRequest: writeLimit }, async (request) => {
    requireAdmin(context, request);
    const decision = await context.store.rejectPending(request.params.id, new Date().toISOString());
    failOn(decision, request.params.id);
    return { status: 'rejected' };
  });
}
