import type { FastifyInstance } from 'fastify';
import type { ServerContext } from '../context.js';
import { requireAdmin } from '../http/auth.js';
import type { ServerMetrics } from '../metrics/server-metrics.js';

/**
 * `GET /metrics`: the Prometheus text exposition, behind the administrator's token (Prometheus
 * sends it with `authorization: { credentials: … }` in its scrape configuration). Per instance:
 * scrape each one.
 */
export function metricsRoutes(app: FastifyInstance, context: ServerContext, metrics: ServerMetrics): void {
  app.get('/metrics', async (request, reply) => {
    requireAdmin(context, request);
    return reply
      .header('content-type', 'text/plain; version=0.0.4; charset=utf-8')
      .header('cache-control', 'no-store')
      .send(metrics.registry.render());
  });
}
