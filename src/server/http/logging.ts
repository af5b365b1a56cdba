import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { FastifyRequest } from 'fastify';

/**
 * The request log: JSON lines through Fastify's own logger (pino), one per request received and
 * one per answer, each with the request's id. It never holds personal data: no URL (a SIRET is
 * in the path of contributions and collectivités, a query may hold anything), no body, no header
 * (an edit code travels in `Authorization`), no client address (personal data too) — the route
 * as declared, the method and the status only. Errors log their code and message, never a row.
 */

/** An id a proxy gave the request (`X-Request-Id`), when it is plain enough to be one. */
const REQUEST_ID = /^[\w.:-]{1,64}$/;

/** Keeps the proxy's id so one request can be followed from it to here; otherwise a new one. */
export function requestId(raw: IncomingMessage): string {
  const given = raw.headers['x-request-id'];
  return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
}

/** Where log lines go: stdout by default, a test's collector otherwise. */
export interface LogStream {
  write(line: string): void;
}

/** Fastify's logger options: `false` when the log is off. */
export function loggerOptions(enabled: boolean, stream?: LogStream) {
  if (!enabled) return false;
  return {
    level: 'info',
    ...(stream ? { stream } : {}),
    serializers: {
      req: (request: FastifyRequest) => ({ method: request.method, route: request.routeOptions?.url ?? 'unmatched' }),
      res: (reply: { statusCode: number }) => ({ statusCode: reply.statusCode }),
    },
  };
}
