import type { Lang } from '../schema/text.js';

/**
 * A calendar day in words, "15 janvier 2027" or "15 January 2027" ("1er avril 2027": French
 * writes the first of a month as an ordinal). The day is a date of the calendar, not an
 * instant: it reads the same wherever the reader is.
 */
export function dayInWords(day: string, lang: Lang): string {
  const date = new Date(`${day}T00:00:00Z`);
  const words = new Intl.DateTimeFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(date);
  return lang === 'fr' && date.getUTCDate() === 1 ? words.replace(/^1 /, '1er ') : words;
}
