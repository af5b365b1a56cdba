import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { ref } from 'lit/directives/ref.js';
import type { EvolutionResponse } from '../../core/schema/evolution.js';
import type { Lang } from '../../core/schema/text.js';
import { ChartCanvasController } from '../shared/chart/chart-canvas-controller.js';
import { chartStyles } from '../shared/chart/chart-styles.js';
import { readChartTheme } from '../shared/chart/chart-theme.js';
import { composeExport } from '../shared/chart/export-image.js';
import { ConfiguredElement } from '../shared/configured-element.js';
import { EmbedAction, loadEmbed } from '../shared/results/embed-action.js';
import type { EmbedSettings } from '../shared/results/embed/snippet.js';
import { DEFAULT_DECIMALS, toDecimals } from '../shared/results/percent.js';
import { ResponseController } from '../shared/results/response-controller.js';
import { parseList } from '../shared/results/results-query.js';
import { figureStyles } from '../shared/results/results-styles.js';
import { fileNameOf, saveFile } from '../shared/results/save-file.js';
import { ShownFigures } from '../shared/results/shown-figures.js';
import { tableRegion } from '../shared/results/table-region.js';
import { figureToolbar } from '../shared/results/toolbar.js';
import { ponderationText } from '../shared/results/wording.js';
import { cellText, sourcesText } from './cell-text.js';
import { evolutionCsv } from './evolution-csv.js';
import { evolutionTable } from './evolution-table.js';
import type { EvolutionRequest } from './evolution-url.js';
import { evolutionView, isDrawn, isEmptyView, type EvolutionSeriesView, type EvolutionView } from './evolution-view.js';
import { buildLineConfig, type LineChart } from './line-config.js';
import { fetchEvolution } from './load-evolution.js';
import { drawLineSwatch, LINE_SWATCH_HEIGHT, LINE_SWATCH_WIDTH, paintLineSwatch } from './markers.js';
import { evolutionMessages } from './messages.js';

/** A canvas has no background of its own: an exported image gets the host's, or white when that is see-through. */
function opaque(colour: string): string {
  const transparent = colour === '' || colour === 'transparent' || /^rgba?\(.*[,/]\s*0(\.0+)?\s*\)$/.test(colour);
  return transparent ? '#ffffff' : colour;
}

/**
 * How the share giving one answer to one question has changed from one edition of the survey to
 * the next, for a territory and its comparisons (its région, France…): a line per series drawn
 * with Chart.js (loaded only when the element nears the viewport), each with the marker shape and
 * dash of its role, a sentence per series, a table alternative, CSV and PNG downloads.
 *
 * It reads `GET {api}/resultats/:theme/evolution?question=…&code=…&territoire=…&comparer=…`:
 * every figure is the one that edition's publication holds, as the results of that edition show
 * it. A figure that is not published — nobody answered, fewer respondents than the threshold, or
 * hidden by statistical secrecy — is a gap in the line, never a zero, and its state is said in
 * words in the sentences, the table and the CSV. Where the question changed between two editions
 * (other answers, other collectivités asked, asked another way, or not asked), the line is not
 * drawn across: the figures do not measure the same thing, and a sentence says why. Every
 * edition's publication is named under the chart.
 *
 * "Intégrer", last in the toolbar, gives the HTML that shows this figure on another page, as the
 * other figures elements do; `embedSnippet()` gives the same HTML.
 *
 * @summary One answer's share across the survey's editions, for a territory and its comparisons.
 * @tag barometre-evolution
 *
 * @fires barometre-data - The evolution was received, validated and shown. `detail: { results }` (the evolution contract).
 * @fires barometre-error - The evolution could not be loaded or was invalid. `detail: { code, message }`.
 *
 * @csspart figure - The whole block.
 * @csspart header - The caption: question and what is counted.
 * @csspart title - The question's wording.
 * @csspart subtitle - The answer followed and the base, in words.
 * @csspart status - The live region saying loading, empty or error.
 * @csspart retry-button - The "Réessayer" button shown after an error.
 * @csspart series - The legend: each series with its line's colour, dash and marker.
 * @csspart breaks - Where and why the series break between editions.
 * @csspart summary - A sentence per series giving each edition's figure or its state.
 * @csspart chart - The sized box holding the canvas.
 * @csspart canvas - The chart's canvas.
 * @csspart toolbar - The buttons under the chart.
 * @csspart table-button - The "Tableau" toggle.
 * @csspart csv-button - The CSV download button.
 * @csspart png-button - The PNG download button.
 * @csspart embed-button - The "Intégrer" toggle, last in the toolbar.
 * @csspart embed - The "Intégrer" panel under the toolbar.
 * @csspart embed-code - The read-only text area holding the snippet.
 * @csspart embed-copy-button - The "Copier" button.
 * @csspart embed-close-button - The "Fermer" button.
 * @csspart embed-status - The live region saying whether the copy worked.
 * @csspart table-container - The box around the table (visually hidden until toggled), focusable when shown.
 * @csspart table - The table: a row per edition, a column per series, each figure with its margin.
 * @csspart table-notes - Under the table: the breaks, and what margins and marks mean.
 * @csspart source - The source and each edition's publication.
 *
 * @cssprop --barometre-text - Text, axes and marker edges (default `#1e1e1e`).
 * @cssprop --barometre-text-muted - Secondary text (default `#545454`).
 * @cssprop --barometre-surface - Background, also of exported images (default `#ffffff`).
 * @cssprop --barometre-separator - Table rules; grid lines unless `--barometre-chart-grid` is set.
 * @cssprop --barometre-accent - Buttons (default `#1d4f91`).
 * @cssprop --barometre-focus - Keyboard focus ring.
 * @cssprop --barometre-chart-grid - Grid lines of the chart.
 * @cssprop --barometre-chart-series-1 - The chosen territory: solid line, round markers.
 * @cssprop --barometre-chart-series-2 - The région: long dashes, square markers.
 * @cssprop --barometre-chart-series-3 - France: dots, triangles.
 * @cssprop --barometre-chart-series-4 - Similar collectivités: dash-dot, diamonds.
 * @cssprop --barometre-chart-series-5 - The département: dashes, crosses.
 * @cssprop --barometre-chart-series-6 - Any further series.
 * @cssprop --barometre-font-family - Font (default: inherited).
 * @cssprop --barometre-space - Spacing unit.
 */
