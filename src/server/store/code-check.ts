import { editCodeMatches, readEditCode } from '../security/edit-codes.js';
import { afterWrongCode, isLocked, MAX_WRONG_CODES } from '../security/lockout.js';
import type { ContributionRow } from './rows.js';
import { step, type Sequence } from './steps.js';
import type { SubmissionTransaction } from './submission.js';

/**
 * A presented edit code checked against a contribution, with its lock-out
 * (`security/lockout.ts`): while the contribution's code is locked nothing is checked; a wrong
 * code is counted, and the last one allowed locks it. Written once for whatever the code opens
 * (replacing the contribution, reading it to start the next edition from it), so that guesses
 * made through any route count towards the same lock.
 */

export type CodeCheck =
  | { kind: 'match' }
  /** `remainingAttempts` before the lock-out. */
  | { kind: 'wrong_code'; remainingAttempts: number }
  /** Too many wrong codes: none is checked until `lockedUntil`. */
  | { kind: 'code_locked'; lockedUntil: string };

/** Checks `presentedCode`; a match leaves the wrong-code count to the caller (a replacement clears it). */
export function* checkEditCode<D>(
  tx: Pick<SubmissionTransaction<D>, 'iso' | 'recordWrongCode'>,
  existing: ContributionRow<D>,
  presentedCode: string,
  now: string,
): Sequence<CodeCheck> {
  const lockedUntil = existing.locked_until === null ? null : tx.iso(existing.locked_until);
  if (lockedUntil !== null && isLocked(lockedUntil, now)) return { kind: 'code_locked', lockedUntil };
  if (editCodeMatches(readEditCode(presentedCode), existing.siren, existing.theme, existing.edit_token_hash)) return { kind: 'match' };
  const next = afterWrongCode(existing.wrong_codes, now);
  yield* step(tx.recordWrongCode(existing, next.wrongCodes, next.lockedUntil));
  if (next.lockedUntil !== null) return { kind: 'code_locked', lockedUntil: next.lockedUntil };
  return { kind: 'wrong_code', remainingAttempts: MAX_WRONG_CODES - next.wrongCodes };
}
