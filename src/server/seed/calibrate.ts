import { visibleQuestionIds } from '../../core/questionnaire/index.js';
import { bandOf } from '../../core/territory/population-band.js';
import type { QuestionnaireDefinition } from '../../core/schema/questionnaire.js';
import { generateAnswers } from './answers.js';
import { choiceProfile, choiceTargets, profilesOf, type ChoiceTarget, type QuestionProfile } from './profiles.js';
import { hashString, Prng } from './prng.js';

/** Respondents simulated to measure how often each question is asked. */
const TRIALS = 2000;
/** A typical respondent's population, where size moves no answer. */
const TYPICAL_POPULATION = 1000;
/** The typical respondent: a commune of that size. */
const TYPICAL = { population: TYPICAL_POPULATION, collectivite: { kind: 'commune', populationBand: bandOf(TYPICAL_POPULATION) }, role: 'agent' } as const;
/** No share is pushed beyond this, so every answer still occurs. */
const MAX_SHARE = 0.95;

/**
 * Profiles whose published shares hold over all respondents. A figure such as "34 % have a
 * remote-work charter" counts every respondent, but the question is only asked of those who
 * telework: its share among those asked must be 34 % divided by how often it is asked, which
 * a quick simulation of the questionnaire measures.
 */
export function calibratedProfiles(definition: QuestionnaireDefinition): ReadonlyMap<string, QuestionProfile> {
  let profiles = cache.get(definition);
  if (!profiles) {
    profiles = calibrate(definition);
    cache.set(definition, profiles);
  }
  return profiles;
}

// Definitions are immutable data: one calibration per definition object and process.
const cache = new WeakMap<QuestionnaireDefinition, Map<string, QuestionProfile>>();

function calibrate(definition: QuestionnaireDefinition): Map<string, QuestionProfile> {
  const profiles = profilesOf(definition);
  const conditional = new Map<string, ChoiceTarget>();
  for (const [questionId, target] of choiceTargets(definition.theme)) {
    if (target.base !== 'respondents') continue;
    const question = definition.sections.flatMap((s) => s.questions).find((q) => q.id === questionId);
    if (question?.visibleIf && (question.kind === 'yesno' || question.kind === 'single')) conditional.set(questionId, target);
  }
  if (conditional.size === 0) return profiles;

  const rng = new Prng(hashString(`calibration:${definition.theme}`));
  const asked = new Map<string, number>();
  for (let i = 0; i < TRIALS; i++) {
    const answers = generateAnswers(definition, profiles, TYPICAL, rng);
    const visible = visibleQuestionIds(definition, answers, TYPICAL.collectivite);
    for (const questionId of conditional.keys()) if (visible.has(questionId)) asked.set(questionId, (asked.get(questionId) ?? 0) + 1);
  }
  for (const [questionId, target] of conditional) {
    const rate = (asked.get(questionId) ?? 0) / TRIALS;
    if (rate === 0) continue;
    const question = definition.sections.flatMap((s) => s.questions).find((q) => q.id === questionId)!;
    if (question.kind !== 'yesno' && question.kind !== 'single') continue;
    profiles.set(questionId, choiceProfile(question, { ...target, p: Math.min(MAX_SHARE, target.p / rate) }));
  }
  return profiles;
}
