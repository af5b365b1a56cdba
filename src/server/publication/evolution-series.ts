import { findQuestion } from '../../core/questionnaire/index.js';
import type {
  EvolutionBreak,
  EvolutionEdition,
  EvolutionPoint,
  EvolutionResponse,
  EvolutionSeries,
  EvolutionWording,
} from '../../core/schema/evolution.js';
import type { QuestionnaireDefinition, ThemeId } from '../../core/schema/questionnaire.js';
import type { Ponderation, ResultsResponse, Series } from '../../core/schema/results.js';
import type { LocalizedText } from '../../core/schema/text.js';
import { breakReason, questionShape, type QuestionShape } from '../../core/questionnaire/comparability.js';
import { answerLabel, breakMessage } from './evolution-wording.js';

/**
 * A question's figures edition after edition, joined from each edition's published results and
 * never counted again: a point is the figure its publication holds for that series, with the
 * status, share and interval it was published with. Comparability is decided on the editions'
 * questionnaires alone (see `core/questionnaire/comparability.ts`), so every series breaks at the same
 * edition.
 */

/** One edition as the join reads it. */
export interface EditionFigures {
  edition: string;
  /** The edition's questionnaire for the theme; `undefined` when the edition has none. */
  definition: QuestionnaireDefinition | undefined;
  /**
   * What the edition's publication gives for the request (territory, comparisons, weighting, the
   * one question): the response of `/resultats/:theme`. `undefined` while the edition has no
   * publication of the theme.
   */
  results: ResultsResponse | undefined;
}

/** What is followed across editions. */
export interface EvolutionAsked {
  theme: ThemeId;
  question: string;
  code: string;
  ponderation: Ponderation;
  source: LocalizedText;
}

/** How the edition words the question and the answer, or `null` when it does not ask them both. */
function wordingOf(definition: QuestionnaireDefinition | undefined, questionId: string, code: string): EvolutionWording | null {
  const question = definition === undefined ? undefined : findQuestion(definition, questionId);
  const answer = question === undefined ? undefined : answerLabel(question, code);
  return question === undefined || answer === undefined ? null : { question: question.label, answer };
}

/** Why this edition's figures are not joined to the previous one's, or `null` when they are. */
function breakBetween(
  previous: { edition: string; shape: QuestionShape | undefined; published: boolean },
  current: { edition: string; shape: QuestionShape | undefined; published: boolean },
): EvolutionBreak | null {
  const params = { edition: current.edition, previous: previous.edition };
  if (previous.shape === undefined || current.shape === undefined) {
    const missing = previous.shape === undefined ? previous.edition : current.edition;
    return { reason: 'question_absent', message: breakMessage('question_absent', { ...params, missing }) };
  }
  if (!previous.published || !current.published) {
    const missing = previous.published ? current.edition : previous.edition;
    return { reason: 'not_published', message: breakMessage('not_published', { ...params, missing }) };
  }
  const reason = breakReason(previous.shape, current.shape);
  return reason === undefined ? null : { reason, message: breakMessage(reason, { ...params, missing: current.edition }) };
}

/** One series' figure for the answer followed, as its publication holds it. */
function pointOf(series: Series, asked: EvolutionAsked, edition: string, results: ResultsResponse): EvolutionPoint {
  const base = { edition, publication: results.publication, share: null, ci: null };
  if (series.status !== 'publie') return { ...base, status: series.status, n: series.n };
  // A published series without the question: nobody in it answered the question.
  const question = series.questions[asked.question] ?? { status: 'aucune' as const, n: 0 };
  if (question.status !== 'publie') return { ...base, status: question.status, n: question.n };
  const answer = question.answers?.[asked.code];
  if (answer === undefined || answer.status !== 'publie' || answer.share === null) return { ...base, status: 'masque', n: question.n };
  return { ...base, status: 'publie', n: question.n, share: answer.share, ci: answer.ci ?? null };
}

/** A series' identity across editions: its role and the territory or group it describes. */
const keyOf = (series: Pick<Series, 'role' | 'territory'>) => `${series.role} ${series.territory.id}`;

/**
 * The evolution response. `editions` are the survey's editions, oldest first; the series are
 * those of the latest edition with figures, in its order, then any that only earlier ones hold.
 */
export function evolutionSeries(asked: EvolutionAsked, editions: readonly EditionFigures[]): EvolutionResponse {
  const described = editions.map((entry) => {
    const wording = wordingOf(entry.definition, asked.question, asked.code);
    const shape = entry.definition === undefined ? undefined : questionShape(entry.definition, asked.question);
    return { entry, wording, shape, published: entry.results !== undefined };
  });
  const editionsOut: EvolutionEdition[] = described.map(({ entry, wording, shape, published }, index) => {
    const previous = described[index - 1];
    return {
      edition: entry.edition,
      publication: entry.results?.publication ?? null,
      minCell: entry.results?.minCell ?? null,
      wording,
      breakBefore:
        previous === undefined
          ? null
          : breakBetween({ edition: previous.entry.edition, shape: previous.shape, published: previous.published }, { edition: entry.edition, shape, published }),
    };
  });

  const series = new Map<string, EvolutionSeries>();
  // Newest first, so that a series is named as the latest publication names it.
  for (const { entry, wording } of [...described].reverse()) {
    if (entry.results === undefined || wording === null) continue;
    for (const one of entry.results.series) {
      const key = keyOf(one);
      if (!series.has(key)) series.set(key, { role: one.role, territory: one.territory, points: [] });
    }
  }
  for (const { entry, wording } of described) {
    if (entry.results === undefined || wording === null) continue;
    for (const one of entry.results.series) series.get(keyOf(one))!.points.push(pointOf(one, asked, entry.edition, entry.results));
  }

  return {
    theme: asked.theme,
    question: asked.question,
    code: asked.code,
    ponderation: asked.ponderation,
    source: asked.source,
    editions: editionsOut,
    series: [...series.values()],
  };
}
