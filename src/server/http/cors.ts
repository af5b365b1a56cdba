import cors, { type FastifyCorsOptions } from '@fastify/cors';
import type { FastifyInstance, FastifyRequest } from 'fastify';

/** Headers a widget on another site may send to the API. */
const API_REQUEST_HEADERS = ['Content-Type', 'Authorization', 'Idempotency-Key', 'Accept-Language', 'Barometre-Attestation'];

/** Prefixes of public static assets that any page may load (the script-tag build, referential shards). */
const PUBLIC_ASSET_PREFIXES = ['/cdn/', '/referential/'];

/**
 * Cross-origin rules. The API answers browsers only on the origins configured (same-origin pages
 * need no CORS), with the headers a widget needs and no credentials: edit and admin tokens travel
 * in `Authorization`, never in cookies. Public assets are open to every origin, since module
 * scripts and their data are fetched in CORS mode by the pages that embed them.
 */
export function installCors(app: FastifyInstance, allowedOrigins: readonly string[]): void {
  const allowed = new Set(allowedOrigins);
  const optionsFor = (request: FastifyRequest): FastifyCorsOptions => {
    const path = request.url;
    if (PUBLIC_ASSET_PREFIXES.some((prefix) => path.startsWith(prefix))) {
      return { origin: '*', methods: ['GET', 'HEAD'], maxAge: 86400 };
    }
    const origin = request.headers.origin;
    return {
      // `false` leaves out every CORS header: the browser then refuses the response to that page.
      origin: typeof origin === 'string' && allowed.has(origin) ? origin : false,
      methods: ['GET', 'HEAD', 'PUT'],
      allowedHeaders: API_REQUEST_HEADERS,
      exposedHeaders: ['Retry-After'],
      credentials: false,
      maxAge: 600,
    };
  };
  void app.register(cors, {
    delegator: (request, callback) => callback(null, optionsFor(request)),
  });
}
