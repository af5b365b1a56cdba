import { html, nothing, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import type { Lang } from '../../core/schema/text.js';
import { resultsStyles } from '../shared/results/results-styles.js';
import { ResultsElement } from '../shared/results/results-element.js';
import type { ResultsMessageKey } from '../shared/results/messages.js';
import { isEmptyTable, type ShareColumn, type ShareTable } from '../shared/results/share-table.js';
import { statusView } from '../shared/results/status-view.js';
import { baseText, cellText, nText, ponderationText, sourceText } from '../shared/results/wording.js';
import { indicatorMessages } from './messages.js';
import { indicatorStyles } from './styles.js';

/** The figure a key-figure block is about: the territory's series, else the first one. */
function mainColumn(table: ShareTable): ShareColumn | undefined {
  return table.columns.find((column) => column.role === 'territoire') ?? table.columns[0];
}

/**
 * One key figure — the share of collectivités giving one answer to one question — with its
 * label, its comparison (France by default), the number of respondents and the base. Same data
 * path and states as the chart, without Chart.js: a figure that is not published says which state
 * applies ("aucune réponse", "moins de 5 réponses", "masqué (secret statistique)"), and the
 * number of respondents is shown only when it is published. The source line names the publication.
 *
 * @summary A key figure with its comparison, e.g. "26 %" and "France : 26 %".
 * @tag barometre-indicateur
 *
 * @fires barometre-data - Results were received, validated and shown. `detail: { results }` (the results contract).
 * @fires barometre-error - Results could not be loaded or were invalid. `detail: { code, message }`.
 *
 * @csspart indicator - The whole block.
 * @csspart status - The live region saying loading, empty or error.
 * @csspart retry-button - The "Réessayer" button shown after an error.
 * @csspart territory - The territory's name.
 * @csspart value - The key figure ("26 %"), or the state of a figure that is not published.
 * @csspart label - The answer the figure counts.
 * @csspart question - The question's wording.
 * @csspart comparisons - The list of comparison figures.
 * @csspart meta - Number of respondents, base and weighting.
 * @csspart source - The source and the publication's date.
 *
 * @cssprop --barometre-text - Text (default `#1e1e1e`).
 * @cssprop --barometre-text-muted - Secondary text: base, source (default `#545454`).
 * @cssprop --barometre-surface - Background (default `#ffffff`).
 * @cssprop --barometre-accent - The retry button (default `#1d4f91`).
 * @cssprop --barometre-focus - Keyboard focus ring.
 * @cssprop --barometre-error - Mark beside error messages.
 * @cssprop --barometre-indicator-size - Size of the key figure (default `2.5em`).
 * @cssprop --barometre-indicator-color - Colour of the key figure (default: the text colour).
 * @cssprop --barometre-font-family - Font (default: inherited).
 * @cssprop --barometre-font-size - Base font size (default `1rem`).
 * @cssprop --barometre-radius - Button corner radius.
 * @cssprop --barometre-space - Spacing unit.
 */
export class BarometreIndicateur extends ResultsElement {
  static override styles = [...resultsStyles, indicatorStyles];

  /** The answer code whose share is shown, e.g. `oui`. */
  @property() code?: string;

  protected override get defaultComparer(): readonly string[] {
    return ['france'];
  }

  protected override missingSetting(): ResultsMessageKey | undefined {
    return this.code?.trim() ? undefined : 'noCode';
  }

  protected override render(): TemplateResult {
    const lang = this.effectiveLang;
    const state = this.results.state;
    const table = this.shareTable;
    const rowIndex = table ? table.rows.findIndex((row) => row.code === this.code?.trim()) : -1;
    const empty = table !== undefined && (isEmptyTable(table) || rowIndex < 0);
    const emptyKey = table && !isEmptyTable(table) ? 'emptyCode' : 'empty';
    return html`
      <div part="indicator" class="indicator" aria-busy=${state.status === 'loading' ? 'true' : 'false'}>
        ${statusView(lang, state, () => this.retry(), empty, emptyKey)}
        ${table && !empty ? this.renderFigure(lang, table, rowIndex) : nothing}
      </div>
    `;
  }

  private renderFigure(lang: Lang, table: ShareTable, rowIndex: number): TemplateResult | typeof nothing {
    const main = mainColumn(table);
    const row = table.rows[rowIndex];
    if (!main || !row) return nothing;
    const cell = main.cells[rowIndex] ?? { kind: 'missing' as const };
    const comparisons = table.columns.filter((column) => column !== main);
    return html`
      <p part="territory" class="territory">${main.name}</p>
      <p>
        <span part="value" class=${cell.kind === 'value' ? 'value' : 'value note'} data-state=${cell.kind}>${cellText(lang, cell, table)}</span>
        <span part="label" class="label">${indicatorMessages(lang, 'answered', { answer: row.label })}</span>
      </p>
      <p part="question" class="question">${table.questionLabel}</p>
      ${comparisons.length > 0
        ? html`<ul part="comparisons" class="comparisons">
            ${comparisons.map((column) => {
              const value = cellText(lang, column.cells[rowIndex] ?? { kind: 'missing' }, table);
              return html`<li>${indicatorMessages(lang, 'comparison', { name: column.name, value })}</li>`;
            })}
          </ul>`
        : nothing}
      <p part="meta" class="meta">
        ${main.n !== null && main.status !== 'aucune' ? `${nText(lang, main.n)} · ` : nothing}${baseText(lang, table.base)} ·
        ${ponderationText(lang, table.ponderation)}
      </p>
      <p part="source" class="source">${sourceText(lang, table)}</p>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'barometre-indicateur': BarometreIndicateur;
  }
}
