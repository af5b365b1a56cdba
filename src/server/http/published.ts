import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ServerContext } from '../context.js';
import type { PublicationFigures } from '../publication/figures.js';
import { answerFromCache, publicationCacheControl, publicationTag } from './conditional.js';
import { ApiError } from './errors.js';
import { requestLang } from './lang.js';

/** How long a client is told to wait while the first publication is computed. */
const PENDING_RETRY_SECONDS = 30;

/**
 * The publication a public figure is read from, with the response's caching headers set: or
 * `undefined` when the client's copy is current (a 304 has been sent). Before the first
 * publication exists, a 503 says when to try again.
 */
export async function latestPublication(
  context: ServerContext,
  request: FastifyRequest,
  reply: FastifyReply,
  version: string,
): Promise<PublicationFigures | undefined> {
  const publication = await context.publisher.latest();
  if (publication === undefined) {
    void reply.header('retry-after', String(PENDING_RETRY_SECONDS));
    throw new ApiError(503, 'publication_pending', { params: { seconds: PENDING_RETRY_SECONDS } });
  }
  const tag = publicationTag(publication.id, request, requestLang(request), version);
  const cacheControl = publicationCacheControl(context.publisher.nextScheduled());
  return answerFromCache(request, reply, tag, cacheControl) ? undefined : publication;
}
