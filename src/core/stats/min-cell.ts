import { MIN_CELL_FLOOR } from '../schema/results.js';

/**
 * The confidentiality threshold used when none is given: no published figure rests on fewer
 * than five collectivités. Five rather than the legal floor of three because the answers are
 * published per territory, where a handful of respondents are often known to each other.
 */
export const DEFAULT_MIN_CELL = 5;

/**
 * Checks a confidentiality threshold: a whole number no lower than the floor the results
 * contract accepts. A wrong threshold is a configuration error that must fail loudly rather
 * than publish small cells.
 */
export function checkMinCell(minCell: number): number {
  if (!Number.isInteger(minCell) || minCell < MIN_CELL_FLOOR) {
    throw new RangeError(`minCell must be a whole number of at least ${MIN_CELL_FLOOR}, not ${minCell}`);
  }
  return minCell;
}

/**
 * Whether a number of respondents is a small group, 1 to `minCell − 1`: a group that must not
 * be published nor be computable. Zero is not small: "nobody" reveals nobody's answer.
 */
export function isSmallGroup(size: number, minCell: number): boolean {
  return size > 0 && size < minCell;
}
