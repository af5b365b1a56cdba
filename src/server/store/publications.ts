import type { PublicationRecord } from './types.js';

/**
 * Rules both stores apply to publications before the database sees them, so that they keep and
 * order publications the same way whatever the database.
 */

/**
 * Refuses a publication whose date is not an instant in the canonical form
 * `YYYY-MM-DDTHH:mm:ss.sssZ` (what `Date#toISOString` writes). PostgreSQL keeps the date as a
 * `timestamptz` and gives it back in that form, SQLite keeps the text and orders publications by
 * it: only the canonical form comes back as saved from both and sorts in time order as text.
 */
export function checkPublication(record: PublicationRecord): void {
  const time = Date.parse(record.publishedAt);
  if (Number.isNaN(time) || new Date(time).toISOString() !== record.publishedAt) {
    throw new Error(`A publication's date must be an ISO instant such as 2026-12-06T14:00:00.000Z, not ${JSON.stringify(record.publishedAt)}`);
  }
  if (!Number.isSafeInteger(record.contributions) || record.contributions < 0) {
    throw new Error(`A publication counts a whole number of contributions, not ${record.contributions}`);
  }
}

/**
 * How many publications a prune keeps: at least one, since the newest is what is being served,
 * and a whole number a `LIMIT` accepts (`Infinity` keeps them all).
 */
export function publicationsKept(keep: number): number {
  if (Number.isNaN(keep)) return 1;
  return Math.min(Math.max(1, Math.floor(keep)), Number.MAX_SAFE_INTEGER);
}
