import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { ref } from 'lit/directives/ref.js';
import type { Lang } from '../../core/schema/text.js';
import { resultsMessages } from '../shared/results/messages.js';
import { figureStyles } from '../shared/results/results-styles.js';
import { ShownFigures } from '../shared/results/shown-figures.js';
import { ResultsElement } from '../shared/results/results-element.js';
import { fileNameOf, saveFile } from '../shared/results/save-file.js';
import { shareTableCsv } from '../shared/results/share-csv.js';
import { drawnColumns, isEmptyTable, type ShareColumn, type ShareTable } from '../shared/results/share-table.js';
import { tableRegion } from '../shared/results/table-region.js';
import type { EmbedSettings } from '../shared/results/embed/snippet.js';
import { figureToolbar } from '../shared/results/toolbar.js';
import { baseText, nText, ponderationText, sourceText } from '../shared/results/wording.js';
import { columnStateText } from './column-state.js';
import { coverageNotes } from '../shared/results/coverage-notes.js';
import type { ChartTheme } from './chart-kind.js';
import { toChartKind, type ChartKind } from './chart-kind.js';
import { ChartCanvasController } from '../shared/chart/chart-canvas-controller.js';
import { buildChartConfig, type BarChart } from './chart-config.js';
import { readChartTheme } from '../shared/chart/chart-theme.js';
import { dataTable } from './data-table.js';
import { composeExport, type ExportLegendItem } from '../shared/chart/export-image.js';
import { hiddenCellsSentence } from './hidden-cells.js';
import { chartMessages } from './messages.js';
import { seriesFill } from '../shared/chart/patterns.js';
import { seriesSlots } from '../shared/chart/series-slots.js';
import { chartStyles } from '../shared/chart/chart-styles.js';
import { paintSwatch } from '../shared/chart/swatch.js';

/** Height of the drawing area: enough room per bar for a label beside it, whatever the width. */
function chartHeight(kind: ChartKind, rows: number, series: number): number {
  if (kind === 'colonnes') return 340;
  if (kind === 'barres-empilees') return 110 + series * 48;
  return 100 + rows * (series * 22 + 18);
}

/** A canvas has no background of its own: an exported image gets the host's, or white when that is see-through. */
function opaque(colour: string): string {
  const transparent = colour === '' || colour === 'transparent' || /^rgba?\(.*[,/]\s*0(\.0+)?\s*\)$/.test(colour);
  return transparent ? '#ffffff' : colour;
}

