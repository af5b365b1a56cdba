import * as z from 'zod/mini';
import { contractRefinement } from './contract.js';
import { AnswerCode, QuestionId, QuestionnaireDefinition, ThemeId } from './questionnaire.js';
import { MIN_CELL_FLOOR, PublicationRef, Series, SeriesTerritory } from './results.js';
import { LocalizedText } from './text.js';

/**
 * The answer of `GET {api}/synthese?territoire=…`: everything the synthesis of a territory shows,
 * in one response — for each of the nine themes, the headline questions' figures for the
 * territory and its comparisons (région, France, similar collectivités where the results offer
 * them), and how many collectivités answered. Every series is the one
 * `GET {api}/resultats/:theme?territoire=…&comparer=…` gives from the same publication, cut down
 * to the headline questions and the answers the synthesis shows: nothing is published here that
 * the results do not already publish.
 */

/** One answer the synthesis shows, with its wording in both languages. */
export const SynthesisAnswer = z.strictObject({
  code: AnswerCode,
  label: LocalizedText,
});
export type SynthesisAnswer = z.infer<typeof SynthesisAnswer>;

/** A headline question, worded, with the answers shown (a yes/no question shows "oui" only). */
export const SynthesisQuestion = z.strictObject({
  id: QuestionId,
  label: LocalizedText,
  answers: z.array(SynthesisAnswer).check(z.minLength(1)),
});
export type SynthesisQuestion = z.infer<typeof SynthesisQuestion>;

/**
 * One theme: its headline questions, then one series per column (the territory first), each
 * holding those questions only. A series' `n` is the theme's participation in that territory.
 */
export const SynthesisTheme = z.strictObject({
  theme: ThemeId,
  title: LocalizedText,
  version: z.optional(QuestionnaireDefinition.shape.version),
  questions: z.array(SynthesisQuestion),
  series: z.array(Series).check(z.minLength(1)),
});
export type SynthesisTheme = z.infer<typeof SynthesisTheme>;

/** The whole response. */
export const SynthesisResponse = z
  .strictObject({
    /** The territory the synthesis is about, named in the language asked. */
    territory: SeriesTerritory,
    publication: PublicationRef,
    /** The confidentiality threshold applied: no published figure rests on fewer respondents. */
    minCell: z.number().check(z.int(), z.gte(MIN_CELL_FLOOR)),
    /** The credit line, e.g. "Baromètre numérique des collectivités, vagues 1, 2 et 3". */
    source: LocalizedText,
    themes: z.array(SynthesisTheme),
  })
  .check(
    contractRefinement((synthesis, report) => {
      const { minCell } = synthesis;
      synthesis.themes.forEach((theme, t) => {
        theme.series.forEach((series, s) => {
          if (series.status === 'publie' && series.n !== null && series.n < minCell) {
            report('below_min_cell', ['themes', t, 'series', s, 'status'], { n: series.n, minCell });
          }
          for (const [id, question] of Object.entries(series.questions)) {
            if (question.status === 'publie' && question.n !== null && question.n < minCell) {
              report('below_min_cell', ['themes', t, 'series', s, 'questions', id, 'status'], { n: question.n, minCell });
            }
          }
        });
      });
    }),
  );
export type SynthesisResponse = z.infer<typeof SynthesisResponse>;
