import { Agent, createServer, request, type IncomingHttpHeaders, type IncomingMessage, type OutgoingHttpHeaders, type ServerResponse } from 'node:http';
import { createSecureServer, type Http2ServerRequest, type Http2ServerResponse } from 'node:http2';
import type { AddressInfo } from 'node:net';

/**
 * A front for the render server, as a CDN or a reverse proxy would put before it, passing every
 * answer through as the server made it (already compressed, with its caching headers):
 *
 * - over HTTP/2 (`tls`): browsers speak HTTP/2 only over TLS; the certificate is the benchmark's
 *   own, for 127.0.0.1, and the benchmark's browser accepts it. Every request of a page then
 *   shares one connection;
 * - aged (`ageSeconds`): every answer carries an `Age` header, as a cache that had kept it that
 *   long would send it. A browser counts that age against `max-age`, so a page visited again in
 *   the same browser meets its cache as it would that much later: what is not stored for longer
 *   (pages, API answers) is revalidated, the loader is revalidated behind the page that runs its
 *   kept copy (`stale-while-revalidate`), content-hashed files are not.
 */

/** Headers of one connection, which HTTP/2 forbids passing on (RFC 9113, 8.2.2) and a proxy does not forward. */
const CONNECTION_HEADERS = new Set(['connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'upgrade', 'host']);

function passOn(headers: IncomingHttpHeaders): OutgoingHttpHeaders {
  const out: OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(headers)) {
    if (name.startsWith(':') || CONNECTION_HEADERS.has(name) || value === undefined) continue;
    out[name] = value;
  }
  return out;
}

/** The age the benchmark's aged fronts give: a page visited again the day after. */
export const DAY_SECONDS = 24 * 3600;

export interface FrontOptions {
  tls?: { key: Buffer; cert: Buffer };
  ageSeconds?: number;
}

/** Listens on 127.0.0.1 and forwards every request to the HTTP/1.1 server on `port`. */
export async function startFront(port: number, options: FrontOptions): Promise<{ port: number; close(): void }> {
  const agent = new Agent({ keepAlive: true, maxSockets: 64 });
  const forward = (incoming: IncomingMessage | Http2ServerRequest, outgoing: ServerResponse | Http2ServerResponse) => {
    const authority = String(incoming.headers[':authority'] ?? incoming.headers.host ?? '');
    const upstream = request(
      { host: '127.0.0.1', port, agent, method: incoming.method, path: incoming.url, headers: { ...passOn(incoming.headers), host: authority } },
      (response) => {
        if (outgoing.destroyed) return response.resume();
        const headers = passOn(response.headers);
        if (options.ageSeconds !== undefined) headers.age = String(options.ageSeconds);
        outgoing.writeHead(response.statusCode ?? 502, headers);
        response.pipe(outgoing as NodeJS.WritableStream);
      },
    );
    upstream.on('error', () => outgoing.destroy());
    incoming.on('error', () => upstream.destroy());
    incoming.pipe(upstream);
  };
  const server = options.tls ? createSecureServer(options.tls, forward) : createServer(forward);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { port: (server.address() as AddressInfo).port, close: () => server.close() };
}