/**
 * Compares the answers to one question across territories — a territory and, beside it, its
 * region, France or similar collectivités — as an accessible bar chart with its data table.
 *
 * Data comes from the API (`{api}/resultats/:theme`), from a static publication (`publication`)
 * or from a static results file (`src`), and is validated before anything is drawn. Chart.js is
 * loaded only when the element nears the viewport. A figure that is not published — nobody
 * answered, fewer respondents than the threshold, or hidden by statistical secrecy — is never
 * drawn, let alone as zero: it is left out and its state is said in words, in the notes, the
 * table and the CSV. The source line names the publication the figures come from. Each role
 * (the chosen territory, its région, France, similar collectivités, its département) keeps one
 * colour and texture in every chart; the table and tooltips give each figure's margin of error,
 * mark fragile figures and say when a figure cannot be told apart from the chosen territory's.
 *
 * "Intégrer", last in the toolbar, opens a panel with the HTML that shows this chart on another
 * page as it is shown here: the script tag of the script-tag build (this page's, else the one
 * served beside the API) and the element with every attribute that decides what it shows, the
 * provider's settings included, in a read-only text area with "Copier" (the outcome said in a
 * live region) and "Fermer"; Escape closes it and gives the focus back to the toggle. Its code
 * loads the first time it is used; `embedSnippet()` gives the same HTML.
 *
 * @summary Compares territories' answers to one question in a bar chart with a data table.
 * @tag barometre-territoire-chart
 *
 * @fires barometre-data - Results were received, validated and shown. `detail: { results }` (the results contract).
 * @fires barometre-error - Results could not be loaded or were invalid. `detail: { code, message }`.
 *
 * @csspart figure - The whole chart block.
 * @csspart header - The caption: question and base.
 * @csspart title - The question's wording.
 * @csspart subtitle - The base and weighting in words.
 * @csspart status - The live region saying loading, empty or error.
 * @csspart retry-button - The "Réessayer" button shown after an error.
 * @csspart series - The list of territories with their number of respondents; in grouped bars, the legend, with each series' swatch.
 * @csspart legend - In stacked bars, the legend of the answers.
 * @csspart notes - What is not drawn and why (no response, too few responses, hidden by statistical secrecy): a line per series, one sentence for single figures.
 * @csspart chart - The sized box holding the canvas.
 * @csspart canvas - The chart's canvas.
 * @csspart toolbar - The buttons under the chart.
 * @csspart table-button - The "Tableau" toggle.
 * @csspart csv-button - The CSV download button.
 * @csspart png-button - The PNG download button.
 * @csspart embed-button - The "Intégrer" toggle, last in the toolbar.
 * @csspart embed - The "Intégrer" panel under the toolbar: what the code is for, the code, "Copier" and "Fermer".
 * @csspart embed-code - The read-only text area holding the snippet.
 * @csspart embed-copy-button - The "Copier" button.
 * @csspart embed-close-button - The "Fermer" button.
 * @csspart embed-status - The live region saying whether the copy worked.
 * @csspart table-container - The box around the data table (visually hidden until toggled): a named region, focusable when shown so that a wide table can be scrolled with the keyboard.
 * @csspart table - The data table: each figure with its margin of error, fragile figures marked.
 * @csspart table-notes - Under the table, what its margins, marks and comparisons mean.
 * @csspart source - The source and the publication's date.
 *
 * @cssprop --barometre-text - Text, axes and bar borders (default `#1e1e1e`).
 * @cssprop --barometre-text-muted - Secondary text: notes, source (default `#545454`).
 * @cssprop --barometre-surface - Background, also of exported images (default `#ffffff`).
 * @cssprop --barometre-separator - Table rules; grid lines unless `--barometre-chart-grid` is set (default `#d6d6d6`).
 * @cssprop --barometre-accent - Buttons (default `#1d4f91`).
 * @cssprop --barometre-on-accent - Text on a pressed button (default `#ffffff`).
 * @cssprop --barometre-focus - Keyboard focus ring.
 * @cssprop --barometre-error - Mark beside error messages.
 * @cssprop --barometre-chart-grid - Grid lines of the chart.
 * @cssprop --barometre-chart-series-1 - The chosen territory, plain (default blue `#0072b2`).
 * @cssprop --barometre-chart-series-2 - The région, striped (default vermillion `#d55e00`).
 * @cssprop --barometre-chart-series-3 - France, dotted (default bluish green `#008566`).
 * @cssprop --barometre-chart-series-4 - Similar collectivités, hatched (default reddish purple `#a8508a`).
 * @cssprop --barometre-chart-series-5 - The département, lined (default grey `#5e5e5e`).
 * @cssprop --barometre-chart-series-6 - Any further series (default ochre `#8f6c00`). In stacked bars the colours go to the answers, in order.
 * @cssprop --barometre-font-family - Font (default: inherited).
 * @cssprop --barometre-font-size - Base font size (default `1rem`).
 * @cssprop --barometre-radius - Button corner radius.
 * @cssprop --barometre-space - Spacing unit.
 */
export class BarometreTerritoireChart extends ResultsElement {
  static override styles = [...figureStyles, chartStyles];

  /** `barres` (default): grouped horizontal bars; `barres-empilees`: one stacked bar per territory; `colonnes`: grouped columns. */
  @property() type: ChartKind = 'barres';

  protected readonly embedTag = 'barometre-territoire-chart';

  @state() private tableShown = false;

  @query('canvas[part~="canvas"]') private canvas?: HTMLCanvasElement | null;

  /** What this update shows, for drawing, the CSV and the file names. */
  private readonly figures = new ShownFigures<ShareTable>(this, {
    state: () => this.results.state,
    derive: () => this.shareTable,
    isEmpty: isEmptyTable,
  });
  private readonly plot = new ChartCanvasController(this, {
    canvas: () => this.canvas,
    figures: () => this.figures.shown,
    key: () => [toChartKind(this.type), this.effectiveLang],
    config: (table, theme, animate) => buildChartConfig({ table, kind: toChartKind(this.type), lang: this.effectiveLang, theme, animate }),
    onFailed: () => (this.tableShown = true),
  });

  /** The Chart.js instance once the chart is drawn, for advanced uses; replaced at each redraw. */
  get chart(): BarChart | undefined {
    return this.plot.chart;
  }

