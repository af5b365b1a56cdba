import * as z from 'zod/mini';
import { contractRefinement } from './contract.js';
import { AnswerCode, QuestionId, QuestionnaireDefinition, ThemeId } from './questionnaire.js';
import { LocalizedText } from './text.js';
import { isTerritoryId, TERRITORY_KINDS, territoryKindOf, type TerritoryId } from '../territory/territory-id.js';

/**
 * The results the API serves and the charts draw: aggregated answers per territory, with
 * statistical confidentiality built into the shape. A suppressed cell carries `null`, never a
 * zero, so a chart cannot mistake "hidden" for "nobody".
 */

/** French statistical secrecy never shows a cell built from fewer than 3 units. */
export const MIN_CELL_FLOOR = 3;

/** Whether shares are raw or reweighted to correct the respondents' regional over-representation. */
export const PONDERATIONS = ['brute', 'redressee'] as const;
export const Ponderation = z.enum(PONDERATIONS);
export type Ponderation = z.infer<typeof Ponderation>;

/**
 * What a series stands for beside the others: the territory being looked at, its département,
 * its region, France as a whole, or a group of similar collectivités (same kind and population band).
 */
export const SERIES_ROLES = ['territoire', 'departement', 'region', 'france', 'similaires'] as const;
export const SeriesRole = z.enum(SERIES_ROLES);
export type SeriesRole = z.infer<typeof SeriesRole>;

/** Kinds of territory a series can cover: the territorial levels, plus `groupe`, a set of comparable collectivités. */
export const SERIES_TERRITORY_KINDS = [...TERRITORY_KINDS, 'groupe'] as const;
export const SeriesTerritoryKind = z.enum(SERIES_TERRITORY_KINDS);
export type SeriesTerritoryKind = z.infer<typeof SeriesTerritoryKind>;

/** The territory kind each role other than `territoire` requires. */
const KIND_OF_ROLE: Partial<Record<SeriesRole, SeriesTerritoryKind>> = {
  departement: 'departement',
  region: 'region',
  france: 'france',
  similaires: 'groupe',
};

/**
 * A group id names what its members share, after `groupe:` — for instance
 * `groupe:commune:1000-3499` for communes of that population band.
 */
const GROUP_ID = /^groupe:[A-Za-z0-9_.:+-]+$/;

/**
 * The territory a series describes. Its id is a territory id (`commune:35238`, `epci:243500139`,
 * `departement:2A`, `region:53`, `france`) of the same kind, or a group id for `groupe`.
 */
export const SeriesTerritory = z
  .strictObject({
    id: z.string().check(z.minLength(1)),
    name: z.string().check(z.minLength(1)),
    kind: SeriesTerritoryKind,
  })
  .check(
    contractRefinement((territory, report) => {
      const { id, kind } = territory;
      const wellFormed = kind === 'groupe' ? GROUP_ID.test(id) : isTerritoryId(id);
      if (!wellFormed) {
        report('territory_id', ['id'], { id });
      } else if (kind !== 'groupe' && territoryKindOf(id as TerritoryId) !== kind) {
        report('territory_id_kind', ['id'], { id, kind });
      }
    }),
  );
export type SeriesTerritory = z.infer<typeof SeriesTerritory>;

const Count = z.number().check(z.int(), z.gte(0));
/** Shares are fractions from 0 to 1, never percentages. */
const Share = z.number().check(z.gte(0), z.lte(1));

/** Confidence intervals come from floating-point formulas: allow rounding noise when comparing to the share. */
const EPSILON = 1e-9;

/**
 * One answer code's figures. Either all of count and shares are numbers, or all are `null`
 * (the answer is suppressed). `share` is among those asked the question, `shareOfAll` among all
 * respondents of the series (they differ for conditional questions); `ci` is the 95 % confidence
 * interval of `share`.
 */
export const AnswerResult = z
  .strictObject({
    count: z.nullable(Count),
    share: z.nullable(Share),
    shareOfAll: z.nullable(Share),
    ci: z.optional(z.nullable(z.tuple([Share, Share]))),
  })
  .check(
    contractRefinement((answer, report) => {
      const values = [answer.count, answer.share, answer.shareOfAll];
      const nulls = values.filter((value) => value === null).length;
      if (nulls === values.length && answer.ci != null) {
        report('answer_partly_suppressed', ['ci']);
      } else if (nulls > 0 && nulls < values.length) {
        report('answer_partly_suppressed');
      } else if (answer.ci != null && answer.share !== null) {
        const [low, high] = answer.ci;
        if (low > answer.share + EPSILON || high < answer.share - EPSILON) {
          report('ci_excludes_share', ['ci'], { low, high, share: answer.share });
        }
      }
    }),
  );
export type AnswerResult = z.infer<typeof AnswerResult>;

