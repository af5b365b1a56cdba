import type { FastifyInstance } from 'fastify';
import type { ServerContext } from '../context.js';
import { ApiError } from '../http/errors.js';
import { invalidQuery } from '../http/params.js';

/** Shortest query searched: one letter matches half the country. */
export const MIN_QUERY_LENGTH = 2;
/** Most territories returned, and the default. */
export const MAX_LIMIT = 50;
const DEFAULT_LIMIT = 10;

function limitOf(raw: unknown): number {
  if (raw === undefined || raw === '') return DEFAULT_LIMIT;
  const value = typeof raw === 'string' && /^\d+$/.test(raw) ? Number(raw) : Number.NaN;
  if (!Number.isInteger(value) || value < 1 || value > MAX_LIMIT) {
    throw invalidQuery('limit', 'reason_limit', { min: 1, max: MAX_LIMIT });
  }
  return value;
}

/** `GET /territoires?q=`: communes, EPCI, départements and régions matching what a person types in a picker. */
export function territoireRoutes(app: FastifyInstance, context: ServerContext): void {
  app.get<{ Querystring: { q?: string | string[]; limit?: string | string[] } }>('/territoires', async (request, reply) => {
    // A parameter given twice counts once: the first value wins.
    const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
    const q = first(request.query.q)?.trim() ?? '';
    if (q.length < MIN_QUERY_LENGTH) {
      throw new ApiError(400, 'query_too_short', { params: { min: MIN_QUERY_LENGTH }, details: { param: 'q' } });
    }
    const limit = limitOf(first(request.query.limit));
    reply.header('cache-control', 'public, max-age=3600');
    return { query: q, territories: context.referential.search(q.slice(0, 100), limit) };
  });
}
