import type { FastifyInstance } from 'fastify';
import { COLLECTIVITE_KINDS, type CollectiviteKind } from '../../core/schema/collectivite.js';
import type { ThemeId } from '../../core/schema/questionnaire.js';
import { PONDERATIONS, type Ponderation } from '../../core/schema/results.js';
import { POPULATION_BAND_IDS, type PopulationBandId } from '../../core/territory/population-band.js';
import type { ServerContext } from '../context.js';
import { answerFromCache, resultsTag } from '../http/conditional.js';
import { ApiError } from '../http/errors.js';
import { requestLang } from '../http/lang.js';
import { invalidQuery, territoryParam, themeParam } from '../http/params.js';
import { findQuestion } from '../../core/questionnaire/index.js';
import { COMPARISONS, ResultsService, type Comparison } from '../results/compute.js';
import { resultatsCarteRoutes } from './resultats-carte.js';

type QueryValue = string | string[] | undefined;

interface ResultsQuerystring {
  territoire?: QueryValue;
  comparer?: QueryValue;
  question?: QueryValue;
  ponderation?: QueryValue;
  type?: QueryValue;
  bande?: QueryValue;
}

/** A parameter given twice counts once: the first value wins. */
function single(raw: QueryValue): string | undefined {
  return Array.isArray(raw) ? raw[0] : raw;
}

function oneOf<T extends string>(param: string, raw: unknown, values: readonly T[]): T | undefined {
  if (raw === undefined || raw === '') return undefined;
  if (typeof raw === 'string' && (values as readonly string[]).includes(raw)) return raw as T;
  throw invalidQuery(param, 'reason_enum', { values: values.join(', ') });
}

function comparisonsOf(value: QueryValue): Comparison[] {
  // `comparer=region&comparer=france` means the same as `comparer=region,france`.
  const raw = Array.isArray(value) ? value.join(',') : value;
  if (raw === undefined || raw === '') return [];
  const items = typeof raw === 'string' ? raw.split(/[\s,]+/).filter((item) => item !== '') : [];
  if (items.length === 0 || !items.every((item) => (COMPARISONS as readonly string[]).includes(item))) {
    throw invalidQuery('comparer', 'reason_list', { values: COMPARISONS.join(', ') });
  }
  return items as Comparison[];
}

/**
 * `GET /resultats/:theme`: published figures for a territory and its comparisons. Only
 * aggregates leave: no SIRET, no e-mail, no free text, no cell under the confidentiality threshold.
 */
export function resultatsRoutes(app: FastifyInstance, context: ServerContext): void {
  const service = new ResultsService(context.store, context.referential, context.config.minCell);
  // The map's route shares the service, and so its caches: a map and a chart reuse each other's series.
  resultatsCarteRoutes(app, context, service);
  // Tallying every block ahead of the first visitor spares them a read of every answer of France.
  // It runs in the background, a block at a time, while requests are already served.
  const closing = new AbortController();
  app.addHook('onListen', async () => {
    const themes = Object.entries(context.definitions).map(([theme, definition]) => ({ theme: theme as ThemeId, definition }));
    service.warm(themes, closing.signal).catch((error: unknown) => app.log.warn({ err: error }, 'results warm-up stopped'));
  });
  app.addHook('onClose', async () => closing.abort());

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
    if (questionId !== undefined) {
      const question = findQuestion(definition, questionId);
      if (!question) throw new ApiError(404, 'question_not_found', { params: { theme, question: questionId.slice(0, 60) } });
      if (question.kind === 'text') throw new ApiError(404, 'question_not_published', { params: { question: questionId } });
    }
    const territory = context.referential.territory(territoryId);
    if (!territory) throw new ApiError(404, 'territory_not_found', { params: { id: territoryId } });

    const lang = requestLang(request);
    // Tagged with the revision read before computing: revisions only grow, so a later request
    // can never match this tag with older figures.
    const tag = resultsTag(await service.revision(theme), request, lang, definition.version);
    if (answerFromCache(request, reply, tag)) return reply;

    const results = await service.compute({
      theme,
      definition,
      territory,
      comparisons,
      ponderation,
      ...(kind ? { kind } : {}),
      ...(band ? { band } : {}),
      ...(questionId ? { questionId } : {}),
      lang,
    });
    return results;
  });
}
