import * as z from 'zod/mini';
import { contractRefinement } from './contract.js';
import { AnswerCode, QuestionId, ThemeId } from './questionnaire.js';
import { AnswerResult, FigureStatus, MIN_CELL_FLOOR, Ponderation, PublicationRef } from './results.js';
import { LocalizedText } from './text.js';
import { parseTerritoryId } from '../territory/territory-id.js';

/**
 * The answer of `GET {api}/resultats/:theme/carte?niveau=…&question=…&ponderation=…`: one
 * question's figures for every département (or région) at once, which is what a map needs. Each
 * territory carries the same figures, with the same confidentiality protection, as
 * `GET {api}/resultats/:theme?territoire=<its id>&question=…` would, from the same publication: a
 * figure that is not published is `null`, never a zero.
 *
 * Unknown fields are dropped rather than refused, so a server that adds one does not break maps
 * already embedded in pages; every rule the figures must follow is checked.
 */

/** The two levels the route serves. */
export const MapLevelSchema = z.enum(['departement', 'region']);

const Count = z.number().check(z.int(), z.gte(0));

/**
 * One territory. `status` and `n` mean what they mean in a results series' question: the map and
 * the results agree on every territory. Answers are present only for a published territory.
 */
export const MapTerritoryResult = z.object({
  id: z.string().check(z.minLength(1)),
  name: z.string().check(z.minLength(1)),
  status: FigureStatus,
  n: z.nullable(Count),
  answers: z.optional(z.record(AnswerCode, AnswerResult)),
});
export type MapTerritoryResult = z.infer<typeof MapTerritoryResult>;

/** The whole response. */
export const MapResults = z
  .object({
    theme: ThemeId,
    question: QuestionId,
    niveau: MapLevelSchema,
    /** The weighting applied; the one asked for when absent. */
    ponderation: z.optional(Ponderation),
    /** The questionnaire version the figures come from, when they come from one only. */
    version: z.optional(z.string()),
    publication: PublicationRef,
    /** The confidentiality threshold applied: no published territory has fewer respondents. */
    minCell: z.number().check(z.int(), z.gte(MIN_CELL_FLOOR)),
    /** The credit line under the map, e.g. "Baromètre numérique des collectivités, vague 1". */
    source: LocalizedText,
    territories: z.array(MapTerritoryResult),
  })
  .check(
    contractRefinement((results, report) => {
      results.territories.forEach((territory, index) => {
        const parsed = parseTerritoryId(territory.id);
        if (parsed === null) report('territory_id', ['territories', index, 'id'], { id: territory.id });
        else if (parsed.kind !== results.niveau) {
          report('territory_id_kind', ['territories', index, 'id'], { id: territory.id, kind: results.niveau });
        }
        const answers = Object.entries(territory.answers ?? {});
        if (territory.status !== 'publie') {
          const nOk = territory.status === 'aucune' ? territory.n === 0 : territory.n === null;
          if (!nOk || answers.length > 0) report('status_values', ['territories', index], { status: territory.status });
          return;
        }
        if (territory.n === null) {
          report('published_without_values', ['territories', index, 'n']);
          return;
        }
        if (territory.n < results.minCell) {
          report('below_min_cell', ['territories', index, 'status'], { n: territory.n, minCell: results.minCell });
        }
        for (const [code, answer] of answers) {
          if (answer.count === null) continue;
          if (results.ponderation === 'redressee') report('weighted_count', ['territories', index, 'answers', code, 'count']);
          if (answer.count > territory.n) {
            report('count_above_n', ['territories', index, 'answers', code, 'count'], { count: answer.count, n: territory.n });
          }
        }
      });
    }),
  );
export type MapResults = z.infer<typeof MapResults>;
