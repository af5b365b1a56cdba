import * as z from 'zod/mini';
import { EditionId } from './edition.js';
import { contractRefinement } from './contract.js';
import { PUBLICATION_ID } from './patterns.js';
import { AnswerCode, QuestionId, QuestionnaireDefinition, ThemeId } from './questionnaire.js';
import { LocalizedText } from './text.js';
import { isTerritoryId, TERRITORY_KINDS, territoryKindOf, type TerritoryId } from '../territory/territory-id.js';

/**
 * The results the API serves and the charts draw: aggregated answers per territory, read from the
 * latest publication, with statistical secrecy built into the shape: every figure carries its
 * status, and a figure that is not published is `null`, never a zero.
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
 * What a published figure is, in every response, table, file and sentence:
 * - `publie`: the figure is shown;
 * - `aucune`: nobody answered (n = 0);
 * - `insuffisant`: fewer respondents than the threshold (`minCell`): nothing is published but that;
 * - `masque`: hidden by statistical secrecy, to protect another figure or a sensitive count.
 * A figure that is not published is `null`, never a zero, so a chart cannot mistake "hidden" for "nobody".
 */
export const FIGURE_STATUSES = ['publie', 'aucune', 'insuffisant', 'masque'] as const;
export const FigureStatus = z.enum(FIGURE_STATUSES);
export type FigureStatus = z.infer<typeof FigureStatus>;

/** An answer code is either shown or hidden: the states about nobody and too few belong to its question. */
export const AnswerStatus = z.enum(['publie', 'masque']);
export type AnswerStatus = z.infer<typeof AnswerStatus>;

/**
 * One answer code's figures. `share` is among those asked the question, `shareOfAll` among all
 * respondents of the series (they differ for conditional questions); `ci` is the 95 % confidence
 * interval of `share`. Reweighted figures publish shares only: `count` is then `null`, so that no
 * raw count stands beside a weighted share.
 */
export const AnswerResult = z
  .strictObject({
    status: AnswerStatus,
    count: z.nullable(Count),
    share: z.nullable(Share),
    shareOfAll: z.nullable(Share),
    ci: z.optional(z.nullable(z.tuple([Share, Share]))),
  })
  .check(
    contractRefinement((answer, report) => {
      if (answer.status === 'masque') {
        if (answer.count !== null || answer.share !== null || answer.shareOfAll !== null || answer.ci != null) {
          report('status_values', [], { status: answer.status });
        }
        return;
      }
      if (answer.share === null || answer.shareOfAll === null) report('published_without_values', ['share']);
      else if (answer.ci != null) {
        const [low, high] = answer.ci;
        if (low > answer.share + EPSILON || high < answer.share - EPSILON) {
          report('ci_excludes_share', ['ci'], { low, high, share: answer.share });
        }
      }
    }),
  );
export type AnswerResult = z.infer<typeof AnswerResult>;

/**
 * Figures of one question in one series, keyed by answer code. `n` counts those who answered it:
 * a number when the question is published, `0` when nobody answered, `null` otherwise. Number
 * questions are published as a distribution over their bins (answer codes), and a rounded
 * `median` when enough collectivités answered. An estimate for a population (reweighted shares,
 * similar collectivités) gives its `coverage` when part of that population has no respondent to
 * stand for it: the share of the population its figures do represent (absent: all of it).
 */
export const QuestionResult = z
  .strictObject({
    status: FigureStatus,
    n: z.nullable(Count),
    answers: z.optional(z.record(AnswerCode, AnswerResult)),
    median: z.optional(z.nullable(z.number())),
    coverage: z.optional(z.number().check(z.gt(0), z.lte(1))),
  })
  .check(
    contractRefinement((question, report) => {
      const answers = Object.entries(question.answers ?? {});
      if (question.status !== 'publie') {
        const nOk = question.status === 'aucune' ? question.n === 0 : question.n === null;
        if (!nOk || answers.length > 0 || question.median != null || question.coverage !== undefined) {
          report('status_values', [], { status: question.status });
        }
        return;
      }
      if (question.n === null) {
        report('published_without_values', ['n']);
        return;
      }
      for (const [code, answer] of answers) {
        if (answer.count !== null && answer.count > question.n) {
          report('count_above_n', ['answers', code, 'count'], { count: answer.count, n: question.n });
        }
      }
    }),
  );
