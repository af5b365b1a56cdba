import type { FastifyInstance } from 'fastify';
import type { ServerContext } from '../context.js';
import { readiness } from '../health/readiness.js';

/**
 * `GET /health`: liveness — the process is up and its database answers, with how much it holds.
 * `GET /health/ready`: readiness — whether this instance should receive traffic now (see
 * `health/readiness.ts`), 503 when it should not.
 */
export function healthRoutes(app: FastifyInstance, context: ServerContext): void {
  app.get('/health', async () => ({
    status: 'ok' as const,
    contributions: await context.store.count(),
    version: context.version,
  }));

  app.get('/health/ready', async (_request, reply) => {
    const { httpStatus, body } = await readiness(context);
    return reply.code(httpStatus).send(body);
  });
}
