import type { FastifyInstance } from 'fastify';

/** Headers every API response carries: JSON only, never framed, never sniffed, never cached unless a route says so. */
export const API_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
  // Only affects no-cors loads (an <img> or <script> pointing at the API); CORS fetches are governed by CORS.
  'cross-origin-resource-policy': 'same-origin',
};

/**
 * Sets security headers. API responses are private (`no-store`) unless the route declared them
 * public; static files only get `nosniff`, as their pages and scripts need the rest open.
 */
export function installSecurityHeaders(app: FastifyInstance): void {
  app.addHook('onSend', async (request, reply, payload) => {
    reply.header('x-content-type-options', 'nosniff');
    if (request.url.startsWith('/api/')) {
      for (const [name, value] of Object.entries(API_SECURITY_HEADERS)) reply.header(name, value);
      // Errors are never cached: the next try may succeed.
      if (!reply.hasHeader('cache-control') || reply.statusCode >= 400) reply.header('cache-control', 'no-store');
    }
    return payload;
  });
}
