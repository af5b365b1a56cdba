import type { FastifyInstance } from 'fastify';
import type { ServerContext } from '../context.js';
import { sendCachedJson } from '../http/cached-json.js';
import { CompressedBodies } from '../http/compressed-bodies.js';
import { ApiError } from '../http/errors.js';
import { requestLang } from '../http/lang.js';
import { editionQuery } from '../editions/edition-query.js';
import { latestPublication } from '../http/published.js';
import { parseQuery, territory } from '../http/query.js';
import { composeSynthesis } from '../publication/synthesis.js';

/** The query of `/synthese`. */
const SYNTHESIS_QUERY = {
  territoire: territory(),
  edition: editionQuery(),
};

/** A synthesis is about 20 kB before compression: a few hundred territories' worth, per publication. */
const SYNTHESIS_CACHE_BYTES = 16 * 1024 * 1024;

/**
 * The questionnaire versions a synthesis depends on, for its tag: a definition served anew
 * changes the wording the response carries.
 */
function versionsOf(context: ServerContext): string {
  return Object.entries(context.definitions)
    .map(([theme, definition]) => `${theme}@${definition.version}`)
    .join(',');
}

/**
 * `GET /synthese?territoire=…`: what the synthesis of a territory shows, in one response, read
 * from the latest publication like `/resultats/:theme` and cached the same way (tag of the
 * publication and the request, kept until the next publication).
 */
export function syntheseRoutes(app: FastifyInstance, context: ServerContext): void {
  const bodies = new CompressedBodies(SYNTHESIS_CACHE_BYTES);
  app.get('/synthese', async (request, reply) => {
    const { territoire: territoryId, edition } = parseQuery(SYNTHESIS_QUERY, request.query);
    const place = context.referential.territory(territoryId);
    if (!place) throw new ApiError(404, 'territory_not_found', { params: { id: territoryId } });
    const versions = versionsOf(context);
    const publication = await latestPublication(context, request, reply, versions, edition);
    if (publication === undefined) return reply;
    const lang = requestLang(request);
    const key = JSON.stringify(['synthese', publication.id, versions, place.id, lang]);
    return sendCachedJson(request, reply, bodies, key, () =>
      composeSynthesis(context.reader, publication, { territory: place, definitions: context.definitions, lang }),
    );
  });
}
