import type { FastifyInstance } from 'fastify';
import { COLLECTIVITE_KINDS, type CollectiviteKind } from '../../core/schema/collectivite.js';
import { PONDERATIONS, type Ponderation } from '../../core/schema/results.js';
import { POPULATION_BAND_IDS, type PopulationBandId } from '../../core/territory/population-band.js';
import type { ServerContext } from '../context.js';
import { ApiError } from '../http/errors.js';
import { requestLang } from '../http/lang.js';
import { invalidQuery, publishedQuestionParam, territoryParam, themeParam } from '../http/params.js';
import { latestPublication } from '../http/published.js';
import { oneOf, single, type QueryValue } from '../http/query.js';
import { COMPARISONS, type Comparison } from '../publication/read.js';
import { resultatsCarteRoutes } from './resultats-carte.js';

interface ResultsQuerystring {
  territoire?: QueryValue;
  comparer?: QueryValue;
  question?: QueryValue;
  ponderation?: QueryValue;
  type?: QueryValue;
  bande?: QueryValue;
}

function comparisonsOf(value: QueryValue): Comparison[] {
  // `comparer=region&comparer=france` means the same as `comparer=region,france`.
  const raw = Array.isArray(value) ? value.join(',') : value;
  if (raw === undefined || raw === '') return [];
  const items = raw.split(/[\s,]+/).filter((item) => item !== '');
  if (items.length === 0 || !items.every((item) => (COMPARISONS as readonly string[]).includes(item))) {
    throw invalidQuery('comparer', 'reason_list', { values: COMPARISONS.join(', ') });
  }
  return items as Comparison[];
}

/**
 * `GET /resultats/:theme`: a territory's figures and its comparisons, read from the latest
 * publication. Only aggregates leave, each with its status: no SIRET, no e-mail, no free text.
 */
export function resultatsRoutes(app: FastifyInstance, context: ServerContext): void {
  resultatsCarteRoutes(app, context);

  app.get<{ Params: { theme: string }; Querystring: ResultsQuerystring }>('/resultats/:theme', async (request, reply) => {
    const { theme, definition } = themeParam(context, request.params.theme);
    const query = request.query;
    const territoryId = territoryParam(single(query.territoire) ?? 'france');
    const comparisons = comparisonsOf(query.comparer);
    const ponderation = oneOf<Ponderation>('ponderation', single(query.ponderation), PONDERATIONS) ?? 'brute';
    const kind = oneOf<CollectiviteKind>('type', single(query.type), COLLECTIVITE_KINDS);
    const band = oneOf<PopulationBandId>('bande', single(query.bande), POPULATION_BAND_IDS);
    const question = single(query.question);
    const questionId = question !== undefined && question !== '' ? question : undefined;
    if (questionId !== undefined) publishedQuestionParam(theme, definition, questionId);
    const territory = context.referential.territory(territoryId);
    if (!territory) throw new ApiError(404, 'territory_not_found', { params: { id: territoryId } });
    // Sub-series of a territory would differ from it by a handful of collectivités: groups by
    // kind and size are published for France only.
    if ((kind !== undefined || band !== undefined) && territory.kind !== 'france') throw new ApiError(400, 'filter_needs_france');
    if (band !== undefined && kind === undefined) throw invalidQuery('type', 'reason_required', {});

    const publication = await latestPublication(context, request, reply, definition.version);
    if (publication === undefined) return reply;
    return context.reader.results(publication, {
      theme,
      definition,
      territory,
      comparisons,
      ponderation,
      ...(kind ? { kind } : {}),
      ...(band ? { band } : {}),
      ...(questionId ? { questionId } : {}),
      lang: requestLang(request),
    });
  });
}
