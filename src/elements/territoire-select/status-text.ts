import { ApiError, NetworkError } from '../../core/api/errors.js';
import type { Lang } from '../../core/schema/text.js';
import { selectMessages } from './messages.js';
import type { SearchState } from './search-controller.js';

/** Why a search failed, in words: the API's own message, or what failing to load the artefacts means to a reader. */
function failureText(lang: Lang, error: unknown): string {
  // API and network errors already carry a message in the reader's language; anything else is
  // a download of the referential's files, whose technical message means nothing to a reader.
  const message = error instanceof ApiError || error instanceof NetworkError ? error.message : selectMessages(lang, 'referentialUnavailable');
  return selectMessages(lang, 'error', { message });
}

/**
 * What the live region says about a search: the number of results, "no results", the failure,
 * or that a search runs when nothing is on screen yet. Empty otherwise, so the next message is
 * announced even when it repeats the previous one.
 */
export function searchStatusText(lang: Lang, state: SearchState): string {
  switch (state.status) {
    case 'loading':
      return state.choices.length === 0 ? selectMessages(lang, 'searching') : '';
    case 'ready':
      return state.choices.length > 0
        ? selectMessages(lang, 'results', { count: state.choices.length })
        : selectMessages(lang, 'noResults', { text: state.text.trim() });
    case 'error':
      return failureText(lang, state.error);
    default:
      return '';
  }
}
