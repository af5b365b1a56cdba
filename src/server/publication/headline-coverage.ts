import type { ThemeReport } from './figures.js';
import { headlineCodes } from './headline.js';
import type { Layout } from './layout.js';
import type { SecrecyState } from './secrecy/state.js';

/**
 * How many headline figures of départements a publication shows — what a prefecture reads first.
 *
 * Counted over (département × headline question) pairs with at least k respondents: those whose
 * headline figures are all published (see `headlineCodes`), those published whole, and how many
 * could be at most while every région figure stays published. That last number is the rules'
 * own limit, whatever the choice of complements: a département whose figure the rules hide (a
 * sensitive count) is lost; and where only one département of a région hides an answer's count,
 * the région's count minus the others' would give it, so one more département must hide that
 * answer — unless another département of the région already lost its figure and can take it.
 */
export function headlineCoverage(state: SecrecyState, layout: Layout): ThemeReport['headline'] {
  const { tables, minCell } = state;
  const coverage = { eligible: 0, published: 0, whole: 0, attainable: 0 };
  const departements = tables.series.flatMap((series, s) => (series.level === 'departement' ? [s] : []));
  const regions = layout.nestings
    .filter((nesting) => nesting.parent.startsWith('region:'))
    .map((nesting) => nesting.children.map((key) => tables.seriesIndex.get(key)).filter((s): s is number => s !== undefined));
  tables.questions.forEach((question, q) => {
    if (!question.headline) return;
    const codes = headlineCodes(question);
    const eligible = (s: number) => state.base(s, q) >= minCell;
    const ruled = (s: number, code: string) => (state.protection(s, q, code)?.reason ?? 'complement') !== 'complement';
    const ruledOut = (s: number) => eligible(s) && codes.some((code) => ruled(s, code));
    for (const s of departements) {
      if (!eligible(s)) continue;
      coverage.eligible += 1;
      if (!ruledOut(s)) coverage.attainable += 1;
      if (state.questionStatus(s, q) !== 'publie') continue;
      if (codes.every((code) => state.isKnown(s, q, code))) coverage.published += 1;
      if (state.hiddenIn(s, q) === 0) coverage.whole += 1;
    }
    // A région of one département is that département: its figures are protected among régions.
    for (const children of regions) {
      if (children.length < 2) continue;
      const needsPartner = codes.some((code) => {
        const hiding = children.filter((s) => ruled(s, code));
        if (hiding.length !== 1) return false;
        const others = children.filter((s) => s !== hiding[0]);
        // A sibling that lost its figure already can take the answer; else a shown one must.
        return !others.some(ruledOut) && others.some(eligible);
      });
      if (needsPartner) coverage.attainable -= 1;
    }
  });
  return coverage;
}
