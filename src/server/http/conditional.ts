import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * Public results change only when contributions do. Each response is tagged with the revision
 * of the data it was computed from and what was asked, so browsers and CDNs keep it for a minute
 * and then revalidate with a request that costs one small read instead of a computation.
 */
const RESULTS_CACHE = 'public, max-age=60, stale-while-revalidate=300';

/** A weak tag: two responses with one tag carry the same figures, not the same bytes (`generatedAt`). */
export function resultsTag(revision: number, request: FastifyRequest, lang: string, version: string): string {
  const asked = createHash('sha256').update(`${request.url}\n${lang}\n${version}`).digest('base64url').slice(0, 16);
  return `W/"${revision}-${asked}"`;
}

/** Whether an `If-None-Match` header names the tag (weak comparison, as RFC 9110 asks for GET). */
function matches(header: string | undefined, tag: string): boolean {
  if (header === undefined) return false;
  const bare = (value: string) => value.trim().replace(/^W\//, '');
  return header.split(',').some((candidate) => candidate.trim() === '*' || bare(candidate) === bare(tag));
}

/**
 * Sets the caching headers of a public results response and answers 304 when the client
 * already holds this tag. Returns true when the response has been sent.
 */
export function answerFromCache(request: FastifyRequest, reply: FastifyReply, tag: string): boolean {
  reply.header('etag', tag);
  reply.header('cache-control', RESULTS_CACHE);
  const vary = reply.getHeader('vary');
  reply.header('vary', vary ? `${String(vary)}, Accept-Language` : 'Accept-Language');
  if (!matches(request.headers['if-none-match'], tag)) return false;
  void reply.code(304).send();
  return true;
}
