import type { FastifyInstance } from 'fastify';
import { findQuestion } from '../../core/questionnaire/index.js';
import type { QuestionnaireDefinition, ThemeId } from '../../core/schema/questionnaire.js';
import { PONDERATIONS, type ResultsResponse } from '../../core/schema/results.js';
import type { ServerContext } from '../context.js';
import { sendCachedJson } from '../http/cached-json.js';
import type { CompressedBodies } from '../http/compressed-bodies.js';
import { answerFromCache, publicationCacheControl, publicationTag } from '../http/conditional.js';
import { ApiError } from '../http/errors.js';
import { requestLang } from '../http/lang.js';
import { publishedQuestionParam, themeParam } from '../http/params.js';
import { choice, choices, parseQuery, territory, text } from '../http/query.js';
import { evolutionSeries, type EditionFigures } from '../publication/evolution-series.js';
import type { EvolutionSource } from '../publication/evolution-source.js';
import { answerLabel, evolutionErrorMessages } from '../publication/evolution-wording.js';
import { COMPARISONS } from '../publication/read.js';

/** The query of `/resultats/:theme/evolution`, checked in this order. */
const EVOLUTION_QUERY = {
  question: text('question', 'required'),
  code: text('code', 'required'),
  territoire: territory(),
  comparer: choices('comparer', COMPARISONS),
  ponderation: choice('ponderation', PONDERATIONS, 'brute'),
};

/** How long a client is told to wait while the first publication is computed. */
const PENDING_RETRY_SECONDS = 30;

/**
 * The question and answer followed must exist in one edition's questionnaire at least: 404 for
 * a question no edition asks (or one taking free text, never published), and for an answer no
 * edition offers.
 */
function checkAsked(theme: ThemeId, current: QuestionnaireDefinition, definitions: readonly QuestionnaireDefinition[], questionId: string, code: string): void {
  const asking = definitions.find((definition) => findQuestion(definition, questionId) !== undefined) ?? current;
  publishedQuestionParam(theme, asking, questionId);
  const offered = definitions.some((definition) => {
    const question = findQuestion(definition, questionId);
    return question !== undefined && answerLabel(question, code) !== undefined;
  });
  if (!offered) {
    const params = { question: questionId, code: code.slice(0, 60) };
    throw new ApiError(404, 'answer_not_found', { message: (lang) => evolutionErrorMessages(lang, 'answer_not_found', params) });
  }
}

/**
 * `GET /resultats/:theme/evolution?question=…&code=…&territoire=…&comparer=…&ponderation=…`: the
 * share giving one answer, edition after edition, for a territory and its comparisons. Each
 * edition's figures are those `/resultats/:theme` serves from that edition's latest publication,
 * copied as they are (states, shares, intervals): nothing is counted again. The answer is tagged
 * with every publication it reads and kept until the next scheduled one, like the results.
 */
export function resultatsEvolutionRoutes(app: FastifyInstance, context: ServerContext, bodies: CompressedBodies, source: EvolutionSource): void {
  app.get<{ Params: { theme: string } }>('/resultats/:theme/evolution', async (request, reply) => {
    const { theme, definition: current } = themeParam(context, request.params.theme);
    const query = parseQuery(EVOLUTION_QUERY, request.query);
    const place = context.referential.territory(query.territoire);
    if (!place) throw new ApiError(404, 'territory_not_found', { params: { id: query.territoire } });

    const editions = source.editions().map((edition) => ({ edition, definition: source.definition(theme, edition) }));
    const asked = editions.flatMap(({ definition }) => (definition ? [definition] : []));
    checkAsked(theme, current, [...asked, current], query.question, query.code);
    // Figures only where the edition's questionnaire is known: they are read on it.
    const published = await Promise.all(editions.map(({ edition, definition }) => (definition ? source.published(theme, edition) : undefined)));
    const held = editions.flatMap(({ definition }, index) => {
      const publication = published[index];
      return definition && publication ? [{ definition, publication }] : [];
    });
    if (held.length === 0) {
      void reply.header('retry-after', String(PENDING_RETRY_SECONDS));
      throw new ApiError(503, 'publication_pending', { params: { seconds: PENDING_RETRY_SECONDS } });
    }

    const lang = requestLang(request);
    const publications = held.map((entry) => entry.publication.id).join('+');
    const versions = held.map((entry) => entry.definition.version).join('+');
    const tag = publicationTag(publications, request, lang, versions);
    if (answerFromCache(request, reply, tag, publicationCacheControl(context.publisher.nextScheduled()))) return reply;

    const key = JSON.stringify(['evolution', publications, versions, theme, place.id, query.comparer, query.ponderation, query.question, query.code, lang]);
    return sendCachedJson(request, reply, bodies, key, () => {
      const figures: EditionFigures[] = editions.map(({ edition, definition }, index) => {
        const publication = published[index];
        // An edition not asking the question still names its publication, with no figure.
        const results: ResultsResponse | undefined =
          publication === undefined || definition === undefined
            ? undefined
            : context.reader.results(publication, {
                theme,
                definition,
                territory: place,
                comparisons: query.comparer,
                ponderation: query.ponderation,
                questionId: query.question,
                lang,
              });
        return { edition, definition, results };
      });
      const latest = [...figures].reverse().find((entry) => entry.results !== undefined)?.results;
      return evolutionSeries(
        { theme, question: query.question, code: query.code, ponderation: query.ponderation, source: latest?.source ?? { fr: current.title.fr, en: current.title.en } },
        figures,
      );
    });
  });
}
