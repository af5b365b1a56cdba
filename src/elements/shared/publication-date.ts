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

const MONTHS = {
  fr: ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
} as const;

/** The last Sunday of a month (0-based), at 01:00 UTC: when Europe changes its clocks. */
function lastSundayAtOne(year: number, month: number): number {
  const last = new Date(Date.UTC(year, month + 1, 0));
  return Date.UTC(year, month, last.getUTCDate() - last.getUTCDay(), 1);
}

/**
 * Day, month, year, hour and minute on a Paris clock. Written out from the European rule (UTC + 1,
 * UTC + 2 from the last Sunday of March to the last Sunday of October, both at 01:00 UTC) rather
 * than asked of an `Intl.DateTimeFormat`: the first one a page builds loads its locale's data,
 * tens of milliseconds on a slow phone, right when a chart shows its figures' date. A test checks
 * every hour of several years against `Intl` and the time-zone database, so a change of the rule
 * would not go unseen.
 */
function parisClock(date: Date): { year: number; month: number; day: number; hour: number; minute: number } {
  const time = date.getTime();
  const year = date.getUTCFullYear();
  const summer = time >= lastSundayAtOne(year, 2) && time < lastSundayAtOne(year, 9);
  const paris = new Date(time + (summer ? 2 : 1) * 3_600_000);
  return { year: paris.getUTCFullYear(), month: paris.getUTCMonth(), day: paris.getUTCDate(), hour: paris.getUTCHours(), minute: paris.getUTCMinutes() };
}

/**
 * "6 décembre 2026 à 14 h", "6 décembre 2026 à 14 h 30"; "6 December 2026, 2 pm (Paris time)",
 * "6 December 2026, 2:30 pm (Paris time)". Minutes are written only when they are not zero. An
 * unreadable date is returned as given rather than hidden.
 */
export function publicationDateText(lang: Lang, iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const clock = parisClock(date);
  const hour = clock.hour;
  const minutes = String(clock.minute).padStart(2, '0');
  const day = words(lang, 'day', { day: String(clock.day), month: MONTHS[lang][clock.month]!, year: String(clock.year) });
  const params = {
    date: day,
    hour: String(hour),
    hour12: String(hour % 12 === 0 ? 12 : hour % 12),
    afternoon: hour >= 12 ? 'yes' : 'no',
    minutes,
  };
  return words(lang, minutes === '00' ? 'hour' : 'hourMinutes', params);
}
