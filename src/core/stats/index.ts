/**
 * Statistics of the Baromètre's results: tallies of answers (number questions in bins), Wilson
 * confidence intervals, quantiles and post-stratification weights. Pure functions, DOM-free,
 * shared by the server (whose publications protect the figures) and any client that recomputes
 * figures.
 */
export { addAnswers, addTally, emptyTally, publishedQuestions, tallyAnswers } from './tally.js';
export type { QuestionTally, Tally } from './tally.js';
export { kishEffectiveN } from './effective-size.js';
export { checkMinCell, DEFAULT_MIN_CELL, isSmallGroup } from './min-cell.js';
export { quantile, quartiles, quartilesOfCounts } from './quantiles.js';
export type { Quartiles } from './quantiles.js';
export { applyPostStratification, postStratificationWeights, stratumKey, stratumWeights } from './weights.js';
export type { PostStratification, StratumStatus, StratumWeighting } from './weights.js';
export { wilsonInterval, Z_95 } from './wilson.js';
export { compareShares, FRAGILE_BELOW, FRAGILE_MARGIN_POINTS, isFragile, marginPoints } from './margin.js';
export type { Comparison, Interval } from './margin.js';
export { DEFAULT_WEIGHT_CAP, rake } from './raking.js';
export type { Raking, RakingCell, RakingInput } from './raking.js';
