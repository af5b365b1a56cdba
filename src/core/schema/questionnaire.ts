import * as z from 'zod/mini';
import { MACHINE_ID, VERSION } from './patterns.js';
import { LocalizedText } from './text.js';

/** The nine themes of the Baromètre, in publication order (three waves of three). */
export const THEMES = [
  'inclusion',
  'cybersecurite',
  'communication',
  'infrastructures',
  'outils-internes',
  'donnees',
  'dematerialisation',
  'services-en-ligne',
  'strategie',
] as const;
export const ThemeId = z.enum(THEMES);
export type ThemeId = z.infer<typeof ThemeId>;

/** Question ids and answer codes are stable machine ids: published results and stored answers refer to them. */
export const QuestionId = z.string().check(z.regex(MACHINE_ID));
export const AnswerCode = z.string().check(z.regex(MACHINE_ID));

export { OTHER_CODE, YES_NO_CODES } from './codes.js';

/**
 * A comparison on the collectivité that answers rather than on an answer, from the referential:
 * its kind (`commune`, `epci`, `departement`, `region`, `csp`, `syndicat`), its population band
 * (the ids of `POPULATION_BAND_IDS`, e.g. `3500-4999`), or its population compared with a
 * threshold, read on its band (so thresholds sit on band boundaries: 500, 1 000, 3 500, 5 000,
 * 10 000, 20 000, 50 000, 100 000). A collectivité whose kind or band is not known meets none.
 */
export type CollectiviteCondition =
  | { collectivite: 'kind'; in: string[] }
  | { collectivite: 'band'; in: string[] }
  | { collectivite: 'population'; gt: number }
  | { collectivite: 'population'; gte: number }
  | { collectivite: 'population'; lt: number }
  | { collectivite: 'population'; lte: number };

/** What a comparison on the collectivité reads. */
export type CollectiviteFact = CollectiviteCondition['collectivite'];

/**
 * When a question is shown, as data (never code), so definitions can be loaded from anywhere
 * and evaluated without `eval`. A condition on a question that is hidden or unanswered is false,
 * except under `not`. A condition may also read the collectivité that answers
 * ({@link CollectiviteCondition}).
 */
export type Condition =
  | { question: string; equals: string | number }
  | { question: string; in: string[] }
  | { question: string; includes: string }
  | { question: string; gt: number }
  | { question: string; gte: number }
  | { question: string; lt: number }
  | { question: string; lte: number }
  | CollectiviteCondition
  | { not: Condition }
  | { all: Condition[] }
  | { any: Condition[] };

const listedFact = z.union([z.literal('kind'), z.literal('band')]);
const population = z.literal('population');

export const Condition: z.ZodMiniType<Condition> = z.union([
  z.strictObject({ question: QuestionId, equals: z.union([z.string(), z.number()]) }),
  z.strictObject({ question: QuestionId, in: z.array(z.string()).check(z.minLength(1)) }),
  z.strictObject({ question: QuestionId, includes: z.string() }),
  z.strictObject({ question: QuestionId, gt: z.number() }),
  z.strictObject({ question: QuestionId, gte: z.number() }),
  z.strictObject({ question: QuestionId, lt: z.number() }),
  z.strictObject({ question: QuestionId, lte: z.number() }),
  z.strictObject({ collectivite: listedFact, in: z.array(z.string()).check(z.minLength(1)) }),
  z.strictObject({ collectivite: population, gt: z.number() }),
  z.strictObject({ collectivite: population, gte: z.number() }),
  z.strictObject({ collectivite: population, lt: z.number() }),
  z.strictObject({ collectivite: population, lte: z.number() }),
  z.strictObject({
    get not() {
      return Condition;
    },
  }),
  z.strictObject({
    get all() {
      return z.array(Condition).check(z.minLength(1));
    },
  }),
  z.strictObject({
    get any() {
      return z.array(Condition).check(z.minLength(1));
    },
  }),
]);

export const AnswerOption = z.strictObject({
  code: AnswerCode,
  label: LocalizedText,
});
export type AnswerOption = z.infer<typeof AnswerOption>;