export class BarometreEvolution extends ConfiguredElement {
  static override styles = [...figureStyles, chartStyles];

  /** Theme id (`cybersecurite`, `inclusion`…). */
  @property() theme?: string;

  /** Question id within the theme, e.g. `rssi`. */
  @property() question?: string;

  /** The answer whose share is followed, e.g. `oui` or `mutualise`. */
  @property() code?: string;

  /**
   * Comparison series, separated by spaces or commas: `departement`, `region`, `france`,
   * `similaires`. Not taken from the provider: each element chooses its own comparisons.
   */
  @property() comparer?: string;

  /** Decimals of the percentages, 0 (default) to 2. */
  @property({ type: Number }) decimales: number = DEFAULT_DECIMALS;

  @state() private tableShown = false;

  @query('canvas[part~="canvas"]') private canvas?: HTMLCanvasElement | null;

  private readonly embed = new EmbedAction(this, () => ({ tag: 'barometre-evolution', settings: this.embedSettings() }));

  private readonly evolution = new ResponseController<EvolutionRequest & { lang: Lang }, EvolutionResponse>(this, {
    ask: () => {
      const api = this.apiBase;
      const theme = this.theme?.trim();
      const question = this.question?.trim();
      const code = this.code?.trim();
      if (!api) return { idle: 'noSource' };
      if (!theme) return { idle: 'noTheme' };
      if (!question) return { idle: 'noQuestion' };
      if (!code) return { idle: 'noCode' };
      const territoire = this.effectiveTerritoire;
      return {
        request: {
          api,
          theme,
          question,
          code,
          ...(territoire ? { territoire } : {}),
          comparer: parseList(this.comparer),
          ponderation: this.effectivePonderation,
          lang: this.effectiveLang,
        },
      };
    },
    load: (request, signal) => fetchEvolution(request, signal),
  });

  private readonly figures = new ShownFigures<EvolutionView>(this, {
    state: () => this.evolution.state,
    derive: () => {
      const state = this.evolution.state;
      return state.status === 'ready' ? evolutionView(state.results, this.effectiveLang, toDecimals(this.decimales)) : undefined;
    },
    isEmpty: isEmptyView,
  });

  private readonly plot = new ChartCanvasController(this, {
    canvas: () => this.canvas,
    figures: () => this.figures.shown,
    key: () => this.effectiveLang,
    config: (view, theme, animate) => buildLineConfig({ view, lang: this.effectiveLang, theme, animate }),
    onFailed: () => (this.tableShown = true),
  });

  /** The response shown, once loaded. */
  get results(): EvolutionResponse | undefined {
    return this.evolution.results;
  }

  /** The Chart.js instance once the chart is drawn, for advanced uses; replaced at each redraw. */
  get chart(): LineChart | undefined {
    return this.plot.chart;
  }

