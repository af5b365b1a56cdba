/**
 * The lock-out of a contribution's edit code. The rate limit counts requests per address; a
 * guesser with many addresses is stopped here instead, per contribution: after
 * {@link MAX_WRONG_CODES} wrong codes in a row, no code is checked for that contribution during
 * {@link LOCK_MS} — not even the right one, or the lock would tell which guess was right. The
 * respondent can still send their answers for review meanwhile, and a verified respondent facing an
 * unverified contribution is never held by it (theirs takes its place). A right code clears the count.
 *
 * So at most {@link MAX_WRONG_CODES} codes per contribution are tried per {@link LOCK_MS}: with
 * 80-bit codes (2⁸⁰ ≈ 1.2 × 10²⁴), 5 guesses an hour on each of 330,000 contributions (every
 * collectivité on every theme) for ten years is about 1.4 × 10¹¹ guesses: a chance of about 1 in
 * 8 × 10¹² of opening any one of them.
 */

/** Wrong codes in a row that lock a contribution. */
export const MAX_WRONG_CODES = 5;

/** How long a lock lasts. */
export const LOCK_MS = 60 * 60 * 1000;

/** The lock-out counters of a contribution after one more wrong code at `now`. */
export function afterWrongCode(wrongCodes: number, now: string): { wrongCodes: number; lockedUntil: string | null } {
  const count = wrongCodes + 1;
  // The count starts again with the lock, so the next round after it allows as many tries.
  if (count >= MAX_WRONG_CODES) return { wrongCodes: 0, lockedUntil: new Date(Date.parse(now) + LOCK_MS).toISOString() };
  return { wrongCodes: count, lockedUntil: null };
}

/** Whether a lock (`lockedUntil`, ISO or null) still holds at `now`. */
export function isLocked(lockedUntil: string | null, now: string): boolean {
  return lockedUntil !== null && Date.parse(lockedUntil) > Date.parse(now);
}
