import { html, nothing, type TemplateResult } from 'lit';
import type { Lang } from '../../core/schema/text.js';
import { formatSiret } from '../../core/siret.js';
import { o } from './outcome-messages.js';

/** The edit code on the confirmation, and what the respondent can do with it. */
export interface EditCodeView {
  lang: Lang;
  code: string;
  siret: string;
  /** The theme's title, for the e-mail. */
  theme: string;
  /** The contact address known for the respondent (their portal's attestation gives one), for the e-mail. */
  contact?: string;
  /** Whether the device keeps the code (the page's `keep-edit-code`); otherwise the respondent is told to keep it now. */
  kept: boolean;
  /** Says something in the element's status line. */
  onStatus(message: string): void;
}

/**
 * Codes come in groups (`7KQ4-M2XD-9HCT-R0FB`), which a narrow screen may break between but
 * never inside: a code read over the phone is read group by group. A code of another form (an
 * older server's) is shown whole.
 */
function renderGroups(code: string): TemplateResult | string {
  if (!/^[0-9A-Z]{4}(-[0-9A-Z]{4})+$/.test(code)) return code;
  const groups = code.split('-');
  // No white space between the parts: the text of the element is the code exactly, for copying by hand.
  return html`${groups.map((group, index) => html`${index > 0 ? '-' : ''}<span class="group">${group}</span>`)}`;
}

async function copy(view: EditCodeView, event: Event): Promise<void> {
  try {
    await navigator.clipboard.writeText(view.code);
    view.onStatus(o(view.lang, 'copied'));
  } catch {
    // Without clipboard access, select the code so that one keystroke copies it.
    const code = (event.target as HTMLElement).closest('.edit-code')?.querySelector('.code');
    const selection = getSelection();
    if (code && selection) selection.selectAllChildren(code);
    view.onStatus(o(view.lang, 'copy_failed'));
  }
}

function mailto(view: EditCodeView): string {
  const { lang } = view;
  const subject = o(lang, 'email_subject', { theme: view.theme });
  const body = o(lang, 'email_body', { siret: formatSiret(view.siret), theme: view.theme, code: view.code });
  // A mailto: link hands the message to the respondent's own mail program: nothing leaves the page.
  return `mailto:${encodeURIComponent(view.contact ?? '')}?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(body)}`;
}

/** The code, shown once, with Copy, Print and E-mail: the three ways to keep it somewhere safe. */
export function renderEditCode(view: EditCodeView): TemplateResult {
  const { lang } = view;
  return html`<div class="edit-code">
    <h4>${o(lang, 'edit_code_title')}</h4>
    <p>${o(lang, 'edit_code_keep')}${view.kept ? nothing : html` ${o(lang, 'code_not_kept')}`}</p>
    <p><code class="code" part="edit-code">${renderGroups(view.code)}</code></p>
    <div class="code-actions">
      <button type="button" part="button" @click=${(event: Event) => void copy(view, event)}>${o(lang, 'copy')}</button>
      <button type="button" part="button" @click=${() => window.print()}>${o(lang, 'print')}</button>
      <a part="button" class="button" href=${mailto(view)}>
        ${view.contact ? o(lang, 'email_to', { email: view.contact }) : o(lang, 'email')}
      </a>
    </div>
  </div>`;
}
