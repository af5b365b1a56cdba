import { property } from 'lit/decorators.js';
import type { Ponderation } from '../config-context.js';
import { ConfiguredElement } from '../configured-element.js';
import { EmbedAction, loadEmbed } from './embed-action.js';
import type { EmbedSettings, EmbedTag } from './embed/snippet.js';
import type { ResultsMessageKey } from './messages.js';
import { DEFAULT_DECIMALS, toDecimals } from './percent.js';
import { sourceInForce, type FiguresSource } from './figures-source.js';
import type { FiguresRequestOrMissing } from './results-controller.js';

export type { FiguresSource };

/** What every figures request names beyond its source: what the chart, key figure and map share. */
export interface FiguresAsked extends FiguresSource {
  theme?: string;
  question: string;
  ponderation: Ponderation;
}

/**
 * Base of the elements that show published figures (charts, key figures, maps): the settings
 * that say where figures are read, on top of the shared configuration.
 */
export abstract class FiguresElement extends ConfiguredElement {
  /** Theme id (`cybersecurite`, `inclusion`…). Required with the API or a publication; a file names its own. */
  @property() theme?: string;

  /** Question id within the theme, e.g. `rssi`. */
  @property() question?: string;

  /**
   * A static file (JSON following the element's contract) read instead of the API or a
   * publication, for open-data pages that have no API. Resolved against the page's address.
   */
  @property() src?: string;

  /** Decimals of the percentages, 0 (default) to 2. */
  @property({ type: Number }) decimales: number = DEFAULT_DECIMALS;

  /**
   * Base URL of a static publication (e.g. `https://example.org/publications/2026-12-06`), read
   * instead of the API: its files are `{publication}/resultats/{theme}/{ponderation}/{territory}.json`
   * (the territory id with `:` written `-`, e.g. `departement-35`; `france` without a territory),
   * `{publication}/resultats/{theme}/{ponderation}/carte/{niveau}/{question}.json` for maps and
   * `{publication}/questionnaires/{theme}.json` for wording. Communes and intercommunalités have no
   * file. Inherited from `<barometre-provider>` when absent; `src` wins over it.
   */
  @property() publication?: string;

  /** The element's tag, as snippets write it. */
  protected abstract readonly embedTag: EmbedTag;

  /** The "Intégrer" action of the toolbar. */
  protected readonly embed = new EmbedAction(this, () => ({ tag: this.embedTag, settings: this.embedSettings() }));

  /**
   * The HTML that shows this figure on another page as it is shown here, the one the "Intégrer"
   * action offers: the script tag of the script-tag build (the one this page loaded, else the one
   * the reference server serves beside the API, `{origin}/cdn/barometre-widgets.js`), then the
   * element with every attribute that decides what it shows, as values in force — its own, else
   * its provider's (source, territory, weighting, language) — with absolute addresses, values
   * escaped for HTML and defaults left out. Its code loads on first use.
   */
  async embedSnippet(): Promise<string> {
    const module = await loadEmbed();
    return module.elementSnippet({ tag: this.embedTag, settings: this.embedSettings() }).snippet;
  }

  /** What this element shows, for its snippet; each element adds its own settings. */
  protected embedSettings(): EmbedSettings {
    return {
      ...this.figuresSource(this.src?.trim() || undefined),
      theme: this.theme?.trim(),
      question: this.question?.trim(),
      territoire: this.effectiveTerritoire,
      ponderation: this.effectivePonderation,
      decimales: toDecimals(this.decimales),
      lang: this.effectiveLang,
    };
  }

  /**
   * The source in force for a `src` value: the element's own `publication` or `api` first, then
   * the provider's `publication` or `api`. `undefined` when there is nothing to read from.
   */
  protected figuresSource(src: string | undefined): FiguresSource | undefined {
    return sourceInForce(src, { publication: this.publication, api: this.api }, this.config);
  }

  /** The setting, beyond source, theme and question, without which nothing can be asked. */
  protected missingSetting(): ResultsMessageKey | undefined {
    return undefined;
  }

  /**
   * What every figures element asks, in the order its settings are checked: a source, a theme
   * (a file names its own), a question, then the element's own setting.
   */
  protected askFigures(): FiguresRequestOrMissing<FiguresAsked> {
    const source = this.figuresSource(this.src?.trim() || undefined);
    const theme = this.theme?.trim() || undefined;
    const question = this.question?.trim() || undefined;
    if (!source) return { missing: 'noSource' };
    if (!source.src && !theme) return { missing: 'noTheme' };
    if (!question) return { missing: 'noQuestion' };
    const missing = this.missingSetting();
    if (missing) return { missing };
    return { lang: this.effectiveLang, request: { ...source, theme, question, ponderation: this.effectivePonderation } };
  }
}
