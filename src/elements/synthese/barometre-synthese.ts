import { html, nothing, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import type { SynthesisResponse } from '../../core/schema/synthesis.js';
import type { Lang } from '../../core/schema/text.js';
import { FRAGILE_BELOW, FRAGILE_MARGIN_POINTS } from '../../core/stats/margin.js';
import { resultsMessages } from '../shared/results/messages.js';
import { figureStyles } from '../shared/results/results-styles.js';
import { baseText, ponderationText, editionPublicationText } from '../shared/results/wording.js';
import { columnsOf, type SynthesisColumn } from './columns.js';
import { gapStyles } from './gap-styles.js';
import { gapsOf } from './gaps.js';
import { syntheseMessages } from './messages.js';
import { gapsView } from './render-gaps.js';
import { participationTable, themeCells, themeTable } from './render-tables.js';
import { syntheseStyles } from './styles.js';
import { SynthesisElement } from './synthesis-element.js';

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
 * Before the themes' tables, the nine themes side by side against France (the view
 * `<barometre-profil>` shows alone): the figures where the territory stands clearly apart, and a
 * line per figure drawing and saying its gap.
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
 * @csspart gaps-section - The section setting the nine themes against France (not for France itself).
 * @csspart gaps - The gaps with France: summary, lines and table.
 * @csspart toolbar - The buttons under the gaps with France.
 * @csspart table-button - The "Tableau" toggle of the gaps with France.
 * @csspart theme - One theme's section.
 * @csspart table-container - The scrolling box around a table.
 * @csspart table - Every table; `participation`, `gaps-table` and `theme-table` tell them apart.
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
export class BarometreSynthese extends SynthesisElement {
  static override styles = [...figureStyles, syntheseStyles, gapStyles];

  /** Whether the table of the gaps with France is in sight. */
  @state() private gapsTableShown = false;

  protected override render(): TemplateResult {
    return this.renderBlock('synthese', (lang, synthesis) => this.renderSynthesis(lang, synthesis));
  }

  private renderSynthesis(lang: Lang, synthesis: SynthesisResponse): TemplateResult {
    const columns = columnsOf(synthesis);
    const dated = `${editionPublicationText(lang, synthesis.publication)}.`;
    const source = resultsMessages(lang, 'source', { source: synthesis.source[lang], publication: editionPublicationText(lang, synthesis.publication) });
    return html`
      <h2 part="title">${syntheseMessages(lang, 'title', { territory: synthesis.territory.name })}</h2>
      <p part="publication" class="publication">${dated}</p>
      <section part="participation" class="participation" aria-labelledby="participation-title">
        <h3 id="participation-title">${syntheseMessages(lang, 'participationTitle')}</h3>
        ${participationTable(lang, synthesis, columns)}
        <p class="print-source">${source}</p>
      </section>
      ${this.renderGaps(lang, synthesis)}
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

  /** The nine themes side by side against France (see `gaps.ts`); nothing for France itself. */
  private renderGaps(lang: Lang, synthesis: SynthesisResponse): TemplateResult | typeof nothing {
    const themes = gapsOf(synthesis);
    if (!themes) return nothing;
    return html`<section part="gaps-section" class="gaps-section" aria-labelledby="gaps-title">
      <h3 id="gaps-title">${syntheseMessages(lang, 'gapsTitle')}</h3>
      <p class="gaps-intro">${syntheseMessages(lang, 'gapsIntro', { territory: synthesis.territory.name })}</p>
      ${gapsView({
        lang,
        territory: synthesis.territory.name,
        themes,
        minCell: synthesis.minCell,
        tableShown: this.gapsTableShown,
        onToggleTable: () => (this.gapsTableShown = !this.gapsTableShown),
        idPrefix: 'gaps',
        headingLevel: 4,
      })}
      <p class="print-source">${resultsMessages(lang, 'source', { source: synthesis.source[lang], publication: editionPublicationText(lang, synthesis.publication) })}</p>
    </section>`;
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
