import { codesOf } from '../../../core/stats/tally.js';
import { leavesOf, type LinkExpression } from './follow-ups.js';
import type { HiddenReason, Protection, SecrecyState } from './state.js';

/**
 * Primary suppression: the cells hidden for what they are.
 *
 * - The threshold (`seuil`): a series or a question answered by 1 to k − 1 collectivités shows
 *   nothing but that; each of its counts must stay uncertain by at least one respondent either
 *   way, so that nobody's answer can be read.
 * - Sensitive questions (`sensible`): a count of 1 to k − 1 (other than "ne sait pas") is hidden
 *   even in a large series, and must stay uncertain up to k (and down to zero when it is small):
 *   nobody can tell that few collectivités of a territory were attacked, or which amount they spend.
 * - Follow-ups: a question shown only to those who gave a hidden answer would publish that count
 *   as its own number of respondents, so it is withheld wherever a cell it reads is hidden.
 * Complements (`complement`) need only never be recoverable exactly.
 */

const NOT_SENSITIVE_CODE = 'nsp';

/** The protection a hidden cell needs, from the rules that apply to it and the reason it is hidden for. */
export function protectionFor(state: SecrecyState, s: number, q: number, code: string, reason: HiddenReason): Protection {
  const k = state.minCell;
  const x = state.value(s, q, code);
  const room = Math.max(0, state.upper(s, q) - x);
  let protection: Protection = { reason, below: 0, above: 0 };
  const raise = (why: HiddenReason, margin: number) => {
    protection = {
      reason: why,
      below: Math.max(protection.below, Math.min(margin, x)),
      above: Math.max(protection.above, Math.min(margin, room)),
    };
  };
  const base = state.base(s, q);
  if (state.tables.series[s]!.n < k || (base > 0 && base < k)) raise('seuil', 1);
  if (state.question(q).sensible && code !== NOT_SENSITIVE_CODE && x > 0 && x < k) raise('sensible', k - x);
  return protection;
}

/** Hides every code of a question in a series. Returns the codes newly hidden. */
export function hideQuestion(state: SecrecyState, s: number, q: number, reason: HiddenReason): string[] {
  const hidden: string[] = [];
  for (const code of codesOf(state.question(q))) {
    if (state.hide(s, q, code, protectionFor(state, s, q, code, reason))) hidden.push(code);
  }
  return hidden;
}

/** Applies the threshold and the sensitive-question rule to every series and question. */
export function applyPrimaryRules(state: SecrecyState): void {
  const { series, questions } = state.tables;
  for (let s = 0; s < series.length; s++) {
    if (state.seriesStatus(s) === 'aucune') continue;
    for (let q = 0; q < questions.length; q++) applyPrimaryRulesTo(state, s, q);
  }
}

/** The threshold and the sensitive-question rule for one question of one series. */
export function applyPrimaryRulesTo(state: SecrecyState, s: number, q: number): void {
  const status = state.questionStatus(s, q);
  if (status === 'insuffisant') {
    hideQuestion(state, s, q, 'seuil');
    return;
  }
  const question = state.question(q);
  if (status !== 'publie' || !question.sensible) return;
  for (const code of codesOf(question)) {
    const protection = protectionFor(state, s, q, code, 'complement');
    if (protection.reason === 'sensible') state.hide(s, q, code, protection);
  }
}

/**
 * Withholds every follow-up in every series where a cell its condition reads is not known.
 * Returns the cells newly hidden, as `[series, question, code]`.
 */
export function maskFollowUps(state: SecrecyState, links: ReadonlyMap<number, LinkExpression>): [number, number, string][] {
  const position = new Map(state.tables.questions.map((question, q) => [question.id, q]));
  const hidden: [number, number, string][] = [];
  // Definition order: a follow-up of a follow-up is masked after its parent.
  for (const [q, link] of [...links].sort(([a], [b]) => a - b)) {
    for (let s = 0; s < state.tables.series.length; s++) {
      if (state.seriesStatus(s) !== 'publie' || state.questionStatus(s, q) === 'masque') continue;
      const reads = leavesOf(link).every((leaf) => leaf.codes.every((code) => state.isKnown(s, position.get(leaf.question)!, code)));
      if (reads) continue;
      state.mask(s, q);
      for (const code of hideQuestion(state, s, q, 'complement')) hidden.push([s, q, code]);
    }
  }
  return hidden;
}
