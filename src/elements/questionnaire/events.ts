import type { BarometreErrorDetail } from '../shared/events.js';
import type { BarometreSharedDraftDetail } from './sharing/host.js';

/**
 * The events `<barometre-questionnaire>` fires, through the base's one `emit`. All bubble and
 * cross shadow boundaries, so a page can listen on any ancestor.
 */

/** Which kind of step the respondent is on. */
export type StepKind = 'identification' | 'section' | 'review';

/** `barometre-step`: the respondent arrived on another step (staying on one, after a refused "next", fires nothing). */
export interface BarometreStepDetail {
  /** `identification`, the section's id, or `review`. */
  step: string;
  kind: StepKind;
  /** Position among the steps, from 0. */
  index: number;
  /** Number of steps: identification, each visible section, review. It changes when answers hide or show sections. */
  total: number;
}

/** `barometre-draft-saved`: the answers were saved on the device; said once the changes pause, not on every keystroke. */
export interface BarometreDraftSavedDetail {
  theme: string;
  /** The SIRET as validated (14 digits), or `undefined` before it is. */
  siret: string | undefined;
  /** ISO 8601. */
  savedAt: string;
}

/** How the server took a contribution. `pending`: kept aside for review, the existing one is unchanged. */
export type SubmissionStatus = 'created' | 'updated' | 'pending';

/** `barometre-submitted`: the contribution reached the server (possibly long after the click, from the outbox). */
export interface BarometreSubmittedDetail {
  theme: string;
  siret: string;
  status: SubmissionStatus;
  /** ISO 8601: when the server recorded it; for `pending`, when it was received. */
  updatedAt: string;
  /** Only for `created`: the code that allows changing the contribution later. */
  editToken?: string;
  /** Only for a verified contribution: the portal whose attestation vouched for it (`proconnect` for ProConnect). */
  verifiedBy?: string;
}

/**
 * `barometre-attestation-expired`: the attestation given to the element can no longer serve — it
 * expired (a contribution waited in the outbox past its lifetime) or was already used. Nothing is
 * lost: the answers wait on the device, and are sent again as soon as the page sets a fresh
 * attestation on the element.
 */
export interface BarometreAttestationExpiredDetail {
  theme: string;
  siret: string;
  /** The API's refusal: `attestation_expired` or `attestation_replayed`. */
  code: string;
}

/**
 * `barometre-error`: something the respondent should know went wrong. One shape for every element;
 * the questionnaire's codes are the API's, `definition_unavailable`, `no_api` or `network`.
 */
export type { BarometreErrorDetail };

/** `barometre-shared-draft`: the questionnaire's shared draft was created, opened, changed by colleagues, had colleagues' answers replaced by the respondent's, or closed. */
export type { BarometreSharedDraftDetail };

/** Maps each event name to its detail type. */
export interface BarometreQuestionnaireEventMap {
  'barometre-step': CustomEvent<BarometreStepDetail>;
  'barometre-draft-saved': CustomEvent<BarometreDraftSavedDetail>;
  'barometre-submitted': CustomEvent<BarometreSubmittedDetail>;
  'barometre-error': CustomEvent<BarometreErrorDetail>;
  'barometre-attestation-expired': CustomEvent<BarometreAttestationExpiredDetail>;
  'barometre-shared-draft': CustomEvent<BarometreSharedDraftDetail>;
}
