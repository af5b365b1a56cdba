import { html, nothing, type TemplateResult } from 'lit';
import type { Lang } from '../../core/schema/text.js';
import { resultsMessages } from '../shared/results/messages.js';
import type { MapResultsState } from './map-results-controller.js';
import { mapMessages } from './messages.js';

/**
 * The map's live region, in the shape and words of the charts' one: rendered from the first
 * paint, empty once the map is shown, so screen readers announce each change of state (a region
 * that appears together with its text is often not read out).
 *
 * @param empty True when results arrived but nobody answered anywhere.
 */
export function mapStatus(lang: Lang, state: MapResultsState, onRetry: () => void, empty: boolean): TemplateResult {
  let message = '';
  if (state.status === 'loading') message = resultsMessages(lang, 'loading');
  else if (state.status === 'unconfigured') message = resultsMessages(lang, state.missing);
  else if (state.status === 'error') message = resultsMessages(lang, 'error', { message: state.failure.message });
  else if (empty) message = mapMessages(lang, 'emptyMap');
  return html`
    <div part="status" class="status" data-state=${empty ? 'empty' : state.status} role="status" aria-live="polite">${message}</div>
    ${state.status === 'error'
      ? html`<button part="retry-button" class="button" type="button" @click=${onRetry}>${resultsMessages(lang, 'retry')}</button>`
      : nothing}
  `;
}
