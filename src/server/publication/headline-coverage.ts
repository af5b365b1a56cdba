import type { ThemeReport } from './figures.js';
import { headlineCodes } from './headline.js';
import type { SecrecyState } from './secrecy/state.js';

/** Whether a series shows the headline figures of a question: its question published, and every count they are read from. */
export function headlineShown(state: SecrecyState, s: number, q: number): boolean {
  return state.questionStatus(s, q) === 'publie' && headlineCodes(state.question(q)).every((code) => state.isKnown(s, q, code));
}

/**
 * How many headline figures of départements a publication shows — what a prefecture reads first —
 * and what it cost the régions.
 *
 * Counted over (département × headline question) pairs with at least k respondents: those whose
 * headline figures are all published (see `headlineCodes`), those published whole, and how many
 * the rules leave possible at most: a département whose figure the rules themselves hide (a
 * sensitive count of 1 to k − 1) is lost whatever the complements. Complements take a région's
 * figure before a département's own (see `cellCost`), so the régions' headline figures are
 * counted too, over (région × headline question) pairs with at least k respondents.
 */
export function headlineCoverage(state: SecrecyState): ThemeReport['headline'] {
  const { tables, minCell } = state;
  const coverage = { eligible: 0, published: 0, whole: 0, attainable: 0, regions: { eligible: 0, published: 0 } };
  tables.questions.forEach((question, q) => {
    if (!question.headline) return;
    const codes = headlineCodes(question);
    const shown = (s: number) => headlineShown(state, s, q);
    tables.series.forEach((series, s) => {
      if (state.base(s, q) < minCell) return;
      if (series.level === 'region') {
        coverage.regions.eligible += 1;
        if (shown(s)) coverage.regions.published += 1;
      }
      if (series.level !== 'departement') return;
      coverage.eligible += 1;
      if (!codes.some((code) => (state.protection(s, q, code)?.reason ?? 'complement') !== 'complement')) coverage.attainable += 1;
      if (shown(s)) coverage.published += 1;
      if (state.questionStatus(s, q) === 'publie' && state.hiddenIn(s, q) === 0) coverage.whole += 1;
    });
  });
  return coverage;
}