  /**
   * The CSV of the figures shown (same series, base and rounding as the table), or `undefined`
   * before data: UTF-8 text starting with a byte order mark, `;`-separated, as spreadsheets in a
   * French locale open it; cells that a spreadsheet would run as formulas are neutralised. Header
   * lines name the publication and its date; each series has a numeric column (empty when the
   * figure is not published), its margin of error in points, `1` or `0` for a fragile figure, and
   * a `statut` column (`publie`, `aucune`, `insuffisant`, `masque`).
   */
  toCsv(): string | undefined {
    return this.figures.shown ? shareTableCsv(this.effectiveLang, this.figures.shown) : undefined;
  }

  /**
   * The chart as a PNG data URL, or `undefined` before it is drawn: on the host's background
   * (white when transparent), with the question, the territory and its comparisons, the base,
   * the legend, what is not drawn, and the source with the publication's date drawn into the
   * picture, so that it still says what it shows once out of the page.
   */
  toPng(): string | undefined {
    const source = this.plot.chart?.canvas;
    const table = this.figures.shown;
    if (!source || !table) return undefined;
    const lang = this.effectiveLang;
    const theme = readChartTheme(this);
    const territory = table.columns.find((column) => column.role === 'territoire') ?? table.columns[0];
    const others = table.columns.filter((column) => column !== territory).map((column) => column.name);
    const lines = [
      ...(territory ? [chartMessages(lang, 'territoryLine', { name: territory.name })] : []),
      ...(others.length > 0 ? [chartMessages(lang, 'comparedLine', { names: others.join(', ') })] : []),
      `${baseText(lang, table.base, table.ponderation)} · ${ponderationText(lang, table.ponderation)}`,
    ];
    const image = composeExport(
      source,
      {
        title: table.questionLabel,
        lines,
        legend: this.legendItems(lang, table, theme),
        notes: this.notes(lang, table),
        source: sourceText(lang, table),
      },
      { ...theme, background: opaque(theme.background) },
    );
    return image.toDataURL('image/png');
  }

  protected override embedSettings(): EmbedSettings {
    return { ...super.embedSettings(), type: toChartKind(this.type) };
  }

  /** Draws the chart again, re-reading the colours: call it after switching the page's theme. */
  redraw(): void {
    this.plot.redraw();
  }

  protected override render(): TemplateResult {
    const lang = this.effectiveLang;
    return this.figures.render({
      lang,
      onRetry: () => this.retry(),
      emptyText: () => resultsMessages(lang, 'empty'),
      caption: (table) => ({
        title: table.questionLabel,
        subtitle: `${baseText(lang, table.base, table.ponderation)} · ${ponderationText(lang, table.ponderation)}`,
      }),
      body: (table) => this.renderBody(lang, table),
    });
  }

  /** Whole series that are not drawn, and why: one line each (a chart compares a handful of series). */
  private seriesNotes(lang: Lang, table: ShareTable): string[] {
    return table.columns
      .filter((column) => column.status !== 'publie')
      .map((column) => chartMessages(lang, 'notDrawn', { name: column.name, reason: columnStateText(lang, column, table) }));
  }

  /**
   * What is not drawn or not represented, in words: each whole series left out, each estimate
   * that stands for only part of its collectivités, then one sentence for all single figures.
   */
  private notes(lang: Lang, table: ShareTable): string[] {
    const hidden = hiddenCellsSentence(lang, table);
    return [...this.seriesNotes(lang, table), ...coverageNotes(lang, table), ...(hidden ? [hidden] : [])];
  }

  /**
   * The legend's entries: the series in grouped bars, each with its role's colour and texture
   * (an empty slot when not drawn); the answers in stacked bars, one colour each in order.
   */
  private legendItems(lang: Lang, table: ShareTable, theme: ChartTheme): ExportLegendItem[] {
    const colour = (slot: number) => theme.series[slot % theme.series.length] ?? theme.text;
    if (toChartKind(this.type) === 'barres-empilees') {
      return table.rows.map((row, index) => ({ label: row.label, fill: seriesFill(colour(index), index) }));
    }
    const slots = seriesSlots(table.columns);
    return table.columns.map((column, index) => {
      const slot = slots[index] ?? 0;
      return { label: this.seriesItem(lang, column, table), fill: column.status === 'publie' ? seriesFill(colour(slot), slot) : undefined };
    });
  }

  /** A series in the list: its respondents when published, else its state ("Côtes-d’Armor : moins de 5 réponses"). */
  private seriesItem(lang: Lang, column: ShareColumn, table: ShareTable): string {
    if (column.n !== null && (column.status === 'publie' || column.status === 'missing')) {
      return chartMessages(lang, 'seriesItem', { name: column.name, n: nText(lang, column.n) });
    }
    return chartMessages(lang, 'seriesState', { name: column.name, state: columnStateText(lang, column, table) });
  }

