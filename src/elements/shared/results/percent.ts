import { formatNumber } from '../../../core/i18n/catalog.js';
import type { Lang } from '../../../core/schema/text.js';

/** Decimals shown when an element does not ask for more: survey shares are read as whole percents. */
export const DEFAULT_DECIMALS = 0;

/** Beyond two decimals a survey share only shows noise. */
const MAX_DECIMALS = 2;

/** Reads the `decimales` attribute: a whole number from 0 to 2, the default otherwise. */
export function toDecimals(value: unknown): number {
  const number = typeof value === 'number' ? value : Number.parseInt(String(value ?? ''), 10);
  if (!Number.isFinite(number)) return DEFAULT_DECIMALS;
  return Math.min(MAX_DECIMALS, Math.max(0, Math.trunc(number)));
}

/**
 * A share (0..1) as a percentage rounded half up to `decimals`. The chart, the table, the CSV and
 * the key figure all round through here, so the same share never reads 28 in one and 29 in
 * another. `toPrecision` first removes binary noise (0.285 × 100 is 28.499999999999996), which
 * would otherwise round a printed half down.
 */
export function roundPercent(share: number, decimals = DEFAULT_DECIMALS): number {
  const factor = 10 ** decimals;
  return Math.round(Number((share * 100 * factor).toPrecision(12))) / factor;
}

/** A percentage value (already rounded) as the reader writes it, without the percent sign. */
export function formatPercentNumber(lang: Lang, percent: number, decimals = DEFAULT_DECIMALS): string {
  return formatNumber(lang, percent, { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
}

/**
 * A percentage value (already rounded) with its sign: French puts a narrow no-break space before
 * the sign ("26 %"), English none ("26%").
 */
export function formatPercentValue(lang: Lang, percent: number, decimals = DEFAULT_DECIMALS): string {
  const number = formatPercentNumber(lang, percent, decimals);
  return lang === 'fr' ? `${number}\u202f%` : `${number}%`;
}

/** A share (0..1) rounded and written as a percentage in the reader's language. */
export function formatShare(lang: Lang, share: number, decimals = DEFAULT_DECIMALS): string {
  return formatPercentValue(lang, roundPercent(share, decimals), decimals);
}