const questionBase = {
  id: QuestionId,
  label: LocalizedText,
  help: z.optional(LocalizedText),
  /** Defaults to true: an unanswered visible question blocks the step. */
  required: z.optional(z.boolean()),
  visibleIf: z.optional(Condition),
  /** Shown to the respondent after submission beside the shares of comparable collectivités. */
  headline: z.optional(z.boolean()),
  /**
   * Answers that could harm a collectivité singled out (attacks suffered and their consequences,
   * complaints, notifications to the CNIL, amounts of money): besides the threshold every figure
   * obeys, their small counts are hidden too. "Je ne sais pas" is never sensitive.
   */
  sensible: z.optional(z.boolean()),
};

/** Oui / non / ne sait pas: the codes are always `oui`, `non`, `nsp`. */
export const YesNoQuestion = z.strictObject({ ...questionBase, kind: z.literal('yesno') });
export const SingleChoiceQuestion = z.strictObject({
  ...questionBase,
  kind: z.literal('single'),
  options: z.array(AnswerOption).check(z.minLength(2)),
  /** When true, choosing the `autre` option asks for a short text, stored under `<id>.autre`. */
  otherSpecify: z.optional(z.boolean()),
});
export const MultipleChoiceQuestion = z.strictObject({
  ...questionBase,
  kind: z.literal('multiple'),
  options: z.array(AnswerOption).check(z.minLength(2)),
  otherSpecify: z.optional(z.boolean()),
  /** An option code that cannot be combined with others (e.g. `aucun`). */
  exclusive: z.optional(AnswerCode),
});
/**
 * A range of answers to a number question, as its figures are published: every value up to
 * `max` (inclusive) not taken by an earlier bin; the last bin has no `max` and takes the rest.
 */
export const NumberBin = z.strictObject({
  code: AnswerCode,
  label: LocalizedText,
  max: z.optional(z.number()),
});
export type NumberBin = z.infer<typeof NumberBin>;

export const NumberQuestion = z.strictObject({
  ...questionBase,
  kind: z.literal('number'),
  min: z.optional(z.number()),
  max: z.optional(z.number()),
  integer: z.optional(z.boolean()),
  unit: z.optional(LocalizedText),
  /**
   * The ranges its figures are published in. A number question is published as a distribution
   * over bins (and a rounded median on large bases), never as respondents' own values; without
   * bins it is not published at all.
   */
  bins: z.optional(z.array(NumberBin).check(z.minLength(2))),
});
export const TextQuestion = z.strictObject({
  ...questionBase,
  kind: z.literal('text'),
  maxLength: z.number().check(z.int(), z.positive(), z.lte(2000)),
});

export const Question = z.discriminatedUnion('kind', [
  YesNoQuestion,
  SingleChoiceQuestion,
  MultipleChoiceQuestion,
  NumberQuestion,
  TextQuestion,
]);
export type Question = z.infer<typeof Question>;
export type QuestionKind = Question['kind'];

export const Section = z.strictObject({
  id: QuestionId,
  title: LocalizedText,
  description: z.optional(LocalizedText),
  questions: z.array(Question).check(z.minLength(1)),
});
export type Section = z.infer<typeof Section>;

/** A whole thematic questionnaire. Definitions are data: a deployment may load its own. */
export const QuestionnaireDefinition = z.strictObject({
  theme: ThemeId,
  /** Changes whenever questions or codes change; drafts and contributions are keyed by it. */
  version: z.string().check(z.regex(VERSION)),
  title: LocalizedText,
  description: z.optional(LocalizedText),
  wave: z.union([z.literal(1), z.literal(2), z.literal(3)]),
  estimatedMinutes: z.number().check(z.int(), z.positive()),
  sections: z.array(Section).check(z.minLength(1)),
});
export type QuestionnaireDefinition = z.infer<typeof QuestionnaireDefinition>;

/**
 * One answer: a code (yes/no, single), codes (multiple), a number, or a text.
 * "Other, specify" texts live beside the answer under the key `<questionId>.autre`.
 */
export const AnswerValue = z.union([z.string(), z.number(), z.array(z.string())]);
export type AnswerValue = z.infer<typeof AnswerValue>;

/** Answers keyed by question id (and `<questionId>.autre` for "other, specify" texts). */
export const Answers = z.record(z.string(), AnswerValue);
export type Answers = z.infer<typeof Answers>;
