import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * Public results change only when a new publication comes out. Each response is tagged with the
 * publication it reads and what was asked, and may be kept by browsers and CDNs until the next
 * scheduled publication; after that, revalidating costs a comparison of tags.
 */

/**
 * Published figures never change under a tag. The tag is weak (RFC 9110, 8.8.1): one response
 * leaves identity, gzip or brotli encoded, and a strong tag would promise the same bytes in all
 * three — a cache could then splice ranges of one encoding into another. Weak, one tag stands for
 * the same figures in every encoding, and `If-None-Match` compares weakly anyway.
 */
export function publicationTag(publicationId: string, request: FastifyRequest, lang: string, version: string): string {
  const asked = createHash('sha256').update(`${request.url}\n${lang}\n${version}`).digest('base64url').slice(0, 16);
  return `W/"${publicationId}-${asked}"`;
}

/** Whether an `If-None-Match` header names the tag (weak comparison, as RFC 9110 asks for GET). */
function matches(header: string | undefined, tag: string): boolean {
  if (header === undefined) return false;
  const bare = (value: string) => value.trim().replace(/^W\//, '');
  return header.split(',').some((candidate) => candidate.trim() === '*' || bare(candidate) === bare(tag));
}

/**
 * `Cache-Control` of published figures: kept until the next scheduled publication, never later;
 * without a schedule (publications on demand only), checked again at every use.
 */
export function publicationCacheControl(nextPublication: Date | undefined, now = Date.now()): string {
  if (nextPublication === undefined) return 'public, no-cache';
  const seconds = Math.max(0, Math.floor((nextPublication.getTime() - now) / 1000));
  return `public, max-age=${seconds}`;
}

/**
 * A weak tag for what a response says (its JSON): for answers that are not publications — a
 * questionnaire's definition, a wave's status — so that a browser holding one revalidates it
 * with a 304 instead of downloading it again. Kept per object: a definition is tagged once.
 */
const tags = new WeakMap<object, string>();
export function contentTag(body: object): string {
  let tag = tags.get(body);
  if (tag === undefined) {
    tag = `W/"${createHash('sha256').update(JSON.stringify(body)).digest('base64url').slice(0, 22)}"`;
    tags.set(body, tag);
  }
  return tag;
}

/** Sets a response's tag and `Cache-Control`, and answers 304 when the client already holds that tag. Returns true when the response has been sent. */
export function answerIfHeld(request: FastifyRequest, reply: FastifyReply, tag: string, cacheControl: string): boolean {
  reply.header('etag', tag);
  reply.header('cache-control', cacheControl);
  if (!matches(request.headers['if-none-match'], tag)) return false;
  void reply.code(304).send();
  return true;
}

/**
 * Sets the caching headers of a public results response (whose wording follows the language
 * asked for) and answers 304 when the client already holds this tag. Returns true when the
 * response has been sent.
 */
export function answerFromCache(request: FastifyRequest, reply: FastifyReply, tag: string, cacheControl: string): boolean {
  const vary = reply.getHeader('vary');
  reply.header('vary', vary ? `${String(vary)}, Accept-Language` : 'Accept-Language');
  return answerIfHeld(request, reply, tag, cacheControl);
}
