import { constants } from 'node:zlib';
import compress from '@fastify/compress';
import type { FastifyInstance } from 'fastify';
import { BROTLI_FAST, COMPRESSION_THRESHOLD, isCompressible, varyOnEncoding } from './encoding.js';

/**
 * Compresses the API's JSON answers (brotli, else gzip) in the scope given. These bodies are
 * built per request, so the levels are the cheap ones: brotli 5, gzip 6. A route that keeps its
 * bodies (the results) compresses them itself, better, and sets `Content-Encoding`, which the
 * plugin leaves alone. Request bodies are not decompressed: the body limit counts what arrives.
 */
export async function installApiCompression(api: FastifyInstance): Promise<void> {
  // Before the plugin's hook: identity answers vary too, or a cache would keep the first one for all.
  api.addHook('onSend', async (_request, reply, payload) => {
    const size = typeof payload === 'string' || Buffer.isBuffer(payload) ? Buffer.byteLength(payload) : 0;
    if (size >= COMPRESSION_THRESHOLD && isCompressible(reply.getHeader('content-type'))) varyOnEncoding(reply);
    return payload;
  });
  await api.register(compress, {
    encodings: ['br', 'gzip'],
    threshold: COMPRESSION_THRESHOLD,
    brotliOptions: { params: { [constants.BROTLI_PARAM_QUALITY]: BROTLI_FAST, [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT } },
    zlibOptions: { level: 6 },
    globalDecompression: false,
  });
}
