import type { FastifyInstance, onRequestHookHandler } from 'fastify';
import type { ServerContext } from '../context.js';
import { requireAdmin } from '../http/auth.js';
import { ApiError } from '../http/errors.js';
import { newEditToken } from '../security/tokens.js';
import type { PendingDecision, PendingRecord } from '../store/types.js';

function pendingView(record: PendingRecord, currentUpdatedAt: string | undefined) {
  return {
    id: record.id,
    siret: record.siret,
    theme: record.theme,
    version: record.version,
    role: record.role,
    answers: record.answers,
    contactEmail: record.contactEmail ?? null,
    receivedAt: record.receivedAt,
    status: record.status,
    collectivite: { name: record.placement.name, kind: record.placement.kind },
    current: currentUpdatedAt === undefined ? null : { updatedAt: currentUpdatedAt },
  };
}

function failOn(decision: PendingDecision, id: string): void {
  if (decision.kind === 'not_found') throw new ApiError(404, 'pending_not_found', { params: { id: id.slice(0, 60) } });
  if (decision.kind === 'already_decided') {
    throw new ApiError(409, 'pending_already_decided', { params: { status: decision.status }, details: { status: decision.status } });
  }
}

/**
 * The administrator's desk: submissions set aside because their collectivité had already
 * answered, to accept (the current contribution goes to history) or reject.
 */
export function adminRoutes(app: FastifyInstance, context: ServerContext, writeLimit: onRequestHookHandler): void {
  app.get('/admin/pending', async (request) => {
    requireAdmin(context, request);
    const pending = await context.store.listPending();
    const views = [];
    for (const record of pending) {
      const status = await context.store.status(record.siren, record.theme);
      views.push(pendingView(record, status.exists ? status.updatedAt : undefined));
    }
    return { pending: views };
  });

  app.post<{ Params: { id: string } }>('/admin/pending/:id/accept', { onRequest: writeLimit }, async (request) => {
    requireAdmin(context, request);
    const fresh = newEditToken();
    const decision = await context.store.acceptPending(request.params.id, fresh.hash, new Date().toISOString());
    failOn(decision, request.params.id);
    if (decision.kind !== 'accepted') throw new Error('Unexpected decision');
    // The new token goes to the administrator, who passes it on to whoever now owns the answer.
    return { status: 'accepted', siret: decision.siret, theme: decision.theme, updatedAt: decision.updatedAt, editToken: fresh.token };
  });

  app.post<{ Params: { id: string } }>('/admin/pending/:id/reject', { onRequest: writeLimit }, async (request) => {
    requireAdmin(context, request);
    const decision = await context.store.rejectPending(request.params.id, new Date().toISOString());
    failOn(decision, request.params.id);
    return { status: 'rejected' };
  });
}
