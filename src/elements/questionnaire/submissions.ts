import type { SubmitResult } from '../../core/api/client.js';
import { ApiError, isRetryable } from '../../core/api/errors.js';
import { createOutbox, type Outbox } from '../../core/api/outbox.js';
import { browserStorage } from '../../core/api/storage.js';
import type { ContributionSubmission } from '../../core/schema/contribution.js';
import type { Lang } from '../../core/schema/text.js';
import { apiClient } from './api-loader.js';
import { clearDrafts, receiptOf, saveReceipt } from './draft.js';

/** A contribution waiting in the outbox: everything needed to send it after a reload. */
export interface SubmissionPayload {
  /** Base URL of the API it goes to (pages may embed questionnaires of several APIs). */
  api: string;
  lang: Lang;
  siret: string;
  theme: string;
  submission: ContributionSubmission;
  /**
   * The edit code typed by the respondent, sent as a bearer token to replace the existing
   * contribution. Like the attestation, it is in storage only while the contribution waits.
   */
  editToken?: string;
  /** The portal's or ProConnect's attestation: the contribution is then verified. */
  attestation?: string;
  /** Sent for review knowingly, after a wrong or locked edit code. */
  review?: true;
  /** The page lets this device keep the edit code received (`keep-edit-code`). */
  keepEditCode?: true;
}

/**
 * Refusals said at once rather than waited out like a lost network: a review queue empties only
 * as administrators decide, and a portal's keys may stay out of reach past the attestation's
 * lifetime. The respondent is told, keeps their answers, and chooses when to send them again.
 */
const SAID_AT_ONCE = new Set(['pending_limit_reached', 'pending_queue_full', 'attestation_keys_unavailable']);
const mayPass = (error: unknown) => isRetryable(error) && !(error instanceof ApiError && SAID_AT_ONCE.has(error.code));

function isSubmissionPayload(value: unknown): value is SubmissionPayload {
  if (value === null || typeof value !== 'object') return false;
  const payload = value as Record<string, unknown>;
  const submission = payload.submission as Record<string, unknown> | null | undefined;
  return (
    typeof payload.api === 'string' &&
    typeof payload.siret === 'string' &&
    typeof payload.theme === 'string' &&
    typeof submission === 'object' &&
    submission !== null &&
    typeof submission.version === 'string' &&
    typeof submission.answers === 'object'
  );
}

let outbox: Outbox<SubmissionPayload, SubmitResult> | undefined;

/**
 * The page's one outbox of contributions. Every questionnaire on the page shares it, so a
 * submission is sent by one queue only, whichever element is on screen; and it is started by
 * the first questionnaire connected, which delivers what an earlier visit left waiting.
 */
export function submissionOutbox(): Outbox<SubmissionPayload, SubmitResult> {
  if (outbox) return outbox;
  outbox = createOutbox<SubmissionPayload, SubmitResult>({
    storage: browserStorage(),
    isPayload: isSubmissionPayload,
    isRetryable: mayPass,
    send: async (payload, idempotencyKey) =>
      (await apiClient({ baseUrl: payload.api, lang: payload.lang })).submit({
        siret: payload.siret,
        theme: payload.theme,
        submission: payload.submission,
        idempotencyKey,
        editToken: payload.editToken,
        attestation: payload.attestation,
        review: payload.review,
      }),
  });
  // Registered before any element's listener: the receipt and the cleared draft must not
  // depend on a questionnaire being on screen when the delivery happens.
  outbox.subscribe((event) => {
    if (event.type !== 'delivered') return;
    const { payload } = event.entry;
    saveReceipt(receiptOf(payload, event.response, new Date().toISOString()), payload.keepEditCode);
    clearDrafts({ theme: payload.theme, version: payload.submission.version, siret: payload.siret });
  });
  outbox.start();
  return outbox;
}
