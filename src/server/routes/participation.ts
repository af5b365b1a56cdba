import type { FastifyInstance } from 'fastify';
import * as z from 'zod';
import { EDITION_ID } from '../../core/schema/participation.js';
import type { ThemeId } from '../../core/schema/questionnaire.js';
import type { Territory } from '../../core/territory/territory.js';
import type { ServerContext } from '../context.js';
import { sendCachedJson } from '../http/cached-json.js';
import { CompressedBodies } from '../http/compressed-bodies.js';
import { ApiError } from '../http/errors.js';
import { latestPublication } from '../http/published.js';
import { choice, invalidQuery, parseQuery, territory, type QueryParam } from '../http/query.js';
import { singleEdition, type EditionCatalog } from '../participation/edition.js';
import { participationMessages } from '../participation/messages.js';
import { ParticipationReader } from '../participation/reader.js';
import { participationMembersRoutes } from './participation-membres.js';

/** An edition's id (`2025`), absent when not given; 400 otherwise. */
function edition(): QueryParam<string | undefined> {
  return {
    schema: z.preprocess((value) => (value === '' ? undefined : value), z.string().regex(EDITION_ID).optional()),
    error: () => invalidQuery('edition', 'reason_enum', { values: 'AAAA (2025…)' }),
  };
}

/** The query of `/participation`, checked in this order. */
const PARTICIPATION_QUERY = {
  territoire: territory(),
  edition: edition(),
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
export function participationRoutes(app: FastifyInstance, context: ServerContext, editions: EditionCatalog = singleEdition): void {
  const bodies = new CompressedBodies(PARTICIPATION_CACHE_BYTES);
  const reader = new ParticipationReader(context.store, context.referential);

  app.get('/participation', async (request, reply) => {
    const query = parseQuery(PARTICIPATION_QUERY, request.query);
    const current = editions.current();
    const chosen = query.edition === undefined ? current : editions.byId(query.edition);
    if (chosen === undefined) {
      const params = { id: query.edition ?? '', current: current.id };
      throw new ApiError(404, 'edition_not_found', { message: (lang) => participationMessages(lang, 'edition_not_found', params) });
    }
    let territories: readonly Territory[];
    if (query.niveau !== undefined) {
      territories = context.referential.territoriesOfLevel(query.niveau);
    } else {
      const place = context.referential.territory(query.territoire);
      if (!place) throw new ApiError(404, 'territory_not_found', { params: { id: query.territoire } });
      territories = [place];
    }
    const themes = Object.keys(context.definitions) as ThemeId[];
    const publication = await latestPublication(context, request, reply, `participation:${chosen.id}`);
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
