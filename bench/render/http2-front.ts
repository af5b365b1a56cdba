import { Agent, request } from 'node:http';
import { constants, createSecureServer, type Http2SecureServer, type IncomingHttpHeaders, type OutgoingHttpHeaders } from 'node:http2';

/**
 * An HTTP/2 front for the render server, as a CDN or a reverse proxy would put before it: TLS,
 * every request of a page on one connection, the server's answers passed through untouched
 * (already compressed, with their caching headers). Browsers speak HTTP/2 only over TLS; the
 * certificate is the benchmark's own, for 127.0.0.1, and the benchmark's browser accepts it.
 */

/** Headers of one connection, which HTTP/2 forbids passing on (RFC 9113, 8.2.2). */
const CONNECTION_HEADERS = new Set(['connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'upgrade', 'host']);

function passOn(headers: IncomingHttpHeaders | Record<string, string | string[] | undefined>): OutgoingHttpHeaders {
  const out: OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(headers)) {
    if (name.startsWith(':') || CONNECTION_HEADERS.has(name) || value === undefined) continue;
    out[name] = value;
  }
  return out;
}

/** Listens on 127.0.0.1 and forwards every stream to the HTTP/1.1 server on `port`. */
export async function startHttp2Front(port: number, tls: { key: Buffer; cert: Buffer }): Promise<{ server: Http2SecureServer; port: number }> {
  const agent = new Agent({ keepAlive: true, maxSockets: 64 });
  const server = createSecureServer(tls);
  server.on('stream', (stream, headers) => {
    const upstream = request(
      {
        host: '127.0.0.1',
        port,
        agent,
        method: headers[constants.HTTP2_HEADER_METHOD] as string,
        path: headers[constants.HTTP2_HEADER_PATH] as string,
        headers: { ...passOn(headers), host: headers[constants.HTTP2_HEADER_AUTHORITY] as string },
      },
      (response) => {
        if (stream.destroyed) return response.resume();
        stream.respond({ [constants.HTTP2_HEADER_STATUS]: response.statusCode ?? 502, ...passOn(response.headers) });
        response.pipe(stream);
      },
    );
    upstream.on('error', () => {
      if (!stream.destroyed) stream.close(constants.NGHTTP2_INTERNAL_ERROR);
    });
    stream.on('error', () => upstream.destroy());
    stream.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('The HTTP/2 front has no port');
  return { server, port: address.port };
}
