import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { AttestationClaims } from '../../../core/api/attestation-claims.js';
import type { Lang } from '../../../core/schema/text.js';
import { formatSiret } from '../../../core/siret.js';
import { EDIT_CODE_FIELD } from '../ids.js';
import { describedBy, renderError } from '../render-parts.js';
import { v } from './messages.js';
import { proconnectHref } from './proconnect.js';
import type { Refusal } from './refusal.js';
import { momentWords, portalName } from './words.js';

/** The id of the identification step's note on who vouches for the respondent (the locked SIRET points to it). */
export const IDENTITY_NOTE = 'f-identity';
/** The id of the "send for review" choice, where a locked code's summary leads. */
export const FOR_REVIEW_BUTTON = 'review-for-review';

/** What the identification step says about verification. */
export interface IdentityView {
  lang: Lang;
  /** What the attestation in force says, when there is one (read by the element, never trusted). */
  claims: AttestationClaims | undefined;
  /** The ProConnect sign-in's address, when the server offers it. */
  proconnectLogin: string | undefined;
  /** `proconnect_failed` or `proconnect_no_siret`, when the way back from ProConnect said so. */
  signInError: string | undefined;
}

/**
 * At the top of the identification step: whose attestation vouches for the respondent when one
 * is in force, else the offer to sign in with ProConnect when the server has it; and why a
 * sign-in did not succeed.
 */
export function renderIdentity(view: IdentityView): TemplateResult | typeof nothing {
  const { lang } = view;
  const error =
    view.signInError === 'proconnect_no_siret' || view.signInError === 'proconnect_failed'
      ? html`<p class="error" role="alert">${v(lang, view.signInError)}</p>`
      : nothing;
  const { claims } = view;
  if (claims) {
    const portal = portalName(lang, claims.iss ?? '?');
    return html`<div class="identity" id=${IDENTITY_NOTE}>
      <p>${claims.siret ? v(lang, 'identified', { siret: formatSiret(claims.siret), portal }) : v(lang, 'identified_any', { portal })}</p>
    </div>`;
  }
  if (!view.proconnectLogin) return error === nothing ? nothing : html`<div class="identity">${error}</div>`;
  return html`<div class="identity">
    ${error}
    <p>${v(lang, 'proconnect_offer')}</p>
    <p><a part="button" class="button" href=${proconnectHref(view.proconnectLogin)}>${v(lang, 'proconnect_button')}</a></p>
  </div>`;
}

/** What the review page shows of a refused edit code or attestation. */
export interface RefusalView {
  lang: Lang;
  refusal: Refusal | undefined;
  message: string;
  editCode: string;
  /** The refused attestation came from ProConnect, and the server offers to sign in again here. */
  proconnectLogin: string | undefined;
  onEditCode(code: string): void;
  onSendForReview(): void;
}

function forReview(view: RefusalView): TemplateResult {
  return html`<button type="button" part="button" id=${FOR_REVIEW_BUTTON} @click=${() => view.onSendForReview()}>
    ${v(view.lang, 'send_for_review')}
  </button>`;
}

/**
 * Above the answers on the review page, after a refusal that the respondent can act on: a wrong
 * or malformed code is an error on the code field with its two choices (correct it, or send for
 * review knowingly); a locked code leaves only the review; an expired ProConnect sign-in offers
 * to sign in again. Other refusals are said by the error summary alone.
 */
export function renderRefusal(view: RefusalView): TemplateResult | typeof nothing {
  const { lang, refusal } = view;
  if (refusal?.kind === 'code_wrong' || refusal?.kind === 'code_malformed') {
    const errorId = `${EDIT_CODE_FIELD}-error`;
    const choicesId = `${EDIT_CODE_FIELD}-choices`;
    return html`<div class="code-problem">
      <div class="field" part="field">
        <label for=${EDIT_CODE_FIELD}>${v(lang, 'code_label')}</label>
        ${renderError(lang, errorId, [view.message])}
        <input
          type="text"
          id=${EDIT_CODE_FIELD}
          autocomplete="off"
          autocapitalize="characters"
          spellcheck="false"
          .value=${live(view.editCode)}
          aria-invalid="true"
          aria-describedby=${describedBy(errorId, choicesId)}
          @input=${(event: Event) => view.onEditCode((event.target as HTMLInputElement).value)}
        />
      </div>
      <p id=${choicesId}>${v(lang, 'code_choices')}</p>
      <div class="code-actions">
        <button type="submit" part="button button-primary" class="primary">${v(lang, 'send_with_code')}</button>
        ${forReview(view)}
      </div>
    </div>`;
  }
  if (refusal?.kind === 'code_locked') {
    const until = momentWords(lang, refusal.until);
    return html`<div class="code-problem">
      <p>${view.message}</p>
      <p>${v(lang, 'code_locked_choice', { until })}</p>
      <div class="code-actions">${forReview(view)}</div>
    </div>`;
  }
  if (refusal?.kind === 'attestation' && view.proconnectLogin) {
    return html`<div class="code-problem">
      <p>${view.message}</p>
      <p><a part="button" class="button" href=${proconnectHref(view.proconnectLogin)}>${v(lang, 'proconnect_button')}</a></p>
    </div>`;
  }
  return nothing;
}
