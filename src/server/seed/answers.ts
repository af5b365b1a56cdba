import { evaluateCondition, hasOtherText, otherTextKey, type CollectiviteProfile } from '../../core/questionnaire/index.js';
import type { Answers, Question, QuestionnaireDefinition } from '../../core/schema/questionnaire.js';
import { isNoneCode, type ChoiceProfile, type QuestionProfile, type TicksProfile } from './profiles.js';
import type { Prng } from './prng.js';

/** Who answers, as far as the answers depend on it. */
export interface RespondentTraits {
  /** Population of the collectivité's territory. */
  population: number;
  /** The collectivité's kind and population band, which conditions may read. */
  collectivite?: CollectiviteProfile;
  /** Whether an élu or an agent answers: their functions differ. */
  role?: 'agent' | 'elu';
}

/** Short texts for free-text answers: neutral, and never published anyway. */
const FREE_TEXTS = [
  'Former davantage les agents aux outils numériques.',
  'Mutualiser les moyens avec les communes voisines.',
  'Un accompagnement de proximité pour les habitants.',
  'Disposer d’un budget dédié sur plusieurs années.',
  'Renforcer la sécurité des postes de travail.',
];

const OTHER_TEXTS = ['Dispositif local', 'Solution départementale', 'Outil interne', 'Partenariat associatif'];

/**
 * How much a collectivité's size moves its answers: 0 for about 1,000 inhabitants (the typical
 * respondent, so shares overall stay near their targets), positive above (better equipped),
 * negative below; bounded so that shares stay plausible.
 */
export function sizeTilt(population: number): number {
  const tilt = 0.35 * Math.log10(Math.max(population, 50) / 1000);
  return Math.max(-1, Math.min(1.2, tilt));
}

function pickChoice(profile: ChoiceProfile, traits: RespondentTraits, rng: Prng): string {
  const tilt = profile.tilt ? sizeTilt(traits.population) : 0;
  const weights = profile.codes.map((code, i) => {
    const weight = profile.weights[i]!;
    if (code === 'nsp' || code === 'autre') return weight;
    return weight * Math.exp(isNoneCode(code) ? -tilt : tilt * 0.5);
  });
  return rng.weighted(profile.codes, weights);
}

function pickTicks(profile: TicksProfile, traits: RespondentTraits, rng: Prng): string[] {
  // Published shares are kept as they are; made-up ones lean with size.
  const tilt = profile.targeted ? 0 : sizeTilt(traits.population);
  if (profile.exclusive && rng.chance(Math.min(0.95, profile.exclusive.p * Math.exp(-tilt)))) return [profile.exclusive.code];
  const ticked = profile.codes.filter(({ p }) => rng.chance(Math.min(0.97, p * Math.exp(tilt * 0.4))));
  if (ticked.length > 0) return ticked.map(({ code }) => code);
  // At least one box. Where shares are published, "other" takes the slack so they are not inflated;
  // elsewhere the likeliest boxes are the likeliest single answer.
  const codes = profile.codes.map(({ code }) => code);
  if (profile.targeted && codes.includes('autre')) return ['autre'];
  return [rng.weighted(codes, profile.codes.map(({ p }) => p))];
}

/** Plausible figures for the built-in number questions, scaled on population; a generic guess otherwise. */
function pickNumber(question: Extract<Question, { kind: 'number' }>, traits: RespondentTraits, rng: Prng): number {
  const population = traits.population;
  const noise = Math.exp(0.5 * rng.normal());
  const scales: Record<string, number> = {
    nombre_lieux: 1 + population / 25000,
    nombre_conseillers: 1 + population / 40000,
    nombre_etablissements_scolaires: population / 1800,
    nombre_postes: 2 + population / 120,
    nombre_agents: 1 + population / 90,
    nombre_jeux_donnees: 3 + population / 20000,
    part_demandes_en_ligne: 25,
    budget_numerique_annuel: 2000 + population * 12,
  };
  const min = question.min ?? 0;
  const max = question.max ?? Number.MAX_SAFE_INTEGER;
  const scale = scales[question.id] ?? Math.max(min, 1) * (1 + Math.sqrt(population) / 20);
  let value = scale * noise;
  if (question.id === 'part_demandes_en_ligne') value = rng.int(0, 80);
  if (question.integer !== false) value = Math.round(value);
  else value = Math.round(value * 10) / 10;
  return Math.min(max, Math.max(min, value));
}

