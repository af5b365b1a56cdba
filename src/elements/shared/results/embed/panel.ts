import { html, type TemplateResult } from 'lit';
import type { Lang } from '../../../../core/schema/text.js';
import { embedMessages } from './messages.js';
import type { EmbedTag } from './snippet.js';

/** The id the "Intégrer" button points at with `aria-controls`. */
export const EMBED_PANEL_ID = 'embed-panel';

/** What {@link embedPanel} shows. */
export interface EmbedPanelView {
  lang: Lang;
  tag: EmbedTag;
  snippet: string;
  /** Whether the snippet holds the loader's script tag. */
  withScript: boolean;
  /** What the live region says: the outcome of the last copy. */
  status: string;
  onCopy: () => void;
  onClose: () => void;
}

/**
 * The panel under the toolbar: what the code is for, the code in a read-only text area (selectable
 * and scrollable with the keyboard), "Copier" and "Fermer", and a live region saying whether the
 * copy worked. Escape anywhere in it closes it, as "Fermer" does.
 */
export function embedPanel(view: EmbedPanelView): TemplateResult {
  const { lang } = view;
  const t = (key: Parameters<typeof embedMessages>[1]) => embedMessages(lang, key);
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    // A dialog or a page shortcut around the element must not act on the key that closed the panel.
    event.preventDefault();
    event.stopPropagation();
    view.onClose();
  };
  return html`<div id=${EMBED_PANEL_ID} part="embed" class="embed" role="group" aria-labelledby="embed-title" @keydown=${onKeyDown}>
    <p id="embed-title" class="embed-title">${t(`title-${view.tag}`)}</p>
    <p id="embed-help" class="embed-help">${t(view.withScript ? 'help' : 'helpNoScript')}</p>
    <label for="embed-code" class="embed-label">${t('codeLabel')}</label>
    <textarea
      id="embed-code"
      part="embed-code"
      class="embed-code"
      readonly
      spellcheck="false"
      autocapitalize="off"
      wrap="soft"
      rows=${Math.min(12, view.snippet.split('\n').length + 2)}
      aria-describedby="embed-help"
      .value=${view.snippet}
    ></textarea>
    <div class="embed-actions">
      <button part="embed-copy-button" class="button" type="button" @click=${view.onCopy}>${t('copy')}</button>
      <button part="embed-close-button" class="button" type="button" @click=${view.onClose}>${t('close')}</button>
    </div>
    <p part="embed-status" class="embed-status" role="status">${view.status}</p>
  </div>`;
}

/**
 * Puts the code in the clipboard; where the page may not (no permission, an insecure origin), it
 * selects the code in its text area instead, for one keystroke to copy it. Says which happened.
 */
export async function copySnippet(lang: Lang, snippet: string, area: HTMLTextAreaElement | null): Promise<string> {
  try {
    await navigator.clipboard.writeText(snippet);
    return embedMessages(lang, 'copied');
  } catch {
    area?.focus();
    area?.select();
    return embedMessages(lang, 'copyFailed');
  }
}