export type QuestionResult = z.infer<typeof QuestionResult>;

/**
 * One territory's results. `n` counts its respondents when the series is published (`0` when
 * nobody answered, `null` otherwise); `effectiveN` is Kish's effective size of reweighted figures.
 * A series that is not published shows no question.
 */
export const Series = z
  .strictObject({
    role: SeriesRole,
    territory: SeriesTerritory,
    status: FigureStatus,
    n: z.nullable(Count),
    effectiveN: z.optional(z.nullable(z.number().check(z.positive()))),
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
      if (series.status !== 'publie') {
        const nOk = series.status === 'aucune' ? series.n === 0 : series.n === null;
        if (!nOk || series.effectiveN != null || Object.keys(series.questions).length > 0) {
          report('status_values', [], { status: series.status });
        }
        return;
      }
      if (series.n === null) {
        report('published_without_values', ['n']);
        return;
      }
      if (series.effectiveN != null && series.effectiveN > series.n + EPSILON) {
        report('effective_n_above_n', ['effectiveN'], { effectiveN: series.effectiveN, n: series.n });
      }
      for (const [id, question] of Object.entries(series.questions)) {
        if (question.n !== null && question.n > series.n) {
          report('question_n_above_series_n', ['questions', id, 'n'], { n: question.n, seriesN: series.n });
        }
      }
    }),
  );
export type Series = z.infer<typeof Series>;

/**
 * The publication every public figure comes from: an immutable, audited snapshot of all results,
 * computed at one instant. Responses name it so that readers know how current the figures are.
 */
export const PublicationRef = z.strictObject({
  /** A stable identifier, e.g. `2026-12-06T14-00-00Z`. */
  id: z.string().check(z.regex(PUBLICATION_ID)),
  /** When the figures were frozen. */
  publishedAt: z.iso.datetime(),
  /** The edition whose contributions it counts (absent from files published before editions). */
  edition: z.optional(EditionId),
});
export type PublicationRef = z.infer<typeof PublicationRef>;

/**
 * The API's answer to a results request, shared by the server (which builds it) and the charts
 * (which validate it before drawing). Every published series and question counts at least
 * `minCell` respondents.
 */
export const ResultsResponse = z
  .strictObject({
    theme: ThemeId,
    /** The questionnaire version the figures come from, when they come from one only. */
    version: z.optional(QuestionnaireDefinition.shape.version),
    publication: PublicationRef,
    ponderation: Ponderation,
    /** The confidentiality threshold applied: no published figure rests on fewer respondents. */
    minCell: z.number().check(z.int(), z.gte(MIN_CELL_FLOOR)),
    /** The credit line under a chart, e.g. "Baromètre numérique des collectivités, vague 1". */
    source: LocalizedText,
    series: z.array(Series).check(z.minLength(1)),
  })
  .check(
    contractRefinement((results, report) => {
      const { minCell } = results;
      results.series.forEach((series, index) => {
        if (series.status === 'publie' && series.n !== null && series.n < minCell) {
          report('below_min_cell', ['series', index, 'status'], { n: series.n, minCell });
        }
        for (const [id, question] of Object.entries(series.questions)) {
          if (question.status === 'publie' && question.n !== null && question.n < minCell) {
            report('below_min_cell', ['series', index, 'questions', id, 'status'], { n: question.n, minCell });
          }
          if (results.ponderation !== 'redressee') continue;
          for (const [code, answer] of Object.entries(question.answers ?? {})) {
            if (answer.count !== null) report('weighted_count', ['series', index, 'questions', id, 'answers', code, 'count']);
          }
        }
      });
    }),
  );
export type ResultsResponse = z.infer<typeof ResultsResponse>;
