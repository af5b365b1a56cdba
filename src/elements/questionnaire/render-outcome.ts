import { html, nothing, type TemplateResult } from 'lit';
import type { Lang } from '../../core/schema/text.js';
import { publicationDateText } from '../shared/publication-date.js';
import type { Receipt } from './draft.js';
import { formatDateTime } from './format.js';
import { t } from './messages.js';
import { o } from './outcome-messages.js';
import { renderEditCode } from './render-edit-code.js';
import { portalName } from './verification/words.js';

/** The page shown while a contribution is being sent or waits for the network. */
export interface WaitingView {
  lang: Lang;
  /** True while an attempt is under way. */
  sending: boolean;
  /** Why the last attempt failed, if one did. */
  reason: string;
  onRetry(): void;
}

/** Says plainly that nothing is lost and what will happen, with a way to retry at once. */
export function renderWaiting(view: WaitingView): TemplateResult {
  const { lang } = view;
  if (view.sending && view.reason === '') {
    return html`<h3 class="step-heading" part="step-heading" tabindex="-1" data-step-heading>${t(lang, 'sending')}</h3>`;
  }
  return html`<div class="waiting" part="waiting">
    <h3 class="step-heading" part="step-heading" tabindex="-1" data-step-heading>${o(lang, 'waiting_title')}</h3>
    <p>${o(lang, 'waiting_body')}</p>
    ${view.reason !== '' ? html`<p class="muted">${o(lang, 'waiting_reason', { reason: view.reason })}</p>` : nothing}
    <div class="actions">
      <button type="button" part="button button-primary" class="primary" @click=${() => view.onRetry()}>
        ${o(lang, 'retry_now')}
      </button>
    </div>
  </div>`;
}

/** The confirmation page. */
export interface ConfirmationView {
  lang: Lang;
  receipt: Receipt;
  /** The theme's title, for the e-mail carrying the code. */
  title: string;
  /** The respondent's contact address, when their attestation gives one. */
  contact?: string;
  /** Whether the device keeps the edit code (`keep-edit-code`). */
  keepEditCode: boolean;
  /** Says something in the element's status line (the code was copied…). */
  onStatus(message: string): void;
  onAnswerAgain(): void;
  /** When the next publication of results is scheduled (ISO), once known. */
  nextPublication?: string;
  /** The respondent's key answers beside published figures; it comes after the edit code, which nothing may push aside. */
  feedback?: TemplateResult | typeof nothing;
}

/**
 * When a recorded contribution shows in the published figures: results are published in
 * batches, so answers appear at the next publication, dated when the API announces one.
 */
function nextPublicationText(lang: Lang, next: string | undefined): string {
  return next ? o(lang, 'next_publication', { date: publicationDateText(lang, next) }) : o(lang, 'next_publication_unknown');
}

/**
 * The confirmation: when the contribution was recorded, whether it is verified and by whom, when
 * it will show in the published results, and the edit code to keep — shown once by the server,
 * and kept on this device only when the page asks for it. A submission set aside for review says
 * so, and says that it replaced nothing.
 */
export function renderConfirmation(view: ConfirmationView): TemplateResult {
  const { lang, receipt } = view;
  const date = formatDateTime(lang, receipt.updatedAt);
  const title =
    receipt.status === 'created'
      ? o(lang, 'confirmation_created')
      : receipt.status === 'updated'
        ? o(lang, 'confirmation_updated')
        : o(lang, 'confirmation_pending');
  return html`<div class="confirmation" part="confirmation">
    <h3 class="step-heading" part="step-heading" tabindex="-1" data-step-heading>${title}</h3>
    <p>${o(lang, receipt.status === 'pending' ? 'pending_date' : 'confirmation_date', { date })}</p>
    ${receipt.status === 'pending'
      ? nothing
      : html`<p part="next-publication">${nextPublicationText(lang, view.nextPublication)}</p>`}
    ${receipt.status === 'pending'
      ? html`<p>${o(lang, 'pending_body')}</p>
          ${receipt.pendingId ? html`<p>${o(lang, 'pending_reference', { id: receipt.pendingId })}</p>` : nothing}`
      : nothing}
    ${receipt.status === 'updated' ? html`<p>${o(lang, 'updated_code')}</p>` : nothing}
    ${receipt.verifiedBy ? html`<p class="verified" part="verification">${o(lang, 'verified_by', { portal: portalName(lang, receipt.verifiedBy) })}</p>` : nothing}
    ${receipt.replacedUnverified ? html`<p>${o(lang, 'replaced_unverified')}</p>` : nothing}
    ${receipt.editToken
      ? renderEditCode({
          lang,
          code: receipt.editToken,
          siret: receipt.siret,
          theme: view.title,
          contact: view.contact,
          kept: view.keepEditCode,
          onStatus: view.onStatus,
        })
      : receipt.status === 'created'
        ? html`<p>${o(lang, 'code_gone')}</p>`
        : nothing}
    ${view.feedback ?? nothing}
    <div class="actions">
      <button type="button" part="button" @click=${() => view.onAnswerAgain()}>${o(lang, 'answer_again')}</button>
    </div>
  </div>`;
}
