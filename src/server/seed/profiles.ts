import { YES_NO_CODES } from '../../core/schema/codes.js';
import { type Question, type QuestionnaireDefinition } from '../../core/schema/questionnaire.js';
import { indicatorSources, publishedIndicators, type PublishedIndicator } from '../../questionnaires/indicators.js';
import { unitHash } from './prng.js';

/**
 * How synthetic respondents answer each question: target shares taken from the published
 * figures where there is one, plausible made-up shares elsewhere. Shares are for a respondent of
 * middle size; `tilt` says how much larger collectivités lean towards the "equipped" answers.
 */

/** Codes that mean "nothing of the kind": larger collectivités choose them less often. */
const NONE_CODES = new Set(['non', 'aucun', 'aucune', 'personne', 'aucune_solution', 'pas_d_acces']);

/** Share of "don't know" beside a published figure: respondents who cannot say, a quarter of them élus. */
const DONT_KNOW_SHARE = 0.04;

/** A choice among exclusive codes (yes/no, single choice). */
export interface ChoiceProfile {
  kind: 'choice';
  codes: string[];
  weights: number[];
  /** Codes favoured by size (equipment) and disfavoured (none). */
  tilt: boolean;
}

/** Ticks among the codes of a multiple choice. */
export interface TicksProfile {
  kind: 'ticks';
  /** Probability of ticking each non-exclusive code. */
  codes: { code: string; p: number }[];
  /** The exclusive "none" code and how often it is chosen alone. */
  exclusive?: { code: string; p: number };
  /** Whether some shares come from published figures (they are then not tilted by size). */
  targeted: boolean;
}

export interface NumberProfile {
  kind: 'number';
}

export interface TextProfile {
  kind: 'text';
}

export type QuestionProfile = ChoiceProfile | TicksProfile | NumberProfile | TextProfile;

/** Where two published figures concern one question, the most recent one is followed. */
function latestIndicators(theme: string): Map<string, ChoiceTarget & { indicator: PublishedIndicator }> {
  const byQuestion = new Map<string, ChoiceTarget & { indicator: PublishedIndicator }>();
  for (const indicator of publishedIndicators) {
    if (indicator.theme !== theme) continue;
    // Several criteria must all hold: give each the k-th root of the share (taken as independent).
    const p = indicator.value ** (1 / indicator.criteria.length);
    for (const criterion of indicator.criteria) {
      const known = byQuestion.get(criterion.question);
      if (known && indicatorSources[known.indicator.source].date >= indicatorSources[indicator.source].date) continue;
      byQuestion.set(criterion.question, { indicator, codes: criterion.codes, p, base: indicator.base });
    }
  }
  return byQuestion;
}

/** Ticking targets of a multiple choice: one per published code. */
function tickTargets(theme: string): Map<string, Map<string, number>> {
  const targets = new Map<string, Map<string, number>>();
  const order = [...publishedIndicators].sort((a, b) =>
    indicatorSources[a.source].date.localeCompare(indicatorSources[b.source].date),
  );
  for (const indicator of order) {
    if (indicator.theme !== theme || indicator.criteria.length !== 1) continue;
    const [criterion] = indicator.criteria;
    const codes = targets.get(criterion.question) ?? new Map<string, number>();
    for (const code of criterion.codes) codes.set(code, indicator.value / criterion.codes.length);
    targets.set(criterion.question, codes);
  }
  return targets;
}

/** A published share for some codes of a question, and what it is a share of. */
export interface ChoiceTarget {
  codes: readonly string[];
  p: number;
  base: PublishedIndicator['base'];
}

