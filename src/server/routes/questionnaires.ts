import type { FastifyInstance } from 'fastify';
import { waveStatusOf } from '../../core/editions/catalogue.js';
import type { ServerContext } from '../context.js';
import { themeParam } from '../http/params.js';

/** Definitions change only with a deployment: a few minutes of caching spares every embed a request. */
const PUBLIC_CACHE = 'public, max-age=300';

/** A wave opens or closes at midnight: a minute of caching is late by a minute at most. */
const WAVE_CACHE = 'public, max-age=60';

/**
 * `GET /questionnaires` and `GET /questionnaires/:theme`: the definitions contributions are
 * checked against. `GET /questionnaires/:theme/vague`: where the theme's wave stands now, so the
 * questionnaire says when it opens or that it has closed before anything is typed.
 */
export function questionnaireRoutes(app: FastifyInstance, context: ServerContext): void {
  app.get('/questionnaires', async (_request, reply) => {
    reply.header('cache-control', PUBLIC_CACHE);
    return {
      questionnaires: Object.values(context.definitions).map((definition) => ({
        theme: definition.theme,
        version: definition.version,
        title: definition.title,
        wave: definition.wave,
        estimatedMinutes: definition.estimatedMinutes,
      })),
    };
  });

  app.get<{ Params: { theme: string } }>('/questionnaires/:theme', async (request, reply) => {
    const { definition } = themeParam(context, request.params.theme);
    reply.header('cache-control', PUBLIC_CACHE);
    return definition;
  });

  app.get<{ Params: { theme: string } }>('/questionnaires/:theme/vague', async (request, reply) => {
    const { theme } = themeParam(context, request.params.theme);
    reply.header('cache-control', WAVE_CACHE);
    return waveStatusOf(context.editions.status(theme, context.now()));
  });
}
