import type { Lang } from '../../core/schema/text.js';

/** What a number field's text says: nothing, a number, or something that is not one. */
export type ReadNumber = { kind: 'empty' } | { kind: 'number'; value: number } | { kind: 'unreadable' };

/** Spaces a person or a copied figure puts between groups of digits ("1 500", "1\u202f500"). */
const GROUP_SPACE = /(\d)[ \u00a0\u202f]+(?=\d)/g;
/** French: a comma or a point before the decimals ("2,5", "2.5"); groups only by spaces. */
const FRENCH = /^[+-]?(?:\d+(?:[.,]\d*)?|[.,]\d+)$/;
/** English: a point before the decimals; commas only between groups of three ("1,500.5"). */
const ENGLISH = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/;
const ENGLISH_GROUPS = /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d*)?$/;

/**
 * Reads a number as a person types it in French or English, where a native number input would
 * not: in Chromium under an English locale it drops the comma of "2,5" and stores 25. In French
 * the decimal comma (or a point) is read as such and spaces may group the digits; in English
 * the decimal point, and commas between groups of three. Anything else — two separators,
 * letters, "1e3" — is unreadable, and said so, never guessed.
 */
export function readNumber(text: string, lang: Lang): ReadNumber {
  const compact = text.trim().replace(/\u2212/g, '-').replace(GROUP_SPACE, '$1');
  if (compact === '') return { kind: 'empty' };
  let plain: string | undefined;
  if (lang === 'fr') plain = FRENCH.test(compact) ? compact.replace(',', '.') : undefined;
  else if (ENGLISH_GROUPS.test(compact)) plain = compact.replace(/,/g, '');
  else plain = ENGLISH.test(compact) ? compact : undefined;
  const value = plain === undefined ? Number.NaN : Number(plain);
  return Number.isFinite(value) ? { kind: 'number', value } : { kind: 'unreadable' };
}

/** A stored number as the field shows it again (a restored draft): "2,5" in French, no grouping. */
export function writeNumber(value: number, lang: Lang): string {
  const text = String(value);
  return lang === 'fr' ? text.replace('.', ',') : text;
}
