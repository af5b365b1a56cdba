import { html, nothing, type ReactiveElement, type TemplateResult } from 'lit';
import type { Lang } from '../../../core/schema/text.js';
import { lazy } from '../lazy.js';
import type { EmbedPanel, EmbedSource } from './embed/module.js';
import { resultsMessages } from './messages.js';

export type { EmbedSource };

/** The panel's code: loaded the first time the action is used, never on a figure's first round. */
export const loadEmbed = lazy(() => import('./embed/module.js'));

/**
 * The "Intégrer" action of the figures elements: a toggle ending the toolbar, whose panel (the
 * HTML that reproduces the figure on another page) is code loaded on first use. Only the toggle
 * is here; the panel's state, focus and copy are the loaded {@link EmbedPanel}'s.
 */
export class EmbedAction {
  private panel?: EmbedPanel;
  private failed = false;

  constructor(
    private readonly host: ReactiveElement,
    private readonly source: () => EmbedSource,
  ) {}

  /** The toggle. */
  button(lang: Lang): TemplateResult {
    const open = this.panel?.open === true;
    return html`<button
      part="embed-button"
      class="button"
      type="button"
      aria-expanded=${open ? 'true' : 'false'}
      aria-controls=${open ? 'embed-panel' : nothing}
      @click=${() => void this.toggle()}
    >
      ${resultsMessages(lang, 'embed')}
    </button>`;
  }

  /** The panel when open, or why its code could not be loaded. */
  view(lang: Lang): TemplateResult | typeof nothing {
    if (this.failed) return html`<p class="status" data-state="error" role="alert">${resultsMessages(lang, 'embedFailed')}</p>`;
    return this.panel?.render(lang) ?? nothing;
  }

  private async toggle(): Promise<void> {
    try {
      this.panel ??= new (await loadEmbed()).EmbedPanel(this.host, this.source);
      this.failed = false;
      this.panel.toggle();
    } catch {
      // Offline or blocked chunk: say so; the next use tries again.
      this.failed = true;
      this.host.requestUpdate();
    }
  }
}
