import { html, nothing, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import type { SynthesisResponse } from '../../core/schema/synthesis.js';
import type { Lang } from '../../core/schema/text.js';
import { FRAGILE_BELOW, FRAGILE_MARGIN_POINTS } from '../../core/stats/margin.js';
import { RequestTask } from '../shared/request-task.js';
import { TerritoryElement } from '../shared/territory-element.js';
import { toLoadFailure, type LoadFailure } from '../shared/results/load-error.js';
import { resultsMessages, type ResultsMessageKey } from '../shared/results/messages.js';
import type { BarometreDataDetail, FiguresState } from '../shared/results/results-controller.js';
import { figureStyles } from '../shared/results/results-styles.js';
import { hasStaticFile } from '../shared/results/static-publication.js';
import { statusView } from '../shared/results/status-view.js';
import { baseText, ponderationText, publicationText } from '../shared/results/wording.js';
import { columnsOf, type SynthesisColumn } from './columns.js';
import { fetchSynthesis, type SynthesisRequest, type SynthesisSource } from './load-synthesis.js';
import { syntheseMessages } from './messages.js';
import { participationTable, themeCells, themeTable } from './render-tables.js';
import { syntheseStyles } from './styles.js';

/**
 * The synthesis of a territory: for each of the nine themes, its headline questions with the
 * territory's figures beside its région's, France's and similar collectivités' (a commune or an
 * EPCI is set beside its département too), how many collectivités answered each theme, and the
 * publication the figures come from ("Résultats arrêtés au …"). One request to the API
 * (`/synthese?territoire=…`), or one file of a static publication, brings all of it.
 *
 * Tables first: a table per theme, each question heading its group of answers, each figure with
 * its margin of error and a "fragile" mark in words; a figure that is not published says why, in
 * the words every element uses ("aucune réponse", "moins de 5 réponses", "masqué (secret
 * statistique)"). Printing lays it on A4 pages without cutting a theme in two, with the source and
 * the date under every theme.
 *
 * @summary The headline figures of the nine themes for one territory, against its région and France, printable.
 * @tag barometre-synthese
 *
 * @fires barometre-data - The synthesis was received, validated and shown. `detail: { results }` (the synthesis contract).
 * @fires barometre-error - The synthesis could not be loaded or was invalid. `detail: { code, message }`.
 *
 * @csspart synthese - The whole block.
 * @csspart status - The live region saying loading, empty or error.
 * @csspart retry-button - The "Réessayer" button shown after an error.
 * @csspart title - The synthesis' heading, naming the territory.
 * @csspart publication - The publication's date ("Résultats arrêtés au …").
 * @csspart participation - The section counting respondents per theme.
 * @csspart theme - One theme's section.
 * @csspart table-container - The scrolling box around a table.
 * @csspart table - Every table; `participation` and `theme-table` tell them apart.
 * @csspart notes - How to read the figures: base, margins, fragile figures.
 * @csspart source - The source and the publication's date.
 *
 * @cssprop --barometre-text - Text (default `#1e1e1e`).
 * @cssprop --barometre-text-muted - Secondary text: captions, states, source (default `#545454`).
 * @cssprop --barometre-surface - Background (default `#ffffff`).
 * @cssprop --barometre-border - Rules between questions (default `#6b6b6b`).
 * @cssprop --barometre-separator - Rules between rows (default `#d6d6d6`).
 * @cssprop --barometre-accent - The retry button (default `#1d4f91`).
 * @cssprop --barometre-focus - Keyboard focus ring.
 * @cssprop --barometre-font-family - Font (default: inherited).
 * @cssprop --barometre-font-size - Base font size (default `1rem`).
 * @cssprop --barometre-space - Spacing unit.
 */
export class BarometreSynthese extends TerritoryElement {
  static override styles = [...figureStyles, syntheseStyles];

  private readonly synthesis = new RequestTask<SynthesisRequest, SynthesisResponse, LoadFailure, ResultsMessageKey>(this, {
    ask: () => {
      const source = this.source;
      if (!source) return { idle: 'noSource' };
      // Without a territory of its own or a provider's, the synthesis is France's.
      const territoire = this.effectiveTerritoire ?? 'france';
      // A static publication has no file for communes and EPCI: say so rather than ask for one.
      if ('publication' in source && !hasStaticFile(territoire)) return { idle: 'staticLevel' };
      return { request: { ...source, territoire, lang: this.effectiveLang } };
    },
    keyOf: (request) => JSON.stringify(request),
    load: (request, signal) => fetchSynthesis(request, signal),
    fail: (error, request) => toLoadFailure(error, request.lang, 'publication' in request),
    onReady: (results) => this.emit<BarometreDataDetail<SynthesisResponse>>('barometre-data', { results }),
    onError: (failure) => this.emit('barometre-error', failure),
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
    const state = this.synthesis.state;
    return state.status === 'ready' ? state.value : undefined;
  }

  /** Loads the synthesis again (the "Réessayer" button). */
  retry(): void {
    this.synthesis.retry();
  }

  /** The request's state in the words of the status region every figures element shares. */
  private get figuresState(): FiguresState<SynthesisResponse> {
    const state = this.synthesis.state;
    if (state.status === 'idle') return { status: 'unconfigured', missing: state.reason };
    if (state.status === 'ready') return { status: 'ready', results: state.value };
    return state;
  }

  protected override render(): TemplateResult {
    const lang = this.effectiveLang;
    const state = this.figuresState;
    const shown = state.status === 'ready' && state.results.themes.length > 0 ? state.results : undefined;
    const emptyText = state.status === 'ready' && !shown ? syntheseMessages(lang, 'empty') : undefined;
    return html`<article part="synthese" class="synthese" aria-busy=${state.status === 'loading' ? 'true' : 'false'}>
      ${statusView(lang, state, () => this.retry(), emptyText)} ${shown ? this.renderSynthesis(lang, shown) : nothing}
    </article>`;
  }

  private renderSynthesis(lang: Lang, synthesis: SynthesisResponse): TemplateResult {
    const columns = columnsOf(synthesis);
    const dated = `${publicationText(lang, synthesis.publication)}.`;
    const source = resultsMessages(lang, 'source', { source: synthesis.source[lang], publication: publicationText(lang, synthesis.publication) });
    return html`
      <h2 part="title">${syntheseMessages(lang, 'title', { territory: synthesis.territory.name })}</h2>
      <p part="publication" class="publication">${dated}</p>
      <section part="participation" class="participation" aria-labelledby="participation-title">
        <h3 id="participation-title">${syntheseMessages(lang, 'participationTitle')}</h3>
        ${participationTable(lang, synthesis, columns)}
        <p class="print-source">${source}</p>
      </section>
      ${synthesis.themes.map(
        (theme) => html`<section part="theme" class="theme" data-theme=${theme.theme} aria-labelledby=${`title-${theme.theme}`}>
          <h3 id=${`title-${theme.theme}`}>${theme.title[lang]}</h3>
          ${themeTable(lang, theme, columns, synthesis.minCell)}
          <p class="print-source">${source}</p>
        </section>`,
      )}
      ${this.renderNotes(lang, synthesis, columns)}
      <p part="source" class="source">${source}</p>
    `;
  }

  /** What the figures are shares of, what their margins mean, and what "fragile" says when one is. */
  private renderNotes(lang: Lang, synthesis: SynthesisResponse, columns: readonly SynthesisColumn[]): TemplateResult {
    const cells = synthesis.themes.flatMap((theme) => themeCells(theme, columns).flat(2));
    const fragile = cells.some((cell) => cell.fragile);
    const margins = cells.some((cell) => cell.cell.kind === 'value' && cell.cell.ci !== null);
    return html`<div part="notes" class="notes">
      <p>${baseText(lang, 'concernees')} · ${ponderationText(lang, 'brute')}.</p>
      ${margins ? html`<p>${resultsMessages(lang, 'marginNote')}</p>` : nothing}
      ${fragile ? html`<p>${resultsMessages(lang, 'fragileNote', { below: FRAGILE_BELOW, points: FRAGILE_MARGIN_POINTS })}</p>` : nothing}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'barometre-synthese': BarometreSynthese;
  }
}
