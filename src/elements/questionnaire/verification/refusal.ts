import { ApiError } from '../../../core/api/errors.js';

/**
 * The refusals of a submission that concern who may answer rather than what was answered: a
 * wrong or locked edit code, an attestation that does not hold, a review queue that is full.
 * Each is said on the review page, where the answers wait, untouched, for what the respondent
 * chooses to do.
 */
export type Refusal =
  | { kind: 'code_wrong'; remaining?: number }
  | { kind: 'code_locked'; until: string }
  | { kind: 'code_malformed' }
  | { kind: 'attestation'; code: AttestationRefusal; attestedSiret?: string }
  | { kind: 'queue'; code: 'pending_limit_reached' | 'pending_queue_full'; retryAt?: number };

export type AttestationRefusal =
  | 'attestation_expired'
  | 'attestation_invalid'
  | 'attestation_replayed'
  | 'attestation_siret_mismatch'
  | 'attestation_role_mismatch'
  | 'attestation_keys_unavailable';

const ATTESTATION_CODES = new Set<string>([
  'attestation_expired',
  'attestation_invalid',
  'attestation_replayed',
  'attestation_siret_mismatch',
  'attestation_role_mismatch',
  'attestation_keys_unavailable',
]);

/** The attestation can serve no more: the page is asked for a fresh one. */
export const needsFreshAttestation = (refusal: Refusal | undefined): boolean =>
  refusal?.kind === 'attestation' && (refusal.code === 'attestation_expired' || refusal.code === 'attestation_replayed');

/** What a refusal of the API means here, or `undefined` for any other error. */
export function refusalOf(error: unknown, now = Date.now()): Refusal | undefined {
  if (!(error instanceof ApiError)) return undefined;
  const details = (error.details ?? {}) as Record<string, unknown>;
  switch (error.code) {
    case 'edit_code_wrong':
      return typeof details.remainingAttempts === 'number'
        ? { kind: 'code_wrong', remaining: details.remainingAttempts }
        : { kind: 'code_wrong' };
    case 'edit_code_locked': {
      // A lock lasts an hour on the reference server: the figure to go by when nothing says more.
      const until = typeof details.lockedUntil === 'string' ? details.lockedUntil : new Date(now + (error.retryAfterMs ?? 3_600_000)).toISOString();
      return { kind: 'code_locked', until };
    }
    case 'edit_code_malformed':
      return { kind: 'code_malformed' };
    case 'pending_limit_reached':
    case 'pending_queue_full':
      return error.retryAfterMs === undefined
        ? { kind: 'queue', code: error.code }
        : { kind: 'queue', code: error.code, retryAt: now + error.retryAfterMs };
    default:
      if (!ATTESTATION_CODES.has(error.code)) return undefined;
      return typeof details.attestedSiret === 'string'
        ? { kind: 'attestation', code: error.code as AttestationRefusal, attestedSiret: details.attestedSiret }
        : { kind: 'attestation', code: error.code as AttestationRefusal };
  }
}
