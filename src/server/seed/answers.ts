import { evaluateCondition, hasOtherText, otherTextKey } from '../../core/questionnaire/index.js';
import type { Answers, Question, QuestionnaireDefinition } from '../../core/schema/questionnaire.js';
import { isNoneCode, type ChoiceProfile, type QuestionProfile, type TicksProfile } from './profiles.js';
import type { Prng } from './prng.js';

/** Who answers, as far as the answers depend on it. */
export interface RespondentTraits {
  /** Population of the collectivité's territory. */
  population: number;
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
      if (question.visibleIf && !evaluateCondition(question.visibleIf, answers)) continue;
      const optional = question.required === false;
      const profile = profiles.get(question.id);
      switch (question.kind) {
        case 'yesno':
        case 'single': {
          if (optional && rng.chance(0.15)) break;
          answers[question.id] = pickChoice(profile as ChoiceProfile, traits, rng);
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
