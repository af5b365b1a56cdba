import type { FastifyInstance } from 'fastify';
import { waveStatusOf } from '../../core/editions/catalogue.js';
import type { ServerContext } from '../context.js';
import { sendCachedJson } from '../http/cached-json.js';
import { CompressedBodies } from '../http/compressed-bodies.js';
import { answerIfHeld, contentTag } from '../http/conditional.js';
import { themeParam } from '../http/params.js';

/**
 * Definitions change only with a deployment: a few minutes of caching spares every embed a
 * request, and a tag lets a later visit revalidate instead of downloading them again.
 */
const PUBLIC_CACHE = 'public, max-age=300';

/**
 * Definitions are the same on every request until the next deployment: each is serialised and
 * compressed once, not on every questionnaire's first screen (nine of 10–15 kB, some 150 kB
 * kept with their compressed forms).
 */
const DEFINITIONS_CACHE_BYTES = 1024 * 1024;

/** A wave opens or closes at midnight: a minute of caching is late by a minute at most. */
const WAVE_CACHE = 'public, max-age=60';

/**
 * `GET /questionnaires` and `GET /questionnaires/:theme`: the definitions contributions are
 * checked against. `GET /questionnaires/:theme/vague`: where the theme's wave stands now, so the
 * questionnaire says when it opens or that it has closed before anything is typed.
 */
export function questionnaireRoutes(app: FastifyInstance, context: ServerContext): void {
  const list = {
    questionnaires: Object.values(context.definitions).map((definition) => ({
      theme: definition.theme,
      version: definition.version,
      title: definition.title,
      wave: definition.wave,
      estimatedMinutes: definition.estimatedMinutes,
    })),
  };
  app.get('/questionnaires', async (request, reply) => (answerIfHeld(request, reply, contentTag(list), PUBLIC_CACHE) ? reply : list));

  const bodies = new CompressedBodies(DEFINITIONS_CACHE_BYTES);
  app.get<{ Params: { theme: string } }>('/questionnaires/:theme', async (request, reply) => {
    const { definition } = themeParam(context, request.params.theme);
    if (answerIfHeld(request, reply, contentTag(definition), PUBLIC_CACHE)) return reply;
    return sendCachedJson(request, reply, bodies, `${definition.theme}@${definition.version}`, () => definition);
  });

  app.get<{ Params: { theme: string } }>('/questionnaires/:theme/vague', async (request, reply) => {
    const { theme } = themeParam(context, request.params.theme);
    const status = waveStatusOf(context.editions.status(theme, context.now()));
    return answerIfHeld(request, reply, contentTag(status), WAVE_CACHE) ? reply : status;
  });
}