  /** Loads the evolution again (the "Réessayer" button). */
  retry(): void {
    this.evolution.retry();
  }

  /**
   * The CSV of the figures shown, or `undefined` before data: UTF-8 with a byte order mark,
   * `;`-separated, a row per edition. Header lines name every edition's publication and date;
   * each series has a numeric percentage column (empty when the figure is not published), its
   * margin of error in points, `1`/`0` for fragile, its respondents and a `statut` column
   * (`publie`, `aucune`, `insuffisant`, `masque`); a break is named by its reason.
   */
  toCsv(): string | undefined {
    const view = this.figures.shown;
    return view ? evolutionCsv(this.effectiveLang, view) : undefined;
  }

  /**
   * The chart as a PNG data URL, or `undefined` before it is drawn: the question, the answer,
   * the territory and its comparisons, the legend with each line's marker and dash, the breaks
   * and the source with every edition's publication, drawn into the picture.
   */
  toPng(): string | undefined {
    const source = this.plot.chart?.canvas;
    const view = this.figures.shown;
    if (!source || !view) return undefined;
    const lang = this.effectiveLang;
    const theme = readChartTheme(this);
    const [territory, ...others] = view.series;
    const colour = (slot: number) => theme.series[slot % theme.series.length] ?? theme.text;
    const image = composeExport(
      source,
      {
        title: evolutionMessages(lang, 'title', { question: view.questionLabel }),
        lines: [
          ...(territory ? [evolutionMessages(lang, 'territoryLine', { name: territory.name })] : []),
          ...(others.length > 0 ? [evolutionMessages(lang, 'comparedLine', { names: others.map((one) => one.name).join(', ') })] : []),
          `${this.subtitle(lang, view)} · ${ponderationText(lang, view.ponderation)}`,
        ],
        legend: view.series.map((series) => ({
          label: series.name,
          fill: undefined,
          swatch: {
            width: LINE_SWATCH_WIDTH,
            height: LINE_SWATCH_HEIGHT,
            draw: (context, x, y) => drawLineSwatch(context, x, y, isDrawn(series) ? colour(series.slot) : undefined, series.slot, theme.text),
          },
        })),
        notes: this.notes(lang, view),
        source: sourcesText(lang, view),
      },
      { ...theme, background: opaque(theme.background) },
    );
    return image.toDataURL('image/png');
  }

  /**
   * The HTML that shows this figure on another page as it is shown here: the script tag of the
   * script-tag build and the element with every attribute that decides what it shows, provider's
   * settings included. Its code loads on first use.
   */
  async embedSnippet(): Promise<string> {
    const module = await loadEmbed();
    return module.elementSnippet({ tag: 'barometre-evolution', settings: this.embedSettings() }).snippet;
  }

  /** Draws the chart again, re-reading the colours: call it after switching the page's theme. */
  redraw(): void {
    this.plot.redraw();
  }

  private embedSettings(): EmbedSettings {
    return {
      ...(this.apiBase ? { api: this.apiBase } : {}),
      theme: this.theme?.trim(),
      question: this.question?.trim(),
      code: this.code?.trim(),
      territoire: this.effectiveTerritoire,
      comparer: parseList(this.comparer),
      ponderation: this.effectivePonderation,
      decimales: toDecimals(this.decimales),
      lang: this.effectiveLang,
    };
  }

  private subtitle(lang: Lang, view: EvolutionView): string {
    return evolutionMessages(lang, view.ponderation === 'redressee' ? 'subtitleRedressee' : 'subtitle', { answer: view.answerLabel });
  }

  /** One sentence per series: each edition's figure or its state ("Ille-et-Vilaine : 30 % ± 12 pts en 2025, moins de 5 réponses en 2026."). */
  private sentences(lang: Lang, view: EvolutionView): string[] {
    return view.series.map((series) => {
      const points = view.editions.map((edition, index) =>
        evolutionMessages(lang, 'pointInEdition', { value: cellText(lang, series.cells[index] ?? { kind: 'missing' }, edition, view), edition: edition.id }),
      );
      return evolutionMessages(lang, 'seriesSentence', { name: series.name, points: points.join(', ') });
    });
  }

  /** The breaks, then every series with nothing drawn: what the chart does not show, in words. */
  private notes(lang: Lang, view: EvolutionView): string[] {
    const breaks = view.editions.flatMap((edition) => (edition.breakBefore ? [edition.breakBefore.message[lang]] : []));
    const notDrawn = view.series.filter((series) => !isDrawn(series));
    return [...breaks, ...notDrawn.map((series) => evolutionMessages(lang, 'notDrawn', { name: series.name, reason: this.reasonOf(lang, view, series) }))];
  }

