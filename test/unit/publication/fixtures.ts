import { validateContribution, visibleQuestionIds } from '../../../src/core/questionnaire/index.js';
import type { Collectivite } from '../../../src/core/schema/collectivite.js';
import type { Answers, Question, QuestionnaireDefinition, ThemeId } from '../../../src/core/schema/questionnaire.js';
import { definitions } from '../../../src/questionnaires/all.js';
import { computePublication, type UnprotectedCell } from '../../../src/server/publication/build.js';
import type { ThemeFigures } from '../../../src/server/publication/figures.js';
import { defaultReferential } from '../../../src/server/referential/adapter.js';
import { placementOf } from '../../../src/server/referential/placement.js';
import { Prng } from '../../../src/server/seed/prng.js';
import type { PublicationRow } from '../../../src/server/store/types.js';

/**
 * Small, hand-made data sets for the secrecy attack tests: real collectivités of the referential
 * (so that strata sizes and territories are the real ones), answers that pass validation, a
 * publication computed for one theme only. Each data set holds tens of rows, not thousands, so a
 * publication takes seconds.
 */

/** The threshold the attack tests publish with (the test server's too). */
export const K = 5;

/** What a crafted answer may be: a value, or nothing for a question left unanswered. */
export type Forced = Readonly<Record<string, unknown>>;

let everyone: Collectivite[] | undefined;

/** Every collectivité of the referential, once, in a stable order. */
export function allCollectivites(): Collectivite[] {
  everyone ??= [...defaultReferential().collectivites()];
  return everyone;
}

/**
 * The first `count` collectivités matching `filter`, skipping `skip` of them (so that two data
 * sets can take different collectivités of one département). Fails loudly when there are too few.
 */
export function pick(filter: (c: Collectivite) => boolean, count: number, skip = 0): Collectivite[] {
  const found = allCollectivites().filter(filter).slice(skip, skip + count);
  if (found.length < count) throw new Error(`Only ${found.length} collectivités match, ${count} wanted`);
  return found;
}

/** Communes of a département, optionally of one population band. */
export const communesIn = (departement: string, band?: string) => (c: Collectivite) =>
  c.kind === 'commune' && c.departementCode === departement && (band === undefined || c.populationBand === band);

/** Intercommunalités seated in a département. */
export const epciIn = (departement: string) => (c: Collectivite) => c.kind === 'epci' && c.departementCode === departement;

/** A value for a question nobody forced: varied, deterministic. */
function anyValue(question: Question, rng: Prng): unknown {
  switch (question.kind) {
    case 'yesno':
      return rng.chance(0.5) ? 'oui' : 'non';
    case 'single':
      return question.options[rng.int(0, question.options.length - 1)]!.code;
    case 'multiple': {
      const codes = question.options.map((option) => option.code).filter((code) => code !== question.exclusive);
      const ticked = codes.filter(() => rng.chance(0.35));
      if (ticked.length > 0) return ticked;
      return question.exclusive ? [question.exclusive] : [codes[rng.int(0, codes.length - 1)]!];
    }
    case 'number': {
      const min = question.min ?? 0;
      const max = Math.min(question.max ?? 1000, min + 1000);
      return rng.int(Math.ceil(min), Math.floor(max));
    }
    case 'text':
      return question.required === false ? undefined : 'Réponse libre';
  }
}

/**
 * Valid answers to a questionnaire: questions are walked in order and answered only when the
 * answers so far show them; forced values win, others are drawn from `seed`. "Other, specify"
 * gets its text. Throws if the result does not validate (a fixture bug, not a secrecy one).
 */
export function craftAnswers(definition: QuestionnaireDefinition, forced: Forced, seed: number, collectivite?: Collectivite): Answers {
  const rng = new Prng(seed);
  const answers: Record<string, unknown> = {};
  for (const section of definition.sections) {
    for (const question of section.questions) {
      if (!visibleQuestionIds(definition, answers as Answers, collectivite).has(question.id)) continue;
      const value = question.id in forced ? forced[question.id] : anyValue(question, rng);
      if (value === undefined) continue;
      answers[question.id] = value;
      const chosen = Array.isArray(value) ? value : [value];
      if ('otherSpecify' in question && question.otherSpecify && chosen.includes('autre')) answers[`${question.id}.autre`] = 'Précision';
    }
  }
  const problems = validateContribution(definition, answers as Answers, collectivite);
  if (problems.length > 0) throw new Error(`Crafted answers to ${definition.theme} do not validate: ${JSON.stringify(problems)}`);
  return answers as Answers;
}

/** A contribution as a publication counts it. */
export function rowOf(collectivite: Collectivite, definition: QuestionnaireDefinition, answers: Answers): PublicationRow {
  const placement = placementOf(collectivite, defaultReferential());
  return {
    siren: collectivite.siren,
    updatedAt: '2024-03-01T10:00:00.000Z',
    kind: placement.kind,
    band: placement.band,
    communeCode: placement.communeCode,
    epciCode: placement.epciCode,
    departementCode: placement.departementCode,
    regionCode: placement.regionCode,
    version: definition.version,
    answers,
  };
}

/** Rows for collectivités that all answer alike but for the random draws; `forced(i)` picks each one's forced answers. */
export function rowsFor(theme: ThemeId, who: readonly Collectivite[], forced: (i: number, c: Collectivite) => Forced, seed: number): PublicationRow[] {
  const definition = definitions[theme];
  return who.map((c, i) => rowOf(c, definition, craftAnswers(definition, forced(i, c), seed * 7919 + i, c)));
}

/**
 * Rows of communes of each département (of one band when given), each answering `question` as
 * its département's list says, in order; the rest of their answers crafted.
 */
export function rowsAnswering(theme: ThemeId, question: string, answers: Readonly<Record<string, readonly string[]>>, band?: string, seed = 3): PublicationRow[] {
  const who = Object.entries(answers).flatMap(([departement, list]) => pick(communesIn(departement, band), list.length));
  return rowsFor(theme, who, (i, c) => {
    const first = who.findIndex((other) => other.departementCode === c.departementCode);
    return { [question]: answers[c.departementCode!]![i - first] };
  }, seed);
}

/** A theme's publication from crafted rows. */
export interface Published {
  theme: ThemeId;
  definition: QuestionnaireDefinition;
  rows: readonly PublicationRow[];
  figures: ThemeFigures;
  unprotected: UnprotectedCell[];
  minCell: number;
  milliseconds: number;
}

/** Publishes one theme's crafted rows with the real referential. */
export async function publish(theme: ThemeId, rows: readonly PublicationRow[], minCell = K): Promise<Published> {
  const definition = definitions[theme];
  const started = performance.now();
  const computed = await computePublication({
    id: 'test',
    publishedAt: '2024-06-01T00:00:00.000Z',
    edition: '2025',
    minCell,
    referential: defaultReferential(),
    definitions: { [theme]: definition } as Record<ThemeId, QuestionnaireDefinition>,
    rows: async () => [...rows],
    // A first publication: nothing counted before, no earlier version to keep counting.
    versionOf: async () => undefined,
  });
  return {
    theme,
    definition,
    rows,
    figures: computed.figures.themes[theme]!,
    unprotected: computed.unprotected,
    minCell,
    milliseconds: Math.round(performance.now() - started),
  };
}
