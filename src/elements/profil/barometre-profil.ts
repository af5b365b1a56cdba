import { html, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import type { SynthesisResponse } from '../../core/schema/synthesis.js';
import type { Lang } from '../../core/schema/text.js';
import { resultsMessages } from '../shared/results/messages.js';
import { figureStyles } from '../shared/results/results-styles.js';
import { baseText, ponderationText, editionPublicationText } from '../shared/results/wording.js';
import { gapStyles } from '../synthese/gap-styles.js';
import { gapsOf } from '../synthese/gaps.js';
import { syntheseMessages } from '../synthese/messages.js';
import { gapsView } from '../synthese/render-gaps.js';
import { SynthesisElement } from '../synthese/synthesis-element.js';

/**
 * The nine themes side by side for one territory: each headline figure against France's, the gap
 * in points and whether it stands out from the margins of error, so that "where are we behind?"
 * has its answer at a glance — two sentences naming the figures clearly higher and clearly lower,
 * then a line per figure drawing the territory (a disc) and France (a stroke) on one scale, with
 * the same said in words, and a table alternative. No answer is called good or bad: the
 * answer's own words ("Aucun RSSI", "Oui") say which way is ahead.
 *
 * It reads the same single response as `<barometre-synthese>` (`/synthese?territoire=…`, or
 * the static publication's file), which shows this view too, above its tables. For France, it
 * says that France is the reference.
 *
 * @summary The nine themes of one territory against France: where it stands clearly apart, at a glance.
 * @tag barometre-profil
 *
 * @fires barometre-data - The synthesis was received, validated and shown. `detail: { results }` (the synthesis contract).
 * @fires barometre-error - The synthesis could not be loaded or was invalid. `detail: { code, message }`.
 *
 * @csspart profil - The whole block.
 * @csspart status - The live region saying loading, empty or error.
 * @csspart retry-button - The "Réessayer" button shown after an error.
 * @csspart title - The heading, naming the territory.
 * @csspart publication - The publication's date ("Résultats arrêtés au …").
 * @csspart gaps - The summary, the lines and the table.
 * @csspart toolbar - The buttons under the lines.
 * @csspart table-button - The "Tableau" toggle.
 * @csspart table-container - The scrolling box around the table.
 * @csspart table - The table (`gaps-table`).
 * @csspart source - The source and the publication's date.
 *
 * @cssprop --barometre-text - Text and France's stroke (default `#1e1e1e`).
 * @cssprop --barometre-text-muted - Secondary text and the gap's stretch (default `#545454`).
 * @cssprop --barometre-surface - Background (default `#ffffff`).
 * @cssprop --barometre-border - The scale's baseline (default `#6b6b6b`).
 * @cssprop --barometre-separator - Rules between lines (default `#d6d6d6`).
 * @cssprop --barometre-accent - The territory's disc and the buttons (default `#1d4f91`).
 * @cssprop --barometre-focus - Keyboard focus ring.
 * @cssprop --barometre-font-family - Font (default: inherited).
 * @cssprop --barometre-font-size - Base font size (default `1rem`).
 * @cssprop --barometre-space - Spacing unit.
 */
export class BarometreProfil extends SynthesisElement {
  static override styles = [...figureStyles, gapStyles];

  /** Whether the table is in sight (it is always there for screen readers). */
  @state() private tableShown = false;

  protected override render(): TemplateResult {
    return this.renderBlock('profil', (lang, synthesis) => this.renderProfile(lang, synthesis));
  }

  private renderProfile(lang: Lang, synthesis: SynthesisResponse): TemplateResult {
    const themes = gapsOf(synthesis);
    const source = resultsMessages(lang, 'source', { source: synthesis.source[lang], publication: editionPublicationText(lang, synthesis.publication) });
    return html`
      <h2 part="title">${syntheseMessages(lang, 'profileTitle', { territory: synthesis.territory.name })}</h2>
      <p part="publication" class="publication">${editionPublicationText(lang, synthesis.publication)}.</p>
      ${themes
        ? html`<p class="gaps-intro">${syntheseMessages(lang, 'gapsIntro', { territory: synthesis.territory.name })}</p>
            ${gapsView({
              lang,
              territory: synthesis.territory.name,
              themes,
              minCell: synthesis.minCell,
              tableShown: this.tableShown,
              onToggleTable: () => (this.tableShown = !this.tableShown),
              idPrefix: 'profil',
              headingLevel: 3,
            })}
            <p class="notes">${baseText(lang, 'concernees')} · ${ponderationText(lang, 'brute')}.</p>`
        : html`<p class="france-reference">${syntheseMessages(lang, 'franceIsReference')}</p>`}
      <p part="source" class="source">${source}</p>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'barometre-profil': BarometreProfil;
  }
}
