import type { FastifyInstance } from 'fastify';
import { PONDERATIONS, type Ponderation } from '../../core/schema/results.js';
import type { ServerContext } from '../context.js';
import { invalidQuery, publishedQuestionParam, themeParam } from '../http/params.js';
import { latestPublication } from '../http/published.js';
import { oneOf, single, type QueryValue } from '../http/query.js';

const LEVELS = ['departement', 'region'] as const;
type Level = (typeof LEVELS)[number];

/**
 * `GET /resultats/:theme/carte?niveau=departement|region&question=…`: one question's figures for
 * every département (or région), as a map draws them, read from the same publication as
 * `/resultats/:theme?territoire=<id>`: the map and the results agree on every territory.
 */
export function resultatsCarteRoutes(app: FastifyInstance, context: ServerContext): void {
  app.get<{ Params: { theme: string }; Querystring: { niveau?: QueryValue; question?: QueryValue; ponderation?: QueryValue } }>(
    '/resultats/:theme/carte',
    async (request, reply) => {
      const { theme, definition } = themeParam(context, request.params.theme);
      const niveau = oneOf<Level>('niveau', single(request.query.niveau), LEVELS) ?? 'departement';
      const ponderation = oneOf<Ponderation>('ponderation', single(request.query.ponderation), PONDERATIONS) ?? 'brute';
      const questionId = single(request.query.question);
      if (questionId === undefined || questionId === '') throw invalidQuery('question', 'reason_required', {});
      publishedQuestionParam(theme, definition, questionId);

      const publication = await latestPublication(context, request, reply, definition.version);
      if (publication === undefined) return reply;
      return context.reader.map(publication, { theme, definition, niveau, questionId, ponderation });
    },
  );
}
