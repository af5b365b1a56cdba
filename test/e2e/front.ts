import { createServer, request, type IncomingMessage, type OutgoingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A front for the end-to-end server, as a host's own server or a CDN would stand before it: what
 * the test answers itself (its pages, a file of another release) it answers, everything else goes
 * through to the server and back as the server made it (compressed, with its caching headers) —
 * with an `Age` when one is given, as a cache that had kept every answer that long would send it:
 * a browser then meets its cache as it would that much later.
 */

export interface Front {
  origin: string;
  close(): Promise<void>;
}

/** Answers a request itself (and says so), or returns false to let it through to the server. */
export type OwnAnswer = (incoming: IncomingMessage, outgoing: ServerResponse) => boolean;

export interface FrontOptions {
  own?: OwnAnswer;
  /** The `Age` every answer from the server is given, in seconds. */
  ageSeconds?: number;
  /** Lets an answer from the server go back to the browser; holding it back delays it. */
  release?: (incoming: IncomingMessage) => Promise<void>;
}

/** Headers of one connection, which a proxy does not forward. */
const CONNECTION_HEADERS = new Set(['connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'upgrade']);

function passOn(headers: Record<string, string | string[] | undefined>): OutgoingHttpHeaders {
  return Object.fromEntries(Object.entries(headers).filter(([name, value]) => value !== undefined && !CONNECTION_HEADERS.has(name)));
}

/** Listens on 127.0.0.1 before the server at `target` (an origin). */
export async function startFront(target: string, options: FrontOptions = {}): Promise<Front> {
  const { hostname, port } = new URL(target);
  const server = createServer((incoming, outgoing) => {
    if (options.own?.(incoming, outgoing)) return;
    const upstream = request({ host: hostname, port, method: incoming.method, path: incoming.url, headers: passOn(incoming.headers) }, (response) => {
      void (options.release?.(incoming) ?? Promise.resolve()).then(() => {
        if (outgoing.destroyed) return response.resume();
        const headers = passOn(response.headers);
        if (options.ageSeconds !== undefined) headers.age = String(options.ageSeconds);
        outgoing.writeHead(response.statusCode ?? 502, headers);
        response.pipe(outgoing);
      });
    });
    upstream.on('error', () => outgoing.destroy());
    incoming.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
