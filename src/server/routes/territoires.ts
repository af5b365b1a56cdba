import type { FastifyInstance } from 'fastify';
import * as z from 'zod';
import type { ServerContext } from '../context.js';
import { ApiError } from '../http/errors.js';
import { limit, parseQuery } from '../http/query.js';

/** Shortest query searched: one letter matches half the country. */
export const MIN_QUERY_LENGTH = 2;
/** Most territories returned, and the default. */
export const MAX_LIMIT = 50;
const DEFAULT_LIMIT = 10;

/** The query of `/territoires`, checked in this order. */
const SEARCH_QUERY = {
  q: {
    schema: z.string().default('').transform((value) => value.trim()).pipe(z.string().min(MIN_QUERY_LENGTH)),
    error: () => new ApiError(400, 'query_too_short', { params: { min: MIN_QUERY_LENGTH }, details: { param: 'q' } }),
  },
  limit: limit('limit', MAX_LIMIT, DEFAULT_LIMIT),
};

/** `GET /territoires?q=`: communes, EPCI, départements and régions matching what a person types in a picker. */
export function territoireRoutes(app: FastifyInstance, context: ServerContext): void {
  app.get('/territoires', async (request, reply) => {
    const { q, limit } = parseQuery(SEARCH_QUERY, request.query);
    reply.header('cache-control', 'public, max-age=3600');
    return { query: q, territories: context.referential.search(q.slice(0, 100), limit) };
  });
}
