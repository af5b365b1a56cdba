import { brotliCompress, constants, gzip } from 'node:zlib';
import { promisify } from 'node:util';
import type { FastifyReply } from 'fastify';

/** The content codings the server produces, best first. */
export type Encoding = 'br' | 'gzip';

/**
 * Below this size a compressed body saves less than a packet, and the `Content-Encoding` header
 * and the codec's framing eat most of the gain: such bodies leave as they are.
 */
export const COMPRESSION_THRESHOLD = 1024;

/**
 * Brotli levels. Quality 5 compresses a 160 kB chunk in about 6 ms, as fast as gzip and a few
 * percent smaller: the level for a body compressed while its client waits. Quality 11 takes
 * about 40 times longer for a further 8–10 %: only worth it for a body compressed once and sent
 * many times (static files, cached results), and never while a client waits.
 */
export const BROTLI_FAST = 5;
export const BROTLI_BEST = 11;

/** gzip at level 9 costs about as much as the default 6 on bodies of this size, for a slightly smaller result. */
const GZIP_LEVEL = 9;

const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);

/** Compresses off the event loop (zlib runs in libuv's thread pool). */
export function compress(bytes: Buffer, encoding: Encoding, brotliQuality = BROTLI_FAST): Promise<Buffer> {
  if (encoding === 'gzip') return gzipped(bytes, { level: GZIP_LEVEL });
  return brotli(bytes, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: brotliQuality,
      [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
    },
  });
}

/** Types worth compressing: text, scripts, JSON, SVG and XML. Images, fonts and archives are compressed already. */
const COMPRESSIBLE = /^(?:text\/|application\/(?:javascript|json|xml|[\w.-]+\+(?:json|xml))|image\/svg\+xml)/i;

export function isCompressible(contentType: unknown): boolean {
  return typeof contentType === 'string' && COMPRESSIBLE.test(contentType);
}

/**
 * The coding to answer an `Accept-Encoding` header with (RFC 9110 §12.5.3): brotli when the
 * client takes it, else gzip, else none. A coding with `q=0` is refused; `*` stands for any
 * coding not named.
 */
export function negotiateEncoding(header: string | string[] | undefined): Encoding | undefined {
  if (header === undefined) return undefined;
  const weights = new Map<string, number>();
  for (const item of (Array.isArray(header) ? header.join(',') : header).split(',')) {
    const [name = '', ...params] = item.trim().toLowerCase().split(';');
    if (name === '') continue;
    const q = params.map((param) => /^\s*q\s*=\s*([\d.]+)\s*$/.exec(param)?.[1]).find((value) => value !== undefined);
    weights.set(name === 'x-gzip' ? 'gzip' : name, q === undefined ? 1 : Number(q));
  }
  const weight = (coding: Encoding) => weights.get(coding) ?? weights.get('*') ?? 0;
  const best = (['br', 'gzip'] as const).reduce<Encoding | undefined>(
    (chosen, coding) => (weight(coding) > 0 && (chosen === undefined || weight(coding) > weight(chosen)) ? coding : chosen),
    undefined,
  );
  return best;
}

/**
 * Adds `Accept-Encoding` to `Vary`: a shared cache must not hand a brotli body to a client that
 * asked for none, nor an uncompressed one to every client after the first asked for none. Written
 * in lower case, the spelling @fastify/compress looks for before adding its own.
 */
export function varyOnEncoding(reply: FastifyReply): void {
  const vary = reply.getHeader('vary');
  const current = Array.isArray(vary) ? vary.join(', ') : vary === undefined ? '' : String(vary);
  if (/(?:^|,)\s*accept-encoding\s*(?:,|$)/i.test(current)) return;
  reply.header('vary', current ? `${current}, accept-encoding` : 'accept-encoding');
}
