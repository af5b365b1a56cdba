import { html, nothing, render, type ReactiveController, type TemplateResult } from 'lit';
import { createCatalog } from '../../../core/i18n/catalog.js';
import { themeOf, type SharingHost } from './host.js';
import { takeShareLink, type ShareLink } from './link.js';
import type { SharingPanel } from './panel.js';

/** The two buttons' words; the panel's are in `messages.ts`, loaded with it. */
const e = createCatalog({
  fr: { share: 'Partager avec un collègue', have_code: 'J’ai un code de brouillon partagé' },
  en: { share: 'Share with a colleague', have_code: 'I have a shared draft code' },
});

/**
 * "Partager avec un collègue": the part of sharing that comes with the questionnaire's views. It
 * takes a shared draft's link from the address, and draws two buttons; the panel that shares,
 * opens and keeps a draft in step with colleagues (`panel.ts`) is imported only when one is
 * pressed or a link came. Without sharing, nothing else loads and drafts stay on the device.
 */
export class SharingController implements ReactiveController {
  private panel?: SharingPanel;
  private link?: ShareLink;
  private loading = false;
  private linkRead = false;

  /**
   * Where it draws: before everything the element draws. Lit's part for the element's template
   * runs from its marker to the end of the shadow root, so a node after it would be cleared.
   */
  private readonly container: HTMLElement;

  constructor(
    private readonly host: SharingHost,
    root: ShadowRoot,
  ) {
    host.addController(this);
    this.container = document.createElement('div');
    this.container.className = 'sharing-root';
    root.prepend(this.container);
  }

  hostConnected(): void {
    this.panel?.connected();
  }

  hostDisconnected(): void {
    this.panel?.disconnected();
  }

  hostUpdated(): void {
    // The link is read once the questionnaire knows its theme (its definition is here).
    if (!this.linkRead && themeOf(this.host) !== undefined && this.host.material !== undefined) {
      this.linkRead = true;
      this.link = takeShareLink(themeOf(this.host));
      if (this.link) void this.load('open');
    }
    this.panel?.updated();
    render(this.render(), this.container, { host: this.host });
  }

  /** Loads the panel in one of its modes; a second press while it loads does nothing. */
  private async load(mode: 'share' | 'open'): Promise<void> {
    if (this.loading) return;
    this.loading = true;
    try {
      const { SharingPanel } = await import('./panel.js');
      this.panel ??= new SharingPanel(this.host, this.link);
      this.panel.start(mode);
    } finally {
      this.loading = false;
      this.host.requestUpdate();
    }
  }

  render(): TemplateResult | typeof nothing {
    const phase = this.host.session.phase;
    if (this.panel) return phase === 'answering' || phase === 'reviewing' || phase === 'identifying' || this.panel.closed ? this.panel.render() : nothing;
    // Sharing needs the collectivité: it is offered once the identification step is passed.
    if (phase !== 'answering' && phase !== 'reviewing') return nothing;
    const lang = this.host.effectiveLang;
    return html`<div class="sharing-entry">
      <button type="button" part="button" class="link" @click=${() => void this.load('share')}>
        ${e(lang, 'share')}
      </button>
      <button type="button" part="button" class="link" @click=${() => void this.load('open')}>
        ${e(lang, 'have_code')}
      </button>
    </div>`;
  }
}
