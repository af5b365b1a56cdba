import type { ReactiveController, ReactiveElement, TemplateResult } from 'lit';
import { nothing } from 'lit';
import type { Lang } from '../../../../core/schema/text.js';
import { adoptLate } from '../../adopt-late.js';
import { absolute, loaderAddress, withAbsoluteAddresses } from './loader-address.js';
import { copySnippet, embedPanel, EMBED_PANEL_ID } from './panel.js';
import { embedSnippet, type EmbedSettings, type EmbedTag } from './snippet.js';
import { embedStyles } from './styles.js';

/** What an element shows, for its snippet. */
export interface EmbedSource {
  tag: EmbedTag;
  settings: EmbedSettings;
}

/** The snippet of an element as the page shows it, with the page's loader and absolute addresses. */
export function elementSnippet({ tag, settings }: EmbedSource): { snippet: string; withScript: boolean } {
  const script = loaderAddress(absolute(settings.api));
  return { snippet: embedSnippet({ tag, script, settings: withAbsoluteAddresses(settings) }), withScript: script !== undefined };
}

/**
 * The panel of the "Intégrer" action, once its code is loaded: its code is written from the
 * element's settings at each render, so it follows every change of attribute or provider.
 * Opening moves the focus to the code, selected for copying; closing (Escape, "Fermer", the
 * toggle) brings it back to the toggle.
 */
export class EmbedPanel implements ReactiveController {
  open = false;
  private status = '';
  private focus?: 'textarea' | '[part~="embed-button"]';

  constructor(
    private readonly host: ReactiveElement,
    private readonly source: () => EmbedSource,
  ) {
    adoptLate(host.renderRoot, embedStyles);
    host.addController(this);
  }

  toggle(): void {
    if (this.open) this.close();
    else {
      this.open = true;
      this.focus = 'textarea';
      this.host.requestUpdate();
    }
  }

  render(lang: Lang): TemplateResult | typeof nothing {
    if (!this.open) return nothing;
    const source = this.source();
    const { snippet, withScript } = elementSnippet(source);
    return embedPanel({
      lang,
      tag: source.tag,
      snippet,
      withScript,
      status: this.status,
      onCopy: () => void this.copy(lang, snippet),
      onClose: () => this.close(),
    });
  }

  hostUpdated(): void {
    const target = this.focus && this.host.renderRoot.querySelector<HTMLElement>(this.focus);
    this.focus = undefined;
    target?.focus();
    if (target instanceof HTMLTextAreaElement) target.select();
  }

  private close(): void {
    this.open = false;
    this.status = '';
    this.focus = '[part~="embed-button"]';
    this.host.requestUpdate();
  }

  private async copy(lang: Lang, snippet: string): Promise<void> {
    const area = this.host.renderRoot.querySelector<HTMLTextAreaElement>(`#${EMBED_PANEL_ID} textarea`);
    // Emptied first, so that copying twice is said twice.
    this.status = '';
    this.host.requestUpdate();
    await this.host.updateComplete;
    this.status = await copySnippet(lang, snippet, area);
    this.host.requestUpdate();
  }
}