  private reasonOf(lang: Lang, view: EvolutionView, series: EvolutionSeriesView): string {
    const index = series.cells.findLastIndex((cell) => cell.kind !== 'missing');
    const at = index < 0 ? view.editions.length - 1 : index;
    return cellText(lang, series.cells[at] ?? { kind: 'missing' }, view.editions[at]!, view);
  }

  protected override render(): TemplateResult {
    const lang = this.effectiveLang;
    return this.figures.render({
      lang,
      onRetry: () => this.retry(),
      emptyText: () => evolutionMessages(lang, 'empty'),
      caption: (view) => ({ title: evolutionMessages(lang, 'title', { question: view.questionLabel }), subtitle: this.subtitle(lang, view) }),
      body: (view) => this.renderBody(lang, view),
    });
  }

  private renderBody(lang: Lang, view: EvolutionView): TemplateResult {
    const drawn = view.series.filter(isDrawn);
    const breaks = view.editions.flatMap((edition) => (edition.breakBefore ? [edition.breakBefore.message[lang]] : []));
    const summary = evolutionMessages(lang, 'summary', {
      answer: view.answerLabel,
      editions: view.editions.map((edition) => edition.id).join(', '),
      series: drawn.map((series) => series.name).join(', '),
    });
    return html`
      <ul part="series" class="series" aria-label=${evolutionMessages(lang, 'legend')}>
        ${view.series.map(
          (series) =>
            html`<li><canvas class="swatch line-swatch" aria-hidden="true" data-slot=${series.slot} data-empty=${isDrawn(series) ? nothing : 'true'}></canvas><span
                >${series.name}</span
              ></li>`,
        )}
      </ul>
      ${breaks.length > 0 ? html`<ul part="breaks" class="notes breaks">${breaks.map((text) => html`<li>${text}</li>`)}</ul>` : nothing}
      ${drawn.length > 0
        ? // The height is set through the CSSOM, not a style attribute, which a strict CSP (style-src 'self') blocks.
          html`<div part="chart" class="canvas-box" ${ref((box) => box && ((box as HTMLElement).style.height = '300px'))}>
            <canvas part="canvas" role="img" aria-label=${summary}></canvas>
          </div>`
        : nothing}
      ${this.plot.failed ? html`<p class="notes">${evolutionMessages(lang, 'chartFailed')}</p>` : nothing}
      <ul part="summary" class="notes summary">
        ${this.sentences(lang, view).map((sentence) => html`<li>${sentence}</li>`)}
      </ul>
      ${figureToolbar({
        lang,
        table: { shown: this.tableShown, id: 'evolution-table', onToggle: () => (this.tableShown = !this.tableShown) },
        onCsv: () => this.downloadCsv(),
        embed: this.embed,
        extra:
          drawn.length > 0
            ? html`<button part="png-button" class="button" type="button" ?disabled=${!this.plot.drawn} @click=${this.downloadPng}>
                ${evolutionMessages(lang, 'png')}
              </button>`
            : nothing,
      })}
      ${tableRegion({ id: 'evolution-table', label: evolutionMessages(lang, 'tableRegion'), shown: this.tableShown, content: evolutionTable(lang, view) })}
      <p part="source" class="source">${sourcesText(lang, view)}</p>
    `;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    this.paintSwatches();
  }

  /** Paints the legend's swatches with the lines' colours, dashes and markers, read from the styles in force. */
  private paintSwatches(): void {
    const swatches = this.renderRoot.querySelectorAll<HTMLCanvasElement>('canvas.line-swatch');
    if (swatches.length === 0) return;
    const theme = readChartTheme(this);
    for (const swatch of swatches) {
      const slot = Number(swatch.dataset.slot ?? 0);
      const colour = theme.series[slot % theme.series.length] ?? theme.text;
      paintLineSwatch(swatch, swatch.dataset.empty ? undefined : colour, slot, theme.text);
    }
  }

  private downloadCsv(): void {
    const csv = this.toCsv();
    if (csv !== undefined) saveFile(this.fileName('csv'), new Blob([csv], { type: 'text/csv;charset=utf-8' }));
  }

  private downloadPng(): void {
    const png = this.toPng();
    if (png) saveFile(this.fileName('png'), png);
  }

  private fileName(extension: string): string {
    const view = this.figures.shown;
    return fileNameOf(['barometre', 'evolution', view?.theme, view?.questionId, view?.code, this.effectiveTerritoire], extension);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'barometre-evolution': BarometreEvolution;
  }
}
