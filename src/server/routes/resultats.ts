import type { FastifyInstance } from 'fastify';
import { COLLECTIVITE_KINDS } from '../../core/schema/collectivite.js';
import { PONDERATIONS } from '../../core/schema/results.js';
import { POPULATION_BAND_IDS } from '../../core/territory/population-band.js';
import type { ServerContext } from '../context.js';
import { sendCachedJson } from '../http/cached-json.js';
import { CompressedBodies } from '../http/compressed-bodies.js';
import { ApiError } from '../http/errors.js';
import { requestLang } from '../http/lang.js';
import { publishedQuestionParam, themeParam } from '../http/params.js';
import { editionQuery } from '../editions/edition-query.js';
import { latestPublication } from '../http/published.js';
import { choice, choices, invalidQuery, parseQuery, territory, text } from '../http/query.js';
import { COMPARISONS } from '../publication/read.js';
import { resultatsCarteRoutes } from './resultats-carte.js';
import { catalogueSource } from '../publication/evolution-source.js';
import { resultatsEvolutionRoutes } from './resultats-evolution.js';

/** The query of `/resultats/:theme`, checked in this order. */
const RESULTS_QUERY = {
  territoire: territory(),
  // `comparer=region&comparer=france` means the same as `comparer=region,france`.
  comparer: choices('comparer', COMPARISONS),
  ponderation: choice('ponderation', PONDERATIONS, 'brute'),
  type: choice('type', COLLECTIVITE_KINDS),
  bande: choice('bande', POPULATION_BAND_IDS),
  question: text('question'),
  edition: editionQuery(),
};

/**
 * Serialised and compressed answers, kept per publication and question asked: embeds ask the
 * same few questions again and again until the next publication. A few hundred answers of tens
 * of kilobytes, compressed both ways.
 */
const RESULTS_CACHE_BYTES = 32 * 1024 * 1024;

/**
 * `GET /resultats/:theme`: a territory's figures and its comparisons, read from the latest
 * publication. Only aggregates leave, each with its status: no SIRET, no e-mail, no free text.
 */
export function resultatsRoutes(app: FastifyInstance, context: ServerContext): void {
  const bodies = new CompressedBodies(RESULTS_CACHE_BYTES);
  resultatsCarteRoutes(app, context, bodies);
  resultatsEvolutionRoutes(app, context, bodies, catalogueSource(context));

  app.get<{ Params: { theme: string } }>('/resultats/:theme', async (request, reply) => {
    const { theme, definition } = themeParam(context, request.params.theme);
    const query = parseQuery(RESULTS_QUERY, request.query);
    const { territoire: territoryId, comparer: comparisons, ponderation, type: kind, bande: band, question: questionId } = query;
    if (questionId !== undefined) publishedQuestionParam(theme, definition, questionId);
    const place = context.referential.territory(territoryId);
    if (!place) throw new ApiError(404, 'territory_not_found', { params: { id: territoryId } });
    // Sub-series of a territory would differ from it by a handful of collectivités: groups by
    // kind and size are published for France only.
    if ((kind !== undefined || band !== undefined) && place.kind !== 'france') throw new ApiError(400, 'filter_needs_france');
    if (band !== undefined && kind === undefined) throw invalidQuery('type', 'reason_required', {});

    const publication = await latestPublication(context, request, reply, definition.version, query.edition);
    if (publication === undefined) return reply;
    const lang = requestLang(request);
    // Everything the answer depends on, once validated: spellings of the same query share it.
    const key = JSON.stringify(['resultats', publication.id, theme, definition.version, place.id, comparisons, ponderation, kind, band, questionId, lang]);
    return sendCachedJson(request, reply, bodies, key, () =>
      context.reader.results(publication, {
        theme,
        definition,
        territory: place,
        comparisons,
        ponderation,
        ...(kind ? { kind } : {}),
        ...(band ? { band } : {}),
        ...(questionId ? { questionId } : {}),
        lang,
      }),
    );
  });
}
