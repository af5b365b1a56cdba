import * as z from 'zod/mini';
import { contractRefinement } from './contract.js';
import { AnswerCode, QuestionId, ThemeId } from './questionnaire.js';
import { AnswerResult, MIN_CELL_FLOOR, Ponderation } from './results.js';
import { LocalizedText } from './text.js';
import { parseTerritoryId } from '../territory/territory-id.js';

/**
 * The answer of `GET {api}/resultats/:theme/carte?niveau=…&question=…&ponderation=…`: one
 * question's figures for every département (or région) at once, which is what a map needs. Each
 * territory carries the same figures, with the same confidentiality protection, as
 * `GET {api}/resultats/:theme?territoire=<its id>&question=…` would: a suppressed cell is
 * `null`, never a zero.
 *
 * Unknown fields are dropped rather than refused, so a server that adds one does not break maps
 * already embedded in pages; every rule the figures must follow is checked.
 */

/** The two levels the route serves. */
export const MapLevelSchema = z.enum(['departement', 'region']);

const Count = z.number().check(z.int(), z.gte(0));

/**
 * One territory. `n` counts the respondents who answered the question there (the base of
 * `share`); `0` means nobody did. `suppressed` hides the whole territory (too few respondents,
 * or protection against differencing); its answers are then absent or all `null`.
 */
export const MapTerritoryResult = z.object({
  id: z.string().check(z.minLength(1)),
  name: z.string().check(z.minLength(1)),
  n: Count,
  suppressed: z.boolean(),
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
    /** The confidentiality threshold applied: no shown territory has fewer respondents. */
    minCell: z.number().check(z.int(), z.gte(MIN_CELL_FLOOR)),
    generatedAt: z.iso.datetime(),
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
        if (territory.suppressed) {
          for (const [code, answer] of answers) {
            if (answer.count !== null || answer.share !== null || answer.shareOfAll !== null) {
              report('suppressed_question_values', ['territories', index, 'answers', code]);
            }
          }
          return;
        }
        if (territory.n < results.minCell) {
          report('below_min_cell', ['territories', index, 'suppressed'], { n: territory.n, minCell: results.minCell });
        }
        for (const [code, answer] of answers) {
          if (answer.count !== null && answer.count > territory.n) {
            report('count_above_n', ['territories', index, 'answers', code, 'count'], { count: answer.count, n: territory.n });
          }
        }
      });
    }),
  );
export type MapResults = z.infer<typeof MapResults>;
