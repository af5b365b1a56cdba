import type { FastifyInstance, onRequestHookHandler } from 'fastify';
import type { ServerContext } from '../context.js';
import { requireAdmin } from '../http/auth.js';
import { editionQuery } from '../editions/edition-query.js';
import { editionOrRefuse } from '../editions/wave-errors.js';
import { ApiError } from '../http/errors.js';
import { parseQuery } from '../http/query.js';

/** `POST /admin/publications?edition=2025`: an edition other than the current one. */
const PUBLISH_QUERY = { edition: editionQuery() };

/**
 * `GET /publications`: the publications on record, newest first, and when the next is due.
 * `POST /admin/publications`: publishes now (administrator), answering once it is out: the
 * current edition, or the one `?edition=` names.
 */
export function publicationRoutes(app: FastifyInstance, context: ServerContext, writeLimit: onRequestHookHandler): void {
  app.get('/publications', async (_request, reply) => {
    const publications = await context.store.listPublications();
    reply.header('cache-control', 'public, no-cache');
    return { publications, next: context.publisher.nextScheduled()?.toISOString() ?? null };
  });

  app.post('/admin/publications', { onRequest: writeLimit }, async (request, reply) => {
    requireAdmin(context, request);
    const { edition } = parseQuery(PUBLISH_QUERY, request.query);
    const outcome = await context.publisher.publish(edition === undefined ? undefined : editionOrRefuse(context.editions, edition).id);
    if (outcome.kind === 'busy') throw new ApiError(409, 'publication_busy');
    if (outcome.kind === 'refused') {
      throw new ApiError(409, 'publication_refused', {
        params: { count: outcome.unprotected.length },
        details: { unprotected: outcome.unprotected.length },
      });
    }
    return reply.code(201).send(outcome.publication);
  });
}
