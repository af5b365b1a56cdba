import type { ThemeId } from '../../core/schema/questionnaire.js';
import { isNoneCode, type QuestionProfile } from './profiles.js';

/**
 * A year later, collectivités are a little better equipped: the same respondents move a few
 * points away from "nothing of the kind" answers, more on the themes public policy pushed
 * (cybersecurity measures, procedures online, open data). Applied to the answer profiles of the
 * later edition of the synthetic data set, so that evolution shows on a first run.
 */

/** Points of share moved away from "none" answers between two editions, by theme. */
export const YEARLY_DRIFT: Readonly<Record<ThemeId, number>> = {
  inclusion: 0.02,
  cybersecurite: 0.06,
  communication: 0.02,
  infrastructures: 0.03,
  'outils-internes': 0.03,
  donnees: 0.05,
  dematerialisation: 0.08,
  'services-en-ligne': 0.05,
  strategie: 0.03,
};

/** The profiles with `amount` of each choice's "none" share moved to its equipped answers, and ticks raised as much. */
export function driftedProfiles(profiles: ReadonlyMap<string, QuestionProfile>, amount: number): Map<string, QuestionProfile> {
  const drifted = new Map<string, QuestionProfile>();
  for (const [questionId, profile] of profiles) drifted.set(questionId, drift(profile, amount));
  return drifted;
}

function drift(profile: QuestionProfile, amount: number): QuestionProfile {
  if (profile.kind === 'ticks') {
    return {
      ...profile,
      codes: profile.codes.map(({ code, p }) => ({ code, p: Math.min(0.95, p + amount) })),
      ...(profile.exclusive ? { exclusive: { code: profile.exclusive.code, p: Math.max(0, profile.exclusive.p - amount) } } : {}),
    };
  }
  if (profile.kind !== 'choice') return profile;
  const none = profile.codes.map((code) => isNoneCode(code));
  const equipped = profile.codes.map((code, index) => !none[index] && code !== 'nsp');
  const noneShare = profile.weights.reduce((sum, weight, index) => sum + (none[index] ? weight : 0), 0);
  const equippedShare = profile.weights.reduce((sum, weight, index) => sum + (equipped[index] ? weight : 0), 0);
  if (noneShare === 0 || equippedShare === 0) return profile;
  const moved = Math.min(amount, noneShare);
  return {
    ...profile,
    weights: profile.weights.map((weight, index) => {
      if (none[index]) return weight * (1 - moved / noneShare);
      if (equipped[index]) return weight * (1 + moved / equippedShare);
      return weight;
    }),
  };
}
