import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ServerContext } from '../context.js';
import { editionMessages } from '../editions/messages.js';
import { editionOrRefuse } from '../editions/wave-errors.js';
import type { PublicationFigures } from '../publication/figures.js';
import { answerFromCache, publicationCacheControl, publicationTag } from './conditional.js';
import { ApiError } from './errors.js';
import { requestLang } from './lang.js';

/** How long a client is told to wait while the first publication is computed. */
const PENDING_RETRY_SECONDS = 30;

/**
 * The publication a public figure is read from — the latest of `edition`, the current edition
 * when none is asked — with the response's caching headers set: or `undefined` when the client's
 * copy is current (a 304 has been sent). An edition the survey does not hold is a 404; before the
 * current edition's first publication exists, a 503 says when to try again; an earlier edition
 * nothing was published of is a 404 too.
 */
export async function latestPublication(
  context: ServerContext,
  request: FastifyRequest,
  reply: FastifyReply,
  version: string,
  edition?: string,
): Promise<PublicationFigures | undefined> {
  const wanted = edition === undefined ? context.publisher.currentEdition() : editionOrRefuse(context.editions, edition).id;
  const publication = await context.publisher.latest(wanted);
  if (publication === undefined && wanted !== context.publisher.currentEdition()) {
    throw new ApiError(404, 'edition_unpublished', {
      message: (lang) => editionMessages(lang, 'edition_unpublished', { edition: wanted }),
      details: { edition: wanted },
    });
  }
  if (publication === undefined) {
    void reply.header('retry-after', String(PENDING_RETRY_SECONDS));
    throw new ApiError(503, 'publication_pending', { params: { seconds: PENDING_RETRY_SECONDS } });
  }
  const tag = publicationTag(publication.id, request, requestLang(request), version);
  const cacheControl = publicationCacheControl(context.publisher.nextScheduled());
  return answerFromCache(request, reply, tag, cacheControl) ? undefined : publication;
}