  private renderBody(lang: Lang, table: ShareTable): TemplateResult {
    const kind = toChartKind(this.type);
    const drawn = drawnColumns(table);
    const notes = this.notes(lang, table);
    const summary = chartMessages(lang, 'summary', {
      kind: chartMessages(lang, kind),
      question: table.questionLabel,
      series: drawn.map((column) => column.name).join(', '),
    });
    const height = chartHeight(kind, table.rows.length, drawn.length);
    const stacked = kind === 'barres-empilees';
    const slots = seriesSlots(table.columns);
    // In grouped bars the list of series is the legend: HTML text wraps at any width. A slot
    // without a bar is drawn empty, so every series keeps its colour from chart to chart.
    const swatch = (slot: number, empty: boolean) =>
      html`<canvas class="swatch" aria-hidden="true" data-slot=${slot} data-empty=${empty ? 'true' : nothing}></canvas>`;
    return html`
      <ul part="series" class="series">
        ${table.columns.map(
          (column, index) =>
            html`<li>${stacked ? nothing : swatch(slots[index] ?? 0, column.status !== 'publie')}<span
                >${this.seriesItem(lang, column, table)}</span
              ></li>`,
        )}
      </ul>
      ${stacked && drawn.length > 0
        ? html`<ul part="legend" class="series legend" aria-label=${chartMessages(lang, 'legend')}>
            ${table.rows.map((row, index) => html`<li>${swatch(index, false)}<span>${row.label}</span></li>`)}
          </ul>`
        : nothing}
      ${notes.length > 0 ? html`<ul part="notes" class="notes">${notes.map((note) => html`<li>${note}</li>`)}</ul>` : nothing}
      ${drawn.length > 0
        ? // The height is set through the CSSOM, not a style attribute, which a strict CSP (style-src 'self') blocks.
          html`<div part="chart" class="canvas-box" ${ref((box) => box && ((box as HTMLElement).style.height = `${height}px`))}>
            <canvas part="canvas" role="img" aria-label=${summary}></canvas>
          </div>`
        : nothing}
      ${this.plot.failed ? html`<p class="notes">${chartMessages(lang, 'chartFailed')}</p>` : nothing}
      ${figureToolbar({
        lang,
        table: { shown: this.tableShown, id: 'data-table', onToggle: () => this.toggleTable() },
        onCsv: () => this.downloadCsv(),
        embed: this.embed,
        extra:
          drawn.length > 0
            ? html`<button part="png-button" class="button" type="button" ?disabled=${!this.plot.drawn} @click=${this.downloadPng}>
                ${chartMessages(lang, 'png')}
              </button>`
            : nothing,
      })}
      ${tableRegion({
        id: 'data-table',
        label: chartMessages(lang, 'tableRegion', { question: table.questionLabel }),
        shown: this.tableShown,
        content: dataTable(lang, table),
      })}
      <p part="source" class="source">${sourceText(lang, table)}</p>
    `;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    this.paintSwatches();
  }

  /** Paints the legend's swatches with the chart's fills, read from the styles in force like the chart's. */
  private paintSwatches(): void {
    const swatches = this.renderRoot.querySelectorAll<HTMLCanvasElement>('canvas.swatch');
    if (swatches.length === 0) return;
    const theme = readChartTheme(this);
    for (const swatch of swatches) {
      const slot = Number(swatch.dataset.slot ?? 0);
      const colour = theme.series[slot % theme.series.length] ?? theme.text;
      paintSwatch(swatch, swatch.dataset.empty ? undefined : seriesFill(colour, slot), theme.text);
    }
  }

  private toggleTable(): void {
    this.tableShown = !this.tableShown;
  }

  private downloadCsv(): void {
    const csv = this.toCsv();
    if (csv === undefined) return;
    saveFile(this.fileName('csv'), new Blob([csv], { type: 'text/csv;charset=utf-8' }));
  }

  private downloadPng(): void {
    const png = this.toPng();
    if (png) saveFile(this.fileName('png'), png);
  }

  private fileName(extension: string): string {
    const table = this.figures.shown;
    return fileNameOf(['barometre', table?.theme, table?.questionId, this.effectiveTerritoire], extension);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'barometre-territoire-chart': BarometreTerritoireChart;
  }
}
