import type { AttestationError } from '../attestation/verify.js';
import type { PendingLimits, SubmitRefusal } from '../store/types.js';
import { ApiError } from './errors.js';

/**
 * The answers to a submission refused by the store or carrying an attestation that does not
 * hold. Each says which field is at fault (`details.field`), so a form can show it there, and
 * when waiting helps, for how long (`Retry-After`).
 */

/** How long to wait before the review queue may have room again: an administrator's working session. */
const QUEUE_RETRY_S = 3600;

/** The answer to a refusal of the store. */
export function refusalError(refusal: SubmitRefusal, limits: PendingLimits, now: Date): ApiError {
  switch (refusal.kind) {
    case 'wrong_code':
      return new ApiError(403, 'edit_code_wrong', {
        params: { remaining: refusal.remainingAttempts },
        // `review: true` sends the same answers for review, knowingly.
        details: { field: 'editCode', remainingAttempts: refusal.remainingAttempts, canSendForReview: true },
      });
    case 'code_locked': {
      const seconds = Math.max(1, Math.ceil((Date.parse(refusal.lockedUntil) - now.getTime()) / 1000));
      return new ApiError(423, 'edit_code_locked', {
        params: { until: refusal.lockedUntil },
        details: { field: 'editCode', lockedUntil: refusal.lockedUntil, retryAfter: seconds, canSendForReview: true },
        headers: { 'retry-after': String(seconds) },
      });
    }
    case 'pending_limit':
      return refusal.scope === 'collectivite'
        ? new ApiError(429, 'pending_limit_reached', {
            params: { limit: limits.perCollectivite },
            details: { scope: 'collectivite', limit: refusal.limit },
          })
        : new ApiError(503, 'pending_queue_full', {
            params: { limit: limits.overall },
            details: { scope: 'overall', limit: refusal.limit },
            headers: { 'retry-after': String(QUEUE_RETRY_S) },
          });
    case 'attestation_replayed':
      return new ApiError(401, 'attestation_replayed', { details: { field: 'attestation' } });
  }
}

/** The answer to an attestation that does not hold. */
export function attestationError(error: AttestationError): ApiError {
  switch (error.reason) {
    case 'expired':
      return new ApiError(401, 'attestation_expired', { details: { field: 'attestation', reason: 'expired' } });
    case 'keys_unavailable':
      return new ApiError(503, 'attestation_keys_unavailable', {
        details: { field: 'attestation', reason: 'keys_unavailable' },
        headers: { 'retry-after': '30' },
      });
    default:
      return new ApiError(401, 'attestation_invalid', {
        params: { reason: error.claim ? `${error.reason}: ${error.claim}` : error.reason },
        details: { field: 'attestation', reason: error.reason, ...(error.claim ? { claim: error.claim } : {}) },
      });
  }
}
