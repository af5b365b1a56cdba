import { codesOf } from '../../core/stats/tally.js';
import type { ServerReferential } from '../referential/port.js';
import { sum } from './secrecy/lp-model.js';
import type { ExtraFacts } from './secrecy/protect.js';
import type { SecrecyState } from './secrecy/state.js';
import type { ThemeTables } from './tables.js';
import { seriesWeights, type SeriesWeights } from './weighting.js';

/**
 * Reweighted shares, and the rules that keep them from opening a way back to raw counts:
 * - a reweighted share is published only where the raw count it stands for is published, so it
 *   never replaces a hidden figure;
 * - only where every stratum of the series counts no respondent to the question, or at least k:
 *   a share never leans on a handful of collectivités;
 * - shares only (rounded to a tenth of a percentage point), never counts beside them;
 * - each one enters the audit as what it is, a linear fact over the atoms (weights come from
 *   public numbers), so the audit proves that reweighted and raw tables together reveal nothing.
 */

/** Rounding of published reweighted shares: a tenth of a percentage point. */
export const WEIGHTED_PRECISION = 1e-3;

export const roundShare = (share: number): number => Math.round(share / WEIGHTED_PRECISION) * WEIGHTED_PRECISION;

export class WeightedFigures {
  readonly weights: readonly (SeriesWeights | undefined)[];

  constructor(
    private readonly tables: ThemeTables,
    referential: ServerReferential,
    private readonly minCell: number,
  ) {
    this.weights = seriesWeights(tables, referential, minCell);
  }

  /** Whether a question's reweighted shares may be published in a series, by the rules above. */
  eligible(state: SecrecyState, s: number, q: number): boolean {
    const weights = this.weights[s];
    if (!weights || state.questionStatus(s, q) !== 'publie' || state.isWeightedWithheld(s, q)) return false;
    const id = this.tables.questions[q]!.id;
    return weights.strata.every((atoms) => {
      const answered = atoms.reduce((total, a) => total + this.tables.atoms[a]!.tally.questions.get(id)!.n, 0);
      return answered === 0 || answered >= this.minCell;
    });
  }

  /** The weighted counts of a question's codes and of its respondents, and the series' weighted size. */
  totals(s: number, q: number): { codes: Map<string, number>; answered: number; all: number } {
    const weights = this.weights[s]!;
    const question = this.tables.questions[q]!;
    const codes = new Map(codesOf(question).map((code) => [code, 0]));
    let answered = 0;
    let all = 0;
    for (const [a, weight] of weights.weightOf) {
      const atom = this.tables.atoms[a]!;
      const counts = atom.tally.questions.get(question.id)!;
      answered += weight * counts.n;
      all += weight * atom.n;
      for (const [code, count] of counts.codes) codes.set(code, codes.get(code)! + weight * count);
    }
    return { codes, answered, all };
  }

  /** Kish's effective size of a series' respondents, (Σw)² / Σw². */
  effectiveN(s: number): number {
    let sum = 0;
    let squares = 0;
    for (const [a, weight] of this.weights[s]!.weightOf) {
      const n = this.tables.atoms[a]!.n;
      sum += weight * n;
      squares += weight * weight * n;
    }
    return squares > 0 ? (sum * sum) / squares : 0;
  }

  /** Adds every published reweighted share of the program's series to it, as the ranges its rounding leaves. */
  facts(state: SecrecyState): ExtraFacts {
    const half = WEIGHTED_PRECISION / 2;
    return (program) => {
      for (let s = 0; s < this.tables.series.length; s++) {
        const weights = this.weights[s];
        if (!weights || !program.touches(s)) continue;
        for (const q of program.questions) {
          if (!program.isUnknown(q) || !this.eligible(state, s, q)) continue;
          const totals = this.totals(s, q);
          const answered = program.answered(s, q, weights.weightOf);
          for (const code of codesOf(this.tables.questions[q]!)) {
            if (!state.isKnown(s, q, code)) continue;
            const weighted = program.cell(s, q, code, weights.weightOf);
            const share = roundShare(totals.codes.get(code)! / totals.answered);
            const shareOfAll = roundShare(totals.codes.get(code)! / totals.all);
            const fact = { series: s, question: q, code, weighted: true } as const;
            // (share − ½ precision)·answered ≤ weighted count ≤ (share + ½ precision)·answered
            program.addFact(sum([weighted, answered], [1, -(share - half)]), 0, Infinity, fact);
            program.addFact(sum([weighted, answered], [1, -(share + half)]), -Infinity, 0, fact);
            program.addFact(weighted, (shareOfAll - half) * totals.all, (shareOfAll + half) * totals.all, fact);
          }
        }
      }
    };
  }
}
