import { formatNumber } from '../../core/i18n/catalog.js';
import type { Lang } from '../../core/schema/text.js';

const LOCALES: Record<Lang, string> = { fr: 'fr-FR', en: 'en-GB' };

function parse(iso: string): Date | undefined {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/** "4 mars 2025 à 10:30" / "4 March 2025 at 10:30", in the reader's time zone; the input as is if unreadable. */
export function formatDateTime(lang: Lang, iso: string): string {
  const date = parse(iso);
  return date ? new Intl.DateTimeFormat(LOCALES[lang], { dateStyle: 'long', timeStyle: 'short' }).format(date) : iso;
}

/** "10:30". */
export function formatTime(lang: Lang, iso: string): string {
  const date = parse(iso);
  return date ? new Intl.DateTimeFormat(LOCALES[lang], { timeStyle: 'short' }).format(date) : iso;
}

/** A count as the reader writes it, and the raw number for plural choices. */
export function countParams(lang: Lang, name: string, value: number): Record<string, string | number> {
  return { [name]: formatNumber(lang, value), raw: value };
}