/** Quartiles of a number question's answers. */
export const NumberStats = z
  .strictObject({
    n: Count,
    median: z.number(),
    q1: z.number(),
    q3: z.number(),
  })
  .check(
    contractRefinement((stats, report) => {
      if (!(stats.q1 <= stats.median && stats.median <= stats.q3)) report('quartiles_order');
    }),
  );
export type NumberStats = z.infer<typeof NumberStats>;

function carriesNumbers(answer: AnswerResult): boolean {
  return answer.count !== null || answer.share !== null || answer.shareOfAll !== null || answer.ci != null;
}

/** Figures of one question in one series, keyed by answer code. `n` counts those who answered it. */
export const QuestionResult = z
  .strictObject({
    n: Count,
    suppressed: z.boolean(),
    answers: z.optional(z.record(AnswerCode, AnswerResult)),
    stats: z.optional(z.nullable(NumberStats)),
  })
  .check(
    contractRefinement((question, report) => {
      const answers = Object.entries(question.answers ?? {});
      if (question.suppressed) {
        for (const [code, answer] of answers) {
          if (carriesNumbers(answer)) report('suppressed_question_values', ['answers', code]);
        }
        if (question.stats != null) report('suppressed_question_values', ['stats']);
        return;
      }
      for (const [code, answer] of answers) {
        if (answer.count !== null && answer.count > question.n) {
          report('count_above_n', ['answers', code, 'count'], { count: answer.count, n: question.n });
        }
      }
      if (question.stats != null && question.stats.n > question.n) {
        report('stats_n_above_n', ['stats', 'n'], { statsN: question.stats.n, n: question.n });
      }
    }),
  );
export type QuestionResult = z.infer<typeof QuestionResult>;

/**
 * One territory's results. `n` counts its respondents; `effectiveN` is Kish's effective size
 * when answers are reweighted. A suppressed series still says how many responded, but shows
 * no question.
 */
export const Series = z
  .strictObject({
    role: SeriesRole,
    territory: SeriesTerritory,
    n: Count,
    effectiveN: z.optional(z.nullable(z.number().check(z.positive()))),
    suppressed: z.boolean(),
    questions: z.record(QuestionId, QuestionResult),
  })
  .check(
    contractRefinement((series, report) => {
      const expectedKind = KIND_OF_ROLE[series.role];
      if (expectedKind !== undefined && series.territory.kind !== expectedKind) {
        report('series_role_kind', ['territory', 'kind'], { role: series.role, expected: expectedKind });
      }
      if (series.role === 'territoire' && series.territory.kind === 'groupe') {
        report('territoire_is_group', ['territory', 'kind']);
      }
      if (series.suppressed && series.effectiveN != null) {
        report('suppressed_series_values', ['effectiveN']);
      }
      if (series.effectiveN != null && series.effectiveN > series.n + EPSILON) {
        report('effective_n_above_n', ['effectiveN'], { effectiveN: series.effectiveN, n: series.n });
      }
      for (const [id, question] of Object.entries(series.questions)) {
        if (series.suppressed && !question.suppressed) {
          report('suppressed_series_values', ['questions', id, 'suppressed']);
        }
        if (question.n > series.n) {
          report('question_n_above_series_n', ['questions', id, 'n'], { n: question.n, seriesN: series.n });
        }
      }
    }),
  );
export type Series = z.infer<typeof Series>;

/**
 * The API's answer to a results request, shared by the server (which builds it) and the charts
 * (which validate it before drawing). Every shown series and question counts at least `minCell`
 * respondents.
 */
export const ResultsResponse = z
  .strictObject({
    theme: ThemeId,
    /** The questionnaire version the figures come from, when they come from one only. */
    version: z.optional(QuestionnaireDefinition.shape.version),
    generatedAt: z.iso.datetime(),
    ponderation: Ponderation,
    /** The confidentiality threshold applied: no shown cell has fewer respondents. */
    minCell: z.number().check(z.int(), z.gte(MIN_CELL_FLOOR)),
    /** The credit line under a chart, e.g. "Baromètre numérique des collectivités, vague 1". */
    source: LocalizedText,
    series: z.array(Series).check(z.minLength(1)),
  })
  .check(
    contractRefinement((results, report) => {
      const { minCell } = results;
      results.series.forEach((series, index) => {
        if (!series.suppressed && series.n < minCell) {
          report('below_min_cell', ['series', index, 'suppressed'], { n: series.n, minCell });
        }
        for (const [id, question] of Object.entries(series.questions)) {
          if (!question.suppressed && question.n < minCell) {
            report('below_min_cell', ['series', index, 'questions', id, 'suppressed'], { n: question.n, minCell });
          }
        }
      });
    }),
  );
export type ResultsResponse = z.infer<typeof ResultsResponse>;
