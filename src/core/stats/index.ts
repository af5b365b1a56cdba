/**
 * Statistics of the Baromètre's results: aggregation of contributions into published series,
 * small-cell suppression (within a series and across nested series), Wilson confidence
 * intervals, and post-stratification weights. Pure functions, DOM-free, shared by the server
 * and any client that recomputes figures.
 *
 * Typical use for one response:
 * 1. optionally `applyPostStratification` to each series' respondents (reweighted results);
 * 2. `aggregateSeries` for the territory, each comparison and every ancestor of the territory;
 * 3. `protectNestedSeries` with the child ⊂ parent pairs, then drop the ancestors not shown.
 */
export { aggregateSeries, aggregateTallies } from './aggregate.js';
export type { WeightedTally } from './aggregate.js';
export { addAnswers, addTally, emptyTally, publishedQuestions, tallyAnswers } from './tally.js';
export type { QuestionTally, Tally } from './tally.js';
export { kishEffectiveN } from './effective-size.js';
export { checkMinCell, DEFAULT_MIN_CELL, isSmallGroup } from './min-cell.js';
export { protectNestedSeries } from './nested.js';
export type { Nesting } from './nested.js';
export { quantile, quartiles, quartilesOfCounts } from './quantiles.js';
export type { Quartiles } from './quantiles.js';
export {
  hasExclusiveCodes,
  protectSuppressedTotal,
  suppressedAnswer,
  suppressedQuestion,
  suppressedSeries,
  suppressSmallCells,
} from './suppression.js';
export type { Respondent, SeriesBody, StatsOptions } from './types.js';
export { applyPostStratification, postStratificationWeights, stratumKey, stratumWeights } from './weights.js';
export type { PostStratification, StratumStatus, StratumWeighting } from './weights.js';
export { wilsonInterval, Z_95 } from './wilson.js';
