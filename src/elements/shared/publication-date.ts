import { createCatalog } from '../../core/i18n/catalog.js';
import type { Lang } from '../../core/schema/text.js';

/**
 * The instant of a publication in words, as every element writes it: the day and the hour in
 * Paris, whatever the reader's own time zone, so that two readers never see two dates for one
 * publication. French writes hours as "14 h" and "14 h 30"; English says the zone, which an
 * English reader cannot assume.
 */

/** The time zone publications are dated in. */
export const PUBLICATION_TIME_ZONE = 'Europe/Paris';

const words = createCatalog({
  fr: {
    // French writes the first day of a month as an ordinal: "1er décembre".
    day: (p) => `${String(p.day) === '1' ? '1er' : String(p.day)} ${String(p.month)} ${String(p.year)}`,
    hour: '{date} à {hour} h',
    hourMinutes: '{date} à {hour} h {minutes}',
  },
  en: {
    day: '{day} {month} {year}',
    hour: (p) => `${String(p.date)}, ${String(p.hour12)} ${p.afternoon === 'yes' ? 'pm' : 'am'} (Paris time)`,
    hourMinutes: (p) => `${String(p.date)}, ${String(p.hour12)}:${String(p.minutes)} ${p.afternoon === 'yes' ? 'pm' : 'am'} (Paris time)`,
  },
});

const formatters = new Map<Lang, Intl.DateTimeFormat>();

/** Day, month name, year, hour (0–23) and minute in Paris: one formatter per language, kept. */
function formatterOf(lang: Lang): Intl.DateTimeFormat {
  let formatter = formatters.get(lang);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      hour: 'numeric',
      minute: '2-digit',
      hourCycle: 'h23',
      timeZone: PUBLICATION_TIME_ZONE,
    });
    formatters.set(lang, formatter);
  }
  return formatter;
}

/**
 * "6 décembre 2026 à 14 h", "6 décembre 2026 à 14 h 30"; "6 December 2026, 2 pm (Paris time)",
 * "6 December 2026, 2:30 pm (Paris time)". Minutes are written only when they are not zero. An
 * unreadable date is returned as given rather than hidden.
 */
export function publicationDateText(lang: Lang, iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const parts = Object.fromEntries(formatterOf(lang).formatToParts(date).map((part) => [part.type, part.value]));
  const hour = Number(parts.hour) % 24;
  const minutes = parts.minute ?? '00';
  const day = words(lang, 'day', { day: parts.day ?? '', month: parts.month ?? '', year: parts.year ?? '' });
  const params = {
    date: day,
    hour: String(hour),
    hour12: String(hour % 12 === 0 ? 12 : hour % 12),
    afternoon: hour >= 12 ? 'yes' : 'no',
    minutes,
  };
  return words(lang, minutes === '00' ? 'hour' : 'hourMinutes', params);
}