/**
 * Questions asked in ranges rather than as numbers (their codes are the ranges, then `nsp`): a
 * plausible figure scaled on population, as for numbers, then its range; some do not know.
 */
const RANGES: Record<string, { scale: (population: number) => number; upper: readonly number[]; dontKnow: number }> = {
  nombre_postes: { scale: (p) => 2 + p / 120, upper: [0, 4, 19, 99, 499], dontKnow: 0.04 },
  nombre_agents: { scale: (p) => 1 + p / 90, upper: [0, 5, 20, 100], dontKnow: 0.03 },
  nombre_jeux_donnees: { scale: (p) => 3 + p / 20000, upper: [4, 19, 99], dontKnow: 0.1 },
  part_demandes_en_ligne: { scale: () => 20, upper: [9, 24, 49, 74], dontKnow: 0.12 },
  budget_numerique_annuel: { scale: (p) => 2000 + p * 12, upper: [4999, 49999, 499999, 4999999], dontKnow: 0.08 },
};

function pickRange(question: Extract<Question, { kind: 'single' }>, traits: RespondentTraits, rng: Prng): string | undefined {
  const range = RANGES[question.id];
  if (range === undefined) return undefined;
  if (rng.chance(range.dontKnow)) return 'nsp';
  const value = range.scale(traits.population) * Math.exp(0.5 * rng.normal());
  const figure = question.id === 'part_demandes_en_ligne' ? rng.int(0, 80) : Math.round(value);
  const position = range.upper.findIndex((upper) => figure <= upper);
  return question.options[position === -1 ? range.upper.length : position]!.code;
}

/** The functions an élu and an agent may hold; a secrétaire de mairie works for a commune. */
function pickFunction(traits: RespondentTraits, rng: Prng): string {
  if (traits.role === 'elu') return rng.weighted(['maire_president', 'adjoint_vice_president'], [0.6, 0.4]);
  const commune = traits.collectivite?.kind === 'commune';
  const small = traits.population < 3500;
  const codes = ['dgs', 'secretaire_mairie', 'dsi', 'autre_agent', 'pour_le_compte'];
  const weights = commune && small ? [0.1, 0.65, 0.02, 0.13, 0.1] : commune ? [0.3, 0.15, 0.2, 0.3, 0.05] : [0.25, 0, 0.35, 0.35, 0.05];
  return rng.weighted(codes, weights);
}

/**
 * A complete, valid set of answers for one respondent: the definition is walked in order, and
 * each question is answered only if the answers so far show it, so no hidden question is
 * answered and every visible required one is.
 */
export function generateAnswers(
  definition: QuestionnaireDefinition,
  profiles: ReadonlyMap<string, QuestionProfile>,
  traits: RespondentTraits,
  rng: Prng,
): Answers {
  const answers: Answers = {};
  for (const section of definition.sections) {
    for (const question of section.questions) {
      if (question.visibleIf && !evaluateCondition(question.visibleIf, answers, traits.collectivite)) continue;
      const optional = question.required === false;
      const profile = profiles.get(question.id);
      switch (question.kind) {
        case 'yesno':
        case 'single': {
          if (optional && rng.chance(0.15)) break;
          if (question.id === 'fonction_repondant') answers[question.id] = pickFunction(traits, rng);
          else answers[question.id] = (question.kind === 'single' ? pickRange(question, traits, rng) : undefined) ?? pickChoice(profile as ChoiceProfile, traits, rng);
          break;
        }
        case 'multiple': {
          if (optional && rng.chance(0.15)) break;
          answers[question.id] = pickTicks(profile as TicksProfile, traits, rng);
          break;
        }
        case 'number':
          if (optional && rng.chance(0.3)) break;
          answers[question.id] = pickNumber(question, traits, rng);
          break;
        case 'text':
          // Few people write a free answer unless they must.
          if (optional && !rng.chance(0.2)) break;
          answers[question.id] = FREE_TEXTS[rng.int(0, FREE_TEXTS.length - 1)]!.slice(0, question.maxLength);
          break;
      }
      const value = answers[question.id];
      if (hasOtherText(question) && (value === 'autre' || (Array.isArray(value) && value.includes('autre')))) {
        answers[otherTextKey(question.id)] = OTHER_TEXTS[rng.int(0, OTHER_TEXTS.length - 1)]!;
      }
    }
  }
  return answers;
}
