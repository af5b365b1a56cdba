import { html, nothing, type TemplateResult } from 'lit';
import type { Lang } from '../../../core/schema/text.js';
import { resultsMessages } from './messages.js';
import type { FiguresState } from './results-controller.js';

/**
 * The live region every figures element (chart, key figure, map) keeps in its shadow root. It is
 * rendered from the first paint, empty when figures are shown, so screen readers announce each
 * change of state: a region that appears together with its text is often not read out.
 *
 * @param emptyText What to say when figures arrived but hold nothing to show; `undefined` otherwise.
 */
export function statusView(lang: Lang, state: FiguresState<unknown>, onRetry: () => void, emptyText?: string): TemplateResult {
  let message = '';
  if (state.status === 'loading') message = resultsMessages(lang, 'loading');
  else if (state.status === 'unconfigured') message = resultsMessages(lang, state.missing);
  else if (state.status === 'error') message = resultsMessages(lang, 'error', { message: state.failure.message });
  else if (emptyText !== undefined) message = emptyText;
  return html`
    <div part="status" class="status" data-state=${emptyText !== undefined ? 'empty' : state.status} role="status" aria-live="polite">
      ${message}
    </div>
    ${state.status === 'error'
      ? html`<button part="retry-button" class="button" type="button" @click=${onRetry}>${resultsMessages(lang, 'retry')}</button>`
      : nothing}
  `;
}
