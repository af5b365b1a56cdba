import type { AnswerInput } from '../questionnaire/index.js';
import type { Series } from '../schema/results.js';

/**
 * One contribution to a theme, as the statistics read it: its answers, and for reweighted
 * results its stratum and weight.
 */
export interface Respondent {
  /** Answers keyed by question id; hidden questions' leftovers and "other" texts are ignored. */
  answers: AnswerInput;
  /** The respondent's stratum, e.g. `commune|0-499` (see `stratumKey`). */
  stratum?: string;
  /** Its weight (positive); a respondent without one weighs 1. */
  weight?: number;
}

/**
 * The figures of one series, without the role and territory the server adds: the part of a
 * results `Series` that statistics compute.
 */
export type SeriesBody = Pick<Series, 'n' | 'effectiveN' | 'suppressed' | 'questions'>;

/** Options shared by the statistics functions. */
export interface StatsOptions {
  /**
   * The confidentiality threshold: no published figure rests on fewer respondents, nor can be
   * computed to. A whole number, at least the contract's floor; `DEFAULT_MIN_CELL` by default.
   */
  minCell?: number;
}
