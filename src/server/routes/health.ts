import type { FastifyInstance } from 'fastify';
import type { ServerContext } from '../context.js';

/** `GET /health`: the server is up, the database answers, and how much it holds. */
export function healthRoutes(app: FastifyInstance, context: ServerContext): void {
  app.get('/health', async () => ({
    status: 'ok' as const,
    contributions: await context.store.count(),
    version: context.version,
  }));
}
