import { codesOf } from '../../../core/stats/tally.js';
import { headlineShown } from '../headline-coverage.js';
import type { Layout } from '../layout.js';
import type { Complements } from './complement.js';
import { leavesOf, type LinkExpression } from './follow-ups.js';
import { applyPrimaryRulesTo, hideQuestion } from './primary.js';
import type { SecrecyState } from './state.js';

/**
 * Complements are chosen relation by relation: a département below k gets, for each of its
 * answers, the cheapest sibling able to absorb that answer's uncertainty — often one sibling for
 * "oui", another for "ne sait pas". Each sibling then loses its whole headline figure, where one
 * sibling hiding every answer would have protected the small département alone.
 *
 * So, before the audit, for each région and headline question where several départements lose
 * the question to complements only, one of them is tried as the only one: its question hidden
 * whole, the others' complements shown again, the relations closed once more. The trial is kept
 * when fewer headline figures of départements are lost and no région or France figure is hidden
 * for it; otherwise everything goes back as it was. A question shown again brings back its
 * follow-ups as the primary rules leave them (they were withheld because it was hidden). The audit
 * then checks the result like any other choice of complements.
 */

/** Per question, by position: the follow-ups it shows, directly or through other follow-ups. */
function followUpsOf(state: SecrecyState, links: ReadonlyMap<number, LinkExpression>): number[][] {
  const position = new Map(state.tables.questions.map((question, q) => [question.id, q]));
  const shows = state.tables.questions.map(() => new Set<number>());
  for (const [child, link] of links) for (const leaf of leavesOf(link)) shows[position.get(leaf.question)!]!.add(child);
  const below = (q: number, seen: Set<number>): Set<number> => {
    for (const child of shows[q]!) if (!seen.has(child)) below(child, seen.add(child));
    return seen;
  };
  return shows.map((_children, q) => [...below(q, new Set())]);
}

/** Shows a question of a series again, with its follow-ups, as the primary rules alone leave them. */
function showAgain(state: SecrecyState, s: number, questions: readonly number[]): void {
  for (const q of questions) {
    state.unmask(s, q);
    for (const code of codesOf(state.question(q))) state.reveal(s, q, code);
    applyPrimaryRulesTo(state, s, q);
  }
}

/** Headline (département × question) pairs with at least k respondents whose headline figures are not all published. */
function lostHeadlines(state: SecrecyState, departements: readonly number[], headlines: readonly number[]): number {
  let lost = 0;
  for (const q of headlines) for (const s of departements) if (losesQuestion(state, s, q)) lost += 1;
  return lost;
}

function losesQuestion(state: SecrecyState, s: number, q: number): boolean {
  return state.base(s, q) >= state.minCell && !headlineShown(state, s, q);
}

/** Hidden cells of région, France and whole groups: what a trial must not add to. */
function hiddenAbove(state: SecrecyState, wide: readonly number[]): number {
  let hidden = 0;
  for (const s of wide) for (let q = 0; q < state.tables.questions.length; q++) hidden += state.hiddenIn(s, q);
  return hidden;
}

/** Whether a département's question is hidden for complements only (a sensitive or small count stays). */
function freeable(state: SecrecyState, s: number, q: number): boolean {
  if (state.questionStatus(s, q) !== 'publie' || state.hiddenIn(s, q) === 0) return false;
  return codesOf(state.question(q)).every((code) => (state.protection(s, q, code)?.reason ?? 'complement') === 'complement');
}

export function consolidate(state: SecrecyState, complements: Complements, layout: Layout, links: ReadonlyMap<number, LinkExpression>): void {
  const { tables } = state;
  const followUps = followUpsOf(state, links);
  const headlines = tables.questions.flatMap((question, q) => (question.headline ? [q] : []));
  const departements = tables.series.flatMap((series, s) => (series.level === 'departement' ? [s] : []));
  const wide = tables.series.flatMap((series, s) => (series.level === 'region' || series.level === 'france' || (series.level === 'groupe' && !series.band) ? [s] : []));
  for (const nesting of layout.nestings) {
    if (!nesting.parent.startsWith('region:')) continue;
    const children = nesting.children.map((key) => tables.seriesIndex.get(key)).filter((s): s is number => s !== undefined);
    for (const q of headlines) {
      const losing = children.filter((s) => freeable(state, s, q));
      if (losing.length < 2) continue;
      // The largest sibling first: it has the most of every answer to lend.
      losing.sort((a, b) => state.base(b, q) - state.base(a, q));
      const lostBefore = lostHeadlines(state, departements, headlines);
      const aboveBefore = hiddenAbove(state, wide);
      for (const keeper of losing) {
        const before = state.snapshot();
        for (const s of losing) if (s !== keeper) showAgain(state, s, [q, ...followUps[q]!]);
        hideQuestion(state, keeper, q, 'complement');
        complements.close();
        if (lostHeadlines(state, departements, headlines) < lostBefore && hiddenAbove(state, wide) <= aboveBefore) break;
        state.restore(before);
      }
    }
  }
}
