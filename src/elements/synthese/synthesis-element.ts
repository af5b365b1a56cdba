import { html, nothing, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import type { SynthesisResponse } from '../../core/schema/synthesis.js';
import type { Lang } from '../../core/schema/text.js';
import { TerritoryElement } from '../shared/territory-element.js';
import { ResponseController } from '../shared/results/response-controller.js';
import { hasStaticFile } from '../shared/results/static-publication.js';
import { statusView } from '../shared/results/status-view.js';
import { fetchSynthesis, type SynthesisRequest, type SynthesisSource } from './load-synthesis.js';
import { syntheseMessages } from './messages.js';

/**
 * What the elements reading a territory's synthesis share: where it is read (the element's own
 * publication or API first, then its provider's), one request for all of it, its state in the
 * words every figures element uses, and the events. `<barometre-synthese>` and
 * `<barometre-profil>` show it two ways.
 */
export class SynthesisElement extends TerritoryElement {
  private readonly synthesis = new ResponseController<SynthesisRequest, SynthesisResponse>(this, {
    ask: () => {
      const source = this.source;
      if (!source) return { idle: 'noSource' };
      // Without a territory of its own or a provider's, the synthesis is France's.
      const territoire = this.effectiveTerritoire ?? 'france';
      // A static publication has no file for communes and EPCI: say so rather than ask for one.
      if ('publication' in source && !hasStaticFile(territoire)) return { idle: 'staticLevel' };
      return { request: { ...source, territoire, lang: this.effectiveLang } };
    },
    load: (request, signal) => fetchSynthesis(request, signal),
    readsFiles: (request) => 'publication' in request,
  });

  /**
   * Base URL of a static publication read instead of the API: its file is
   * `{publication}/synthese/{territoire-file}.json` (France, régions and départements only).
   * Inherited from `<barometre-provider>` when absent.
   */
  @property() publication?: string;

  /** The element's own publication or API first, then the provider's. */
  private get source(): SynthesisSource | undefined {
    const base = (value: string | undefined) => value?.trim().replace(/\/+$/, '') || undefined;
    const ownPublication = base(this.publication);
    const ownApi = base(this.api);
    const providerPublication = base(this.config.publication);
    const providerApi = base(this.config.api);
    if (ownPublication) return { publication: ownPublication };
    if (ownApi) return { api: ownApi };
    if (providerPublication) return { publication: providerPublication };
    return providerApi ? { api: providerApi } : undefined;
  }

  /** The synthesis shown, once loaded. */
  get results(): SynthesisResponse | undefined {
    return this.synthesis.results;
  }

  /** Loads the synthesis again (the "Réessayer" button). */
  retry(): void {
    this.synthesis.retry();
  }

  /** The element's block (`part` and class `name`): the status region, then `show` once a synthesis with themes is in. */
  protected renderBlock(name: string, show: (lang: Lang, synthesis: SynthesisResponse) => TemplateResult): TemplateResult {
    const lang = this.effectiveLang;
    const figures = this.synthesis.state;
    const shown = figures.status === 'ready' && figures.results.themes.length > 0 ? figures.results : undefined;
    const emptyText = figures.status === 'ready' && !shown ? syntheseMessages(lang, 'empty') : undefined;
    return html`<article part=${name} class=${name} aria-busy=${figures.status === 'loading' ? 'true' : 'false'}>
      ${statusView(lang, figures, () => this.retry(), emptyText)} ${shown ? show(lang, shown) : nothing}
    </article>`;
  }
}
