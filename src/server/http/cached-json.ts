import type { FastifyReply, FastifyRequest } from 'fastify';
import type { CompressedBodies } from './compressed-bodies.js';
import { COMPRESSION_THRESHOLD, negotiateEncoding, varyOnEncoding } from './encoding.js';

/**
 * Sends a JSON body kept under `key`, serialising it with `produce` only the first time, and in
 * brotli or gzip when the client takes them. The bytes are those Fastify would have sent for the
 * same value (`JSON.stringify`, the same `Content-Type`): only the coding differs.
 */
export async function sendCachedJson(
  request: FastifyRequest,
  reply: FastifyReply,
  bodies: CompressedBodies,
  key: string,
  produce: () => unknown,
): Promise<FastifyReply> {
  const body = bodies.get(key) ?? bodies.set(key, Buffer.from(JSON.stringify(produce())));
  void reply.type('application/json; charset=utf-8');
  if (body.identity.length < COMPRESSION_THRESHOLD) return reply.send(body.identity);
  varyOnEncoding(reply);
  const encoding = negotiateEncoding(request.headers['accept-encoding']);
  if (encoding === undefined) return reply.send(body.identity);
  const bytes = await bodies.encoded(body, encoding);
  return reply.header('content-encoding', encoding).send(bytes);
}
