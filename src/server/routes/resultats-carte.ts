import type { FastifyInstance } from 'fastify';
import { findQuestion } from '../../core/questionnaire/index.js';
import { PONDERATIONS, type Ponderation } from '../../core/schema/results.js';
import type { ServerContext } from '../context.js';
import { answerFromCache, resultsTag } from '../http/conditional.js';
import { ApiError } from '../http/errors.js';
import { requestLang } from '../http/lang.js';
import { invalidQuery, themeParam } from '../http/params.js';
import type { ResultsService } from '../results/compute.js';

type QueryValue = string | string[] | undefined;

const LEVELS = ['departement', 'region'] as const;
type Level = (typeof LEVELS)[number];

const single = (raw: QueryValue): string | undefined => (Array.isArray(raw) ? raw[0] : raw);

function oneOf<T extends string>(param: string, raw: string | undefined, values: readonly T[], fallback?: T): T {
  if ((raw === undefined || raw === '') && fallback !== undefined) return fallback;
  if (raw !== undefined && (values as readonly string[]).includes(raw)) return raw as T;
  throw invalidQuery(param, 'reason_enum', { values: values.join(', ') });
}

/**
 * `GET /resultats/:theme/carte?niveau=departement|region&question=…`: one question's figures for
 * every département (or région), as a map draws them. Each territory's figures are exactly those
 * `/resultats/:theme?territoire=<id>&question=…` publishes, protected the same way, so a map
 * never shows a number a results page would hide.
 */
export function resultatsCarteRoutes(app: FastifyInstance, context: ServerContext, service: ResultsService): void {
  app.get<{ Params: { theme: string }; Querystring: { niveau?: QueryValue; question?: QueryValue; ponderation?: QueryValue } }>(
    '/resultats/:theme/carte',
    async (request, reply) => {
      const { theme, definition } = themeParam(context, request.params.theme);
      const level = oneOf<Level>('niveau', single(request.query.niveau), LEVELS, 'departement');
      const ponderation = oneOf<Ponderation>('ponderation', single(request.query.ponderation), PONDERATIONS, 'brute');
      const questionId = single(request.query.question);
      if (questionId === undefined || questionId === '') throw invalidQuery('question', 'reason_required', {});
      const question = findQuestion(definition, questionId);
      if (!question) throw new ApiError(404, 'question_not_found', { params: { theme, question: questionId.slice(0, 60) } });
      if (question.kind === 'text') throw new ApiError(404, 'question_not_published', { params: { question: questionId } });

      const lang = requestLang(request);
      const tag = resultsTag(await service.revision(theme), request, lang, definition.version);
      if (answerFromCache(request, reply, tag)) return reply;

      const places = [...context.referential.territoriesOfLevel(level)];
      const computed = await service.computeAll(
        theme,
        places.map((territory) => ({ theme, definition, territory, comparisons: [], ponderation, questionId, lang })),
      );
      const first = computed[0];
      const territories = [];
      for (const [index, territory] of places.entries()) {
        const series = computed[index]!.series[0]!;
        const figures = series.questions[questionId];
        const suppressed = series.suppressed || !figures || figures.suppressed;
        territories.push({
          id: territory.id,
          name: territory.name,
          n: figures?.n ?? 0,
          suppressed,
          ...(figures?.answers ? { answers: figures.answers } : {}),
        });
      }
      return {
        theme,
        question: questionId,
        niveau: level,
        ponderation,
        minCell: context.config.minCell,
        generatedAt: new Date().toISOString(),
        source: first?.source ?? { fr: definition.title.fr, en: definition.title.en },
        territories,
      };
    },
  );
}
