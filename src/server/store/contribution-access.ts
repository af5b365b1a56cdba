import { checkEditCode, type CodeCheck } from './code-check.js';
import type { ContributionRow } from './rows.js';
import { step, type Sequence } from './steps.js';
import type { SubmissionTransaction } from './submission.js';

/**
 * Reading a contribution's answers back, which only whoever answered may do: with its edit code
 * (checked and counted as a submission's is, `code-check.ts`), or with no code when the route
 * has verified the respondent otherwise (an attestation for the collectivité). Run in one
 * transaction of the store, so a wrong code is counted once however many guess at once.
 */

/** What presenting a code (or a verification, `undefined`) to a contribution gives. */
export type ContributionAccess<R> = { kind: 'open'; record: R } | { kind: 'absent' } | Exclude<CodeCheck, { kind: 'match' }>;

export function* openContributionSequence<D>(
  tx: Pick<SubmissionTransaction<D>, 'iso' | 'current' | 'recordWrongCode'>,
  key: { siren: string; theme: string; edition: string },
  presentedCode: string | undefined,
  now: string,
): Sequence<ContributionAccess<ContributionRow<D>>> {
  const existing = yield* step(tx.current(key.siren, key.theme, key.edition));
  if (existing === undefined) return { kind: 'absent' };
  if (presentedCode !== undefined) {
    const check = yield* checkEditCode(tx, existing, presentedCode, now);
    if (check.kind !== 'match') return check;
    // A right code clears the count, as a replacement with it does.
    if (existing.wrong_codes > 0) yield* step(tx.recordWrongCode(existing, 0, null));
  }
  return { kind: 'open', record: existing };
}
