import { html, nothing, type TemplateResult } from 'lit';
import type { Lang } from '../../core/schema/text.js';
import { typeset } from '../../core/i18n/typography.js';
import { focusField } from './ids.js';
import { t } from './messages.js';

/**
 * The error line under a field; nothing when there is no message to show. Messages come from the
 * engine, the SIRET check or the server: they are set here, in one place, for French typography.
 */
export function renderError(lang: Lang, id: string, messages: readonly string[]): TemplateResult | typeof nothing {
  if (messages.length === 0) return nothing;
  return html`<p class="error" id=${id}>
    <span class="visually-hidden">${t(lang, 'error_prefix')}</span> ${typeset(lang, messages.join(' '))}
  </p>`;
}

/** The words after a label of a question that may be left blank. */
export function renderOptional(lang: Lang, required: boolean): TemplateResult | typeof nothing {
  return required ? nothing : html` <span class="optional">${t(lang, 'optional')}</span>`;
}

/** The ids an input is described by, skipping the absent ones. */
export function describedBy(...ids: Array<string | false | undefined>): string | typeof nothing {
  const list = ids.filter((id): id is string => typeof id === 'string' && id !== '');
  return list.length > 0 ? list.join(' ') : nothing;
}

/** One problem listed in the error summary, pointing at the field to fix. */
export interface SummaryItem {
  /** Id of the field (or fieldset) to focus. */
  target: string;
  /** What the field is called, so the list makes sense on its own. */
  label: string;
  message: string;
}

function followLink(event: Event, target: string) {
  event.preventDefault();
  const root = (event.currentTarget as HTMLElement).getRootNode() as ShadowRoot;
  focusField(root, target);
}

/**
 * The list of problems at the top of a step, shown once "next" was pressed. Each link moves
 * focus to its field (a `#` link alone would not reach into a shadow root).
 */
export function renderErrorSummary(lang: Lang, items: readonly SummaryItem[]): TemplateResult | typeof nothing {
  if (items.length === 0) return nothing;
  return html`<div class="error-summary" part="error-summary" role="group" aria-labelledby="error-summary-title" tabindex="-1" data-error-summary>
    <h4 id="error-summary-title">${t(lang, 'summary_title', { count: items.length })}</h4>
    <ul>
      ${items.map(
        (item) =>
          html`<li><a href="#${item.target}" @click=${(event: Event) => followLink(event, item.target)}
              >${t(lang, 'summary_item', { label: item.label, message: item.message })}</a
            ></li>`,
      )}
    </ul>
  </div>`;
}

/** "Step x of y" and the share of questions answered, as text and as a native progress bar. */
export function renderProgress(
  lang: Lang,
  step: { index: number; total: number },
  answered: { answered: number; total: number },
): TemplateResult {
  const text = t(lang, 'answered_of', { answered: answered.answered, total: answered.total });
  return html`<div class="progress" part="progress">
    <p class="step-count">${t(lang, 'step_of', { index: step.index + 1, total: step.total })}</p>
    <label for="answered-progress">${text}</label>
    <progress id="answered-progress" max=${Math.max(answered.total, 1)} .value=${answered.answered}>${text}</progress>
  </div>`;
}
