import { html, nothing, type TemplateResult } from 'lit';
import type { Lang } from '../../core/schema/text.js';
import { publicationDateText } from '../shared/publication-date.js';
import type { Receipt } from './draft.js';
import { formatDateTime } from './format.js';
import { t } from './messages.js';

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
    <h3 class="step-heading" part="step-heading" tabindex="-1" data-step-heading>${t(lang, 'waiting_title')}</h3>
    <p>${t(lang, 'waiting_body')}</p>
    ${view.reason !== '' ? html`<p class="muted">${t(lang, 'waiting_reason', { reason: view.reason })}</p>` : nothing}
    <div class="actions">
      <button type="button" part="button button-primary" class="primary" @click=${() => view.onRetry()}>
        ${t(lang, 'retry_now')}
      </button>
    </div>
  </div>`;
}

/** The confirmation page. */
export interface ConfirmationView {
  lang: Lang;
  receipt: Receipt;
  onCopy(code: string, event: Event): void;
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
  return next ? t(lang, 'next_publication', { date: publicationDateText(lang, next) }) : t(lang, 'next_publication_unknown');
}

/**
 * The confirmation: when the contribution was recorded, when it will show in the published
 * results, and the edit code to keep (shown once by the server, so it is also kept on this device
 * until the respondent starts a new answer). A submission set aside for review says so, and says
 * that it replaced nothing.
 */
export function renderConfirmation(view: ConfirmationView): TemplateResult {
  const { lang, receipt } = view;
  const date = formatDateTime(lang, receipt.updatedAt);
  const title =
    receipt.status === 'created'
      ? t(lang, 'confirmation_created')
      : receipt.status === 'updated'
        ? t(lang, 'confirmation_updated')
        : t(lang, 'confirmation_pending');
  return html`<div class="confirmation" part="confirmation">
    <h3 class="step-heading" part="step-heading" tabindex="-1" data-step-heading>${title}</h3>
    <p>${t(lang, receipt.status === 'pending' ? 'pending_date' : 'confirmation_date', { date })}</p>
    ${receipt.status === 'pending'
      ? nothing
      : html`<p part="next-publication">${nextPublicationText(lang, view.nextPublication)}</p>`}
    ${receipt.status === 'pending'
      ? html`<p>${t(lang, 'pending_body')}</p>
          ${receipt.pendingId ? html`<p>${t(lang, 'pending_reference', { id: receipt.pendingId })}</p>` : nothing}`
      : nothing}
    ${receipt.status === 'updated' ? html`<p>${t(lang, 'updated_code')}</p>` : nothing}
    ${receipt.editToken
      ? html`<div class="edit-code">
          <h4>${t(lang, 'edit_code_title')}</h4>
          <p>${t(lang, 'edit_code_keep')}</p>
          <p class="code-row">
            <code class="code" part="edit-code">${receipt.editToken}</code>
            <button
              type="button"
              part="button"
              @click=${(event: Event) => view.onCopy(receipt.editToken ?? '', event)}
            >
              ${t(lang, 'copy')}
            </button>
          </p>
        </div>`
      : nothing}
    ${view.feedback ?? nothing}
    <div class="actions">
      <button type="button" part="button" @click=${() => view.onAnswerAgain()}>${t(lang, 'answer_again')}</button>
    </div>
  </div>`;
}
