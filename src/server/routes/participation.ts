import type { FastifyInstance } from 'fastify';
import type { ThemeId } from '../../core/schema/questionnaire.js';
import type { Territory } from '../../core/territory/territory.js';
import type { ServerContext } from '../context.js';
import { sendCachedJson } from '../http/cached-json.js';
import { CompressedBodies } from '../http/compressed-bodies.js';
import { ApiError } from '../http/errors.js';
import { latestPublication } from '../http/published.js';
import { choice, parseQuery, territory } from '../http/query.js';
import { editionQuery } from '../editions/edition-query.js';
import { editionOrRefuse } from '../editions/wave-errors.js';
import { ParticipationReader } from '../participation/reader.js';
import { participationMembersRoutes } from './participation-membres.js';

/** The query of `/participation`, checked in this order. */
const PARTICIPATION_QUERY = {
  territoire: territory(),
  edition: editionQuery(),
  niveau: choice('niveau', ['departement', 'region']),
};

/** A level's answer is about 200 kB before compression; a territory's a few kilobytes. */
const PARTICIPATION_CACHE_BYTES = 8 * 1024 * 1024;

/**
 * `GET /participation?territoire=…&edition=…`: how many collectivités of each kind answered each
 * theme in a territory, out of how many it holds; `?niveau=departement|region` gives every
 * département or région at once (a map's level) instead of one territory. Read from the latest
 * publication — the respondents it counted — tagged and kept until the next one like the results.
 */
export function participationRoutes(app: FastifyInstance, context: ServerContext): void {
  const bodies = new CompressedBodies(PARTICIPATION_CACHE_BYTES);
  const reader = new ParticipationReader(context.store, context.referential);

  app.get('/participation', async (request, reply) => {
    const query = parseQuery(PARTICIPATION_QUERY, request.query);
    const chosen = editionOrRefuse(context.editions, query.edition ?? context.publisher.currentEdition());
    let territories: readonly Territory[];
    if (query.niveau !== undefined) {
      territories = context.referential.territoriesOfLevel(query.niveau);
    } else {
      const place = context.referential.territory(query.territoire);
      if (!place) throw new ApiError(404, 'territory_not_found', { params: { id: query.territoire } });
      territories = [place];
    }
    const themes = Object.keys(context.definitions) as ThemeId[];
    const publication = await latestPublication(context, request, reply, `participation:${chosen.id}`, chosen.id);
    if (publication === undefined) return reply;
    const key = JSON.stringify(['participation', publication.id, chosen.id, query.niveau ?? territories[0]!.id]);
    // The tally is read (once per publication) before the body is made, which is synchronous.
    const body = bodies.get(key)
      ? undefined
      : await reader.read(publication, {
          edition: chosen,
          territories,
          themes: themes.filter((theme) => publication.themes[theme] !== undefined),
          ...(query.niveau ? { niveau: query.niveau } : {}),
        });
    return sendCachedJson(request, reply, bodies, key, () => body);
  });

  participationMembersRoutes(app, context);
}
