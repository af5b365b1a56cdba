import { html, nothing, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import type { Lang } from '../../core/schema/text.js';
import { resultsStyles } from '../shared/results/results-styles.js';
import { ResultsElement } from '../shared/results/results-element.js';
import { resultsMessages, type ResultsMessageKey } from '../shared/results/messages.js';
import { coverageNotes } from '../shared/results/coverage-notes.js';
import { isEmptyTable, type ShareColumn, type ShareTable } from '../shared/results/share-table.js';
import { ShownFigures } from '../shared/results/shown-figures.js';
import type { EmbedSettings } from '../shared/results/embed/snippet.js';
import { figureToolbar } from '../shared/results/toolbar.js';
import { baseText, nText, ponderationText, sourceText } from '../shared/results/wording.js';
import { cellPrecision } from '../shared/results/precision.js';
import { comparisonView, fragileView, publishedFigureView, unpublishedFigureView } from './figure-view.js';
import { indicatorStyles } from './styles.js';

/** The figure a key-figure block is about: the territory's series, else the first one. */
function mainColumn(table: ShareTable): ShareColumn | undefined {
  return table.columns.find((column) => column.role === 'territoire') ?? table.columns[0];
}

/** The figures shown and the row of the answer the key figure counts (`-1` when the question has no such answer). */
interface KeyFigure {
  table: ShareTable;
  rowIndex: number;
}

/**
 * One key figure — the share of collectivités giving one answer to one question — with its
 * label, its margin of error, its comparison (France by default), the number of respondents and
 * the base. Same data path and states as the chart, without Chart.js.
 *
 * Where the data gives the share's 95 % interval, the figure reads "28 % ± 9 pts" (the larger
 * side of the interval, rounded up). A figure resting on fewer than 30 respondents, or with a
 * margin over 15 points, is marked fragile in a boxed sentence saying why. A comparison whose
 * interval overlaps the key figure's says "écart non significatif": the two cannot be told apart.
 * A figure that is not published is one whole sentence per state: nobody answered, fewer than k
 * answered, or hidden by statistical secrecy; the number of respondents is shown only when it is
 * published. Screen readers hear the figure, its margin and each comparison as sentences. The
 * source line names the publication.
 *
 * "Intégrer", last in the toolbar, opens a panel with the HTML that shows this key figure on another
 * page as it is shown here: the script tag of the script-tag build (this page's, else the one
 * served beside the API) and the element with every attribute that decides what it shows, the
 * provider's settings included, in a read-only text area with "Copier" (the outcome said in a
 * live region) and "Fermer"; Escape closes it and gives the focus back to the toggle. Its code
 * loads the first time it is used; `embedSnippet()` gives the same HTML.
 *
 * @summary A key figure with its margin and comparison, e.g. "26 % ± 7 pts" and "France : 26 % ± 2 pts".
 * @tag barometre-indicateur
 *
 * @fires barometre-data - Results were received, validated and shown. `detail: { results }` (the results contract).
 * @fires barometre-error - Results could not be loaded or were invalid. `detail: { code, message }`.
 *
 * @csspart indicator - The whole block.
 * @csspart status - The live region saying loading, empty or error.
 * @csspart retry-button - The "Réessayer" button shown after an error.
 * @csspart territory - The territory's name.
 * @csspart value - The key figure ("26 %"), or the sentence saying why it is not published.
 * @csspart margin - The margin of error ("± 9 pts").
 * @csspart label - The answer the figure counts.
 * @csspart fragile - The sentence marking a fragile figure.
 * @csspart question - The question's wording.
 * @csspart comparisons - The list of comparison figures.
 * @csspart meta - Number of respondents, base and weighting.
 * @csspart source - The source and the publication's date.
 * @csspart toolbar - The buttons under the key figure.
 * @csspart embed-button - The "Intégrer" toggle, last in the toolbar.
 * @csspart embed - The "Intégrer" panel under the toolbar: what the code is for, the code, "Copier" and "Fermer".
 * @csspart embed-code - The read-only text area holding the snippet.
 * @csspart embed-copy-button - The "Copier" button.
 * @csspart embed-close-button - The "Fermer" button.
 * @csspart embed-status - The live region saying whether the copy worked.
 *
 * @cssprop --barometre-text - Text (default `#1e1e1e`).
 * @cssprop --barometre-text-muted - Secondary text: base, source (default `#545454`).
 * @cssprop --barometre-surface - Background (default `#ffffff`).
 * @cssprop --barometre-accent - Buttons: retry, "Intégrer" (default `#1d4f91`).
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

  protected readonly embedTag = 'barometre-indicateur';

  protected override get defaultComparer(): readonly string[] {
    return ['france'];
  }

  private readonly figures = new ShownFigures<KeyFigure>(this, {
    state: () => this.results.state,
    derive: () => {
      const table = this.shareTable;
      return table && { table, rowIndex: table.rows.findIndex((row) => row.code === this.code?.trim()) };
    },
    isEmpty: ({ table, rowIndex }) => isEmptyTable(table) || rowIndex < 0,
  });

  protected override embedSettings(): EmbedSettings {
    return { ...super.embedSettings(), code: this.code?.trim() };
  }

  protected override missingSetting(): ResultsMessageKey | undefined {
    return this.code?.trim() ? undefined : 'noCode';
  }

  protected override render(): TemplateResult {
    const lang = this.effectiveLang;
    return this.figures.render({
      lang,
      frame: 'indicator',
      onRetry: () => this.retry(),
      // Figures for the question but none for this answer: say it is the answer that has none.
      emptyText: ({ table }) => resultsMessages(lang, isEmptyTable(table) ? 'empty' : 'emptyCode'),
      body: ({ table, rowIndex }) => this.renderFigure(lang, table, rowIndex),
    });
  }

  private renderFigure(lang: Lang, table: ShareTable, rowIndex: number): TemplateResult | typeof nothing {
    const main = mainColumn(table);
    const row = table.rows[rowIndex];
    if (!main || !row) return nothing;
    const cell = main.cells[rowIndex] ?? { kind: 'missing' as const };
    const precision = cellPrecision(table, main, rowIndex);
    const comparisons = table.columns.filter((column) => column !== main);
    return html`
      <p part="territory" class="territory">${main.name}</p>
      ${cell.kind === 'value'
        ? html`${publishedFigureView(lang, table, row, cell, precision)}${fragileView(lang, main, precision)}`
        : unpublishedFigureView(lang, table, row, cell)}
      <p part="question" class="question">${table.questionLabel}</p>
      ${comparisons.length > 0
        ? html`<ul part="comparisons" class="comparisons">
            ${comparisons.map((column) => {
              const other = cellPrecision(table, column, rowIndex);
              // Compared with the chosen territory's figure, which is the key figure whenever there is one.
              const indistinct = other?.versusTerritory === 'indistinct';
              return comparisonView(lang, table, { column, rowIndex, precision: other, indistinct, mainName: main.name });
            })}
          </ul>`
        : nothing}
      ${coverageNotes(lang, table).map((note) => html`<p class="meta coverage">${note}</p>`)}
      <p part="meta" class="meta">
        ${main.n !== null && main.status !== 'aucune' ? `${nText(lang, main.n)} · ` : nothing}${baseText(lang, table.base, table.ponderation)} ·
        ${ponderationText(lang, table.ponderation)}
      </p>
      <p part="source" class="source">${sourceText(lang, table)}</p>
      ${figureToolbar({ lang, embed: this.embed })}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'barometre-indicateur': BarometreIndicateur;
  }
}
