import * as z from 'zod/mini';
import { contractRefinement } from './contract.js';
import { EditionId } from './participation.js';
import { AnswerCode, QuestionId, ThemeId } from './questionnaire.js';
import { FigureStatus, MIN_CELL_FLOOR, Ponderation, PublicationRef, SeriesRole, SeriesTerritory } from './results.js';
import { LocalizedText } from './text.js';

/**
 * The answer of `GET {api}/resultats/:theme/evolution?question=…&code=…&territoire=…&comparer=…`:
 * the share giving one answer to one question, edition after edition, for a territory and its
 * comparisons. Every point is a figure of the publication it names, copied as published (its
 * status, share and 95 % interval): nothing is computed again from contributions, so statistical
 * secrecy holds as it does in each edition's results.
 *
 * Two editions' figures are joined only when they measure the same thing: the same question id,
 * asked the same way (kind), with the same answer codes, of the same respondents (the conditions
 * that show it). Otherwise the series breaks at the later edition, and that edition says why.
 */

const Count = z.number().check(z.int(), z.gte(0));
const Share = z.number().check(z.gte(0), z.lte(1));
const EPSILON = 1e-9;

/**
 * Why two consecutive editions' figures are not joined:
 * - `question_absent`: one of the two editions does not ask the question;
 * - `not_published`: one of the two editions has no published figures for the theme yet;
 * - `kind_changed`: the question is asked another way (yes/no, one choice, several, a number);
 * - `codes_changed`: the answers offered differ (added, removed, or a number's ranges moved);
 * - `base_changed`: the question is shown to other respondents (its conditions differ).
 */
export const EVOLUTION_BREAK_REASONS = ['question_absent', 'not_published', 'kind_changed', 'codes_changed', 'base_changed'] as const;
export const EvolutionBreakReason = z.enum(EVOLUTION_BREAK_REASONS);
export type EvolutionBreakReason = z.infer<typeof EvolutionBreakReason>;

/** A break between an edition and the one before it: the reason for programs, a sentence for people. */
export const EvolutionBreak = z.strictObject({
  reason: EvolutionBreakReason,
  message: LocalizedText,
});
export type EvolutionBreak = z.infer<typeof EvolutionBreak>;

/** How an edition words the question and the answer followed. */
export const EvolutionWording = z.strictObject({
  question: LocalizedText,
  answer: LocalizedText,
});
export type EvolutionWording = z.infer<typeof EvolutionWording>;

/**
 * One edition of the survey, oldest first. `publication` is the publication its figures come
 * from (`null` while the edition has none for the theme), `minCell` the threshold that
 * publication applied; `wording` is `null` when the edition does not ask the question.
 * `breakBefore` is `null` when this edition's figures are joined to the previous edition's (and
 * always for the first edition).
 */
export const EvolutionEdition = z.strictObject({
  edition: EditionId,
  publication: z.nullable(PublicationRef),
  minCell: z.nullable(z.number().check(z.int(), z.gte(MIN_CELL_FLOOR))),
  wording: z.nullable(EvolutionWording),
  breakBefore: z.nullable(EvolutionBreak),
});
export type EvolutionEdition = z.infer<typeof EvolutionEdition>;

/**
 * One series' figure in one edition, as its publication holds it. `status` is the figure's:
 * the answer's when the question is published, else the question's or the series' own state.
 * `n` counts those who answered the question (`0` when nobody did; `null` when not published).
 * `share` and `ci` are `null` unless the figure is published: never a zero for a hidden figure.
 */
export const EvolutionPoint = z
  .strictObject({
    edition: EditionId,
    publication: PublicationRef,
    status: FigureStatus,
    n: z.nullable(Count),
    share: z.nullable(Share),
    ci: z.nullable(z.tuple([Share, Share])),
  })
  .check(
    contractRefinement((point, report) => {
      if (point.status !== 'publie') {
        const nOk = point.status === 'aucune' ? point.n === 0 : point.status === 'insuffisant' ? point.n === null : true;
        if (!nOk || point.share !== null || point.ci !== null) report('status_values', [], { status: point.status });
        return;
      }
      if (point.share === null || point.n === null) {
        report('published_without_values', ['share']);
        return;
      }
      if (point.ci !== null) {
        const [low, high] = point.ci;
        if (low > point.share + EPSILON || high < point.share - EPSILON) report('ci_excludes_share', ['ci'], { low, high, share: point.share });
      }
    }),
  );
export type EvolutionPoint = z.infer<typeof EvolutionPoint>;

/** One territory (or group) across editions: a point per edition whose publication has figures for it. */
export const EvolutionSeries = z.strictObject({
  role: SeriesRole,
  territory: SeriesTerritory,
  points: z.array(EvolutionPoint),
});
export type EvolutionSeries = z.infer<typeof EvolutionSeries>;

/** The whole response. */
export const EvolutionResponse = z
  .strictObject({
    theme: ThemeId,
    question: QuestionId,
    code: AnswerCode,
    ponderation: Ponderation,
    /** The credit line, e.g. "Baromètre numérique des collectivités, vague 1". */
    source: LocalizedText,
    editions: z.array(EvolutionEdition).check(z.minLength(1)),
    /** Empty when no published edition asks the question yet. */
    series: z.array(EvolutionSeries),
  })
  .check(
    z.superRefine((response, context) => {
      const issue = (message: string, path: PropertyKey[], input: unknown) => context.addIssue({ code: 'custom', message, path, input });
      const order = new Map<string, number>();
      response.editions.forEach((edition, index) => {
        const before = response.editions[index - 1];
        if (before !== undefined && before.edition >= edition.edition) issue('editions come oldest first, each once', ['editions', index, 'edition'], edition.edition);
        if (index === 0 && edition.breakBefore !== null) issue('the first edition has nothing before it to break from', ['editions', 0, 'breakBefore'], edition.breakBefore);
        if ((edition.publication === null) !== (edition.minCell === null)) issue('a publication comes with its threshold', ['editions', index, 'minCell'], edition.minCell);
        order.set(edition.edition, index);
      });
      response.series.forEach((series, s) => {
        let last = -1;
        series.points.forEach((point, p) => {
          const path = ['series', s, 'points', p];
          const index = order.get(point.edition);
          const edition = index === undefined ? undefined : response.editions[index];
          if (index === undefined || edition === undefined || index <= last) {
            issue('a point belongs to a listed edition, in the editions’ order, once', [...path, 'edition'], point.edition);
            return;
          }
          last = index;
          if (edition.publication === null || edition.publication.id !== point.publication.id || edition.wording === null) {
            issue('a point comes from its edition’s publication, in an edition asking the question', [...path, 'publication'], point.publication);
          }
          if (point.status === 'publie' && edition.minCell !== null && point.n !== null && point.n < edition.minCell) {
            issue(`a published figure rests on ${edition.minCell} respondents at least`, [...path, 'n'], point.n);
          }
        });
      });
    }),
  );
export type EvolutionResponse = z.infer<typeof EvolutionResponse>;
