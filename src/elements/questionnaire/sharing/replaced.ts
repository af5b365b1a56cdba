import type { SharedDraftReplaced } from '../../../core/schema/shared-draft.js';
import type { Lang } from '../../../core/schema/text.js';
import { s } from './messages.js';

/**
 * The sentence telling a respondent that their answer took the place of a colleague's they had
 * not seen: whose it was and when it was given, on this device's clock. The hour alone when it
 * was given today; the day too otherwise, or "à 14 h 02" would name the wrong day.
 */
export function replacedSentence(lang: Lang, question: string, who: string, replaced: SharedDraftReplaced, now = new Date()): string {
  const at = new Date(replaced.at);
  const time = clockTime(lang, at);
  if (sameDay(at, now)) return s(lang, 'replaced_today', { question, who, time });
  const day = new Intl.DateTimeFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', { day: 'numeric', month: 'long' }).format(at);
  return s(lang, 'replaced_earlier', { question, who, time, day });
}

/** "14 h 02" as French writes an hour, "14:02" in English. */
function clockTime(lang: Lang, date: Date): string {
  const minutes = String(date.getMinutes()).padStart(2, '0');
  return lang === 'fr' ? `${date.getHours()} h ${minutes}` : `${String(date.getHours()).padStart(2, '0')}:${minutes}`;
}

function sameDay(a: Date, b: Date): boolean {
  return a.getFullYear() === b.getFullYear() && a.getMonth() === b.getMonth() && a.getDate() === b.getDate();
}
