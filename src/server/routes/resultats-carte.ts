import type { FastifyInstance } from 'fastify';
import { PONDERATIONS } from '../../core/schema/results.js';
import type { ServerContext } from '../context.js';
import { sendCachedJson } from '../http/cached-json.js';
import type { CompressedBodies } from '../http/compressed-bodies.js';
import { publishedQuestionParam, themeParam } from '../http/params.js';
import { editionQuery } from '../editions/edition-query.js';
import { latestPublication } from '../http/published.js';
import { choice, parseQuery, text } from '../http/query.js';

/** The query of `/resultats/:theme/carte`, checked in this order. */
const MAP_QUERY = {
  niveau: choice('niveau', ['departement', 'region'], 'departement'),
  ponderation: choice('ponderation', PONDERATIONS, 'brute'),
  question: text('question', 'required'),
  edition: editionQuery(),
};

/**
 * `GET /resultats/:theme/carte?niveau=departement|region&question=…`: one question's figures for
 * every département (or région), as a map draws them, read from the same publication as
 * `/resultats/:theme?territoire=<id>`: the map and the results agree on every territory. Answers are kept in `bodies`, per publication.
 */
export function resultatsCarteRoutes(app: FastifyInstance, context: ServerContext, bodies: CompressedBodies): void {
  app.get<{ Params: { theme: string } }>(
    '/resultats/:theme/carte',
    async (request, reply) => {
      const { theme, definition } = themeParam(context, request.params.theme);
      const { niveau, ponderation, question: questionId, edition } = parseQuery(MAP_QUERY, request.query);
      publishedQuestionParam(theme, definition, questionId);

      const publication = await latestPublication(context, request, reply, definition.version, edition);
      if (publication === undefined) return reply;
      const key = JSON.stringify(['carte', publication.id, theme, definition.version, niveau, ponderation, questionId]);
      return sendCachedJson(request, reply, bodies, key, () =>
        context.reader.map(publication, { theme, definition, niveau, questionId, ponderation }),
      );
    },
  );
}