/** The profile of a yes/no or single-choice question, meeting `target` when given. */
export function choiceProfile(question: Extract<Question, { kind: 'yesno' | 'single' }>, target?: ChoiceTarget): ChoiceProfile {
  const codes = question.kind === 'yesno' ? [...YES_NO_CODES] : question.options.map((option) => option.code);
  const weights = codes.map((code) => {
    const base = 0.3 + unitHash(`${question.id}:${code}`);
    if (code === 'nsp') return base * 0.12;
    if (code === 'autre') return base * 0.2;
    return base;
  });
  if (question.kind === 'yesno' && !target) {
    // Yes between 20 % and 70 %, "don't know" rare.
    const yes = 0.2 + 0.5 * unitHash(question.id);
    return { kind: 'choice', codes, weights: [yes * 0.96, (1 - yes) * 0.96, 0.04], tilt: true };
  }
  if (target) {
    const inTarget = codes.filter((code) => target.codes.includes(code));
    const others = codes.filter((code) => !target.codes.includes(code));
    const noneInTarget = inTarget.filter((code) => NONE_CODES.has(code));
    const targetWeights = new Map<string, number>();
    for (const code of inTarget) {
      // A "none" code among several takes most of the share (no continuity plan is commoner than a recovery plan alone).
      const share = noneInTarget.length > 0 && inTarget.length > 1
        ? NONE_CODES.has(code) ? 0.9 / noneInTarget.length : 0.1 / (inTarget.length - noneInTarget.length)
        : 1 / inTarget.length;
      targetWeights.set(code, target.p * share);
    }
    // "Don't know" keeps a small share of its own, as on yes/no questions, out of the rest.
    const dontKnow = others.includes('nsp') ? Math.min(DONT_KNOW_SHARE, (1 - target.p) / 3) : 0;
    if (dontKnow > 0) targetWeights.set('nsp', dontKnow);
    const rest = others.filter((code) => code !== 'nsp');
    const otherTotal = rest.reduce((sum, code) => sum + weights[codes.indexOf(code)]!, 0);
    return {
      kind: 'choice',
      codes,
      weights: codes.map((code, i) =>
        targetWeights.get(code) ?? (otherTotal > 0 ? ((1 - target.p - dontKnow) * weights[i]!) / otherTotal : 0),
      ),
      tilt: true,
    };
  }
  return { kind: 'choice', codes, weights, tilt: true };
}

function ticksProfile(question: Extract<Question, { kind: 'multiple' }>, targets?: Map<string, number>): TicksProfile {
  const codes: { code: string; p: number }[] = [];
  let exclusive: TicksProfile['exclusive'];
  for (const { code } of question.options) {
    const target = targets?.get(code);
    if (code === question.exclusive) {
      exclusive = { code, p: target ?? 0.05 + 0.15 * unitHash(`${question.id}:${code}`) };
      continue;
    }
    const p = target ?? (code === 'autre' ? 0.05 : 0.1 + 0.45 * unitHash(`${question.id}:${code}`));
    codes.push({ code, p });
  }
  const targeted = targets !== undefined && targets.size > 0;
  return exclusive ? { kind: 'ticks', codes, exclusive, targeted } : { kind: 'ticks', codes, targeted };
}

/** The published target of each yes/no or single-choice question of a theme that has one. */
export function choiceTargets(theme: string): Map<string, ChoiceTarget> {
  return latestIndicators(theme);
}

/**
 * The answering profile of every question of a definition, before calibration (shares of
 * conditional questions are still those among the respondents asked).
 */
export function profilesOf(definition: QuestionnaireDefinition): Map<string, QuestionProfile> {
  const targets = latestIndicators(definition.theme);
  const ticks = tickTargets(definition.theme);
  const profiles = new Map<string, QuestionProfile>();
  for (const section of definition.sections) {
    for (const question of section.questions) {
      switch (question.kind) {
        case 'yesno':
        case 'single':
          profiles.set(question.id, choiceProfile(question, targets.get(question.id)));
          break;
        case 'multiple':
          profiles.set(question.id, ticksProfile(question, ticks.get(question.id)));
          break;
        case 'number':
          profiles.set(question.id, { kind: 'number' });
          break;
        case 'text':
          profiles.set(question.id, { kind: 'text' });
          break;
      }
    }
  }
  return profiles;
}

/** Whether a code means "nothing of the kind". */
export function isNoneCode(code: string): boolean {
  return NONE_CODES.has(code);
}
