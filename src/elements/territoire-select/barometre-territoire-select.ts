import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import type { TerritoireSelectDetail } from '../shared/events.js';
import { TerritoryElement } from '../shared/territory-element.js';
import { choiceDetails, describeChoice, type TerritoryChoice } from './choice.js';
import { selectMessages } from './messages.js';
import { NameLookup } from './name-lookup.js';
import { parseNiveaux } from './niveaux.js';
import { MIN_SEARCH_LENGTH, SearchController, type SearchState } from './search-controller.js';
import { createSource, sourceKey, type SourceSettings } from './sources.js';
import { searchStatusText } from './status-text.js';
import { selectStyles } from './styles.js';
import type { TerritorySource } from './territory-source.js';

/** Which option a key that opens the list highlights. */
type Highlight = 'first' | 'last' | 'none';

/** The `detail` of `barometre-territoire-select`. */
export type { TerritoireSelectDetail };

/** An id usable in the shadow root for an option, stable while the list changes around it. */
function optionId(choice: TerritoryChoice): string {
  return `option-${choice.id.replace(/[^A-Za-z0-9]/g, '-')}`;
}

/**
 * A searchable list of French territories — communes, intercommunalités, départements, régions —
 * found by name or code, whatever the accents, case or punctuation ("st etienne" finds
 * Saint-Étienne). Choosing one sets the territory of the enclosing `<barometre-provider>`, so
 * every chart and key figure inside follows.
 *
 * It follows the combobox pattern of the WAI-ARIA Authoring Practices, with a list popup: the
 * focus stays in the text field while the arrows move a highlight through the options. Searches
 * go to the API (`{api}/territoires?q=`) or, with no API or with a `referentiel` attribute, to
 * the referential's browser files. They wait for a short pause in typing, and an outdated
 * search is cancelled and its answer ignored.
 *
 * The field shows the chosen territory's name; when the focus leaves it, text typed without
 * choosing gives way to that name again, so what is written always matches what is shown.
 *
 * @summary A searchable territory picker (combobox) that drives the provider's territory.
 * @tag barometre-territoire-select
 *
 * @fires barometre-territoire-select - A territory was chosen. `detail: { territoire, name, kind }`; bubbles and crosses shadow roots.
 *
 * @csspart label - The visible label.
 * @csspart hint - The help text under the label (at least 2 characters, name or code).
 * @csspart input - The text field (role `combobox`).
 * @csspart listbox - The list of results.
 * @csspart option - One result.
 * @csspart option-active - The highlighted result (also has the `option` part).
 * @csspart status - The live region: number of results, no result, error.
 * @csspart retry-button - The "Réessayer" button shown after an error.
 *
 * @cssprop --barometre-text - Text (default `#1e1e1e`).
 * @cssprop --barometre-text-muted - Help text and each result's kind and département (default `#545454`).
 * @cssprop --barometre-surface - Field and list background (default `#ffffff`).
 * @cssprop --barometre-surface-alt - Result under the pointer (default `#f4f4f6`).
 * @cssprop --barometre-border - Field and list border (default `#6b6b6b`).
 * @cssprop --barometre-accent - Highlighted result, retry button (default `#1d4f91`).
 * @cssprop --barometre-on-accent - Text of the highlighted result (default `#ffffff`).
 * @cssprop --barometre-focus - Keyboard focus ring.
 * @cssprop --barometre-error - Mark beside error messages.
 * @cssprop --barometre-font-family - Font (default: inherited).
 * @cssprop --barometre-font-size - Base font size (default `1rem`).
 * @cssprop --barometre-radius - Corner radius.
 * @cssprop --barometre-select-max-width - Widest the picker grows (default `36rem`).
 * @cssprop --barometre-select-z-index - Stacking level of the list over the page (default `10`).
 */
export class BarometreTerritoireSelect extends TerritoryElement {
  static override styles = selectStyles;

  // `focus()` on the element, or a click on its label from outside, lands in the text field.
  static override shadowRootOptions: ShadowRootInit = { ...LitElement.shadowRootOptions, delegatesFocus: true };

  /** Visible label of the field; default "Choisir un territoire" / "Choose an area". */
  @property() label?: string;

  /**
   * The chosen territory's id, e.g. `commune:35238`. Set from outside (or inherited from the
   * provider's territory, which it then follows), the field shows that territory's name.
   */
  @property({ reflect: true }) value?: string;

  /**
   * URL of the folder holding the referential's browser files (`index.json`, `communes/`,
   * `search/`). When set, searches use these files even if an API is given; with neither, they
   * use `/referential/` on the page's own server.
   */
  @property() referentiel?: string;

  /** Only these kinds of territory, space-separated: `commune`, `epci`, `departement`, `region`, `france` (default: all). */
  @property() niveaux?: string;

  @state() private text = '';
  @state() private expanded = false;
  @state() private active = -1;
  /** What the live region says after a choice, until the next keystroke. */
  @state() private notice = '';

  @query('input') private input?: HTMLInputElement | null;
  @query('.retry') private retryButton?: HTMLButtonElement | null;

  private readonly search = new SearchController(
    this,
    (text, signal) => this.source.search(text, parseNiveaux(this.niveaux), signal),
    (result) => this.showResults(result),
  );

  private readonly names = new NameLookup();
  /** The choice the current value stands for, once known. */
  private chosen: TerritoryChoice | undefined;
  /** Set when a key asked for the list before its results arrived. */
  private pendingHighlight: Highlight | undefined;
  /** True while the text is what the person typed rather than the chosen territory's name. */
  private editing = false;
  /** The provider's (or own `territoire`) territory last seen, to follow its changes. */
  private inherited: string | undefined;
  /** Value and source the name was last looked up for. */
  private namedFor: string | undefined;
  private currentSource: { key: string; source: TerritorySource } | undefined;

  /** The source in force; a new one when the API, referential or language changes. */
  private get source(): TerritorySource {
    const settings = this.sourceSettings;
    const key = sourceKey(settings);
    if (this.currentSource?.key !== key) this.currentSource = { key, source: createSource(settings) };
    return this.currentSource.source;
  }

  private get sourceSettings(): SourceSettings {
    return { referentiel: this.referentiel?.trim() || undefined, api: this.apiBase, lang: this.effectiveLang };
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.names.cancel();
    // Looked up again if the element comes back.
    this.namedFor = undefined;
    this.expanded = false;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    this.followInherited();
    const wanted = `${this.value ?? ''} ${sourceKey(this.sourceSettings)}`;
    if (changed.has('value') || wanted !== this.namedFor) {
      this.namedFor = wanted;
      this.nameValue();
    }
  }

  protected override updated(changed: PropertyValues): void {
    // The highlighted option stays in sight when the arrows move past the list's edge; only when
    // the highlight moves, so other updates never scroll a page the person scrolled away.
    if (!changed.has('active')) return;
    this.renderRoot.querySelector('[role="option"][aria-selected="true"]')?.scrollIntoView({ block: 'nearest' });
  }

  /**
   * Follows the provider's territory (or the own `territoire` attribute): a map or another picker
   * may change it. At first sight it only fills an empty value, so a value set by the page wins.
   */
  private followInherited(): void {
    const inherited = this.effectiveTerritoire;
    if (inherited === this.inherited) return;
    const firstSight = this.inherited === undefined;
    this.inherited = inherited;
    if (inherited !== undefined && (!firstSight || this.value === undefined)) this.value = inherited;
  }

  /** Shows the value's name: at once when the territory was in a list, else once the source answers. */
  private nameValue(): void {
    const id = this.value;
    this.chosen = undefined;
    if (!id) {
      this.names.cancel();
      if (!this.editing) this.text = '';
      return;
    }
    this.names.lookup(id, this.source, (choice) => {
      this.chosen = choice ?? undefined;
      // A territory no source could name is shown by its id: better than an empty field hiding a choice.
      if (!this.editing) this.text = choice?.name ?? id;
    });
  }

  private get hasFocus(): boolean {
    return this.input !== undefined && this.input !== null && this.shadowRoot?.activeElement === this.input;
  }

  /** Results arrived: the list opens on them while the person is in the field, with the highlight a key asked for. */
  private showResults(result: SearchState): void {
    const highlight = this.pendingHighlight;
    this.pendingHighlight = undefined;
    const choices = result.status === 'ready' ? result.choices : [];
    this.names.remember(choices);
    if (!this.hasFocus || choices.length === 0) {
      this.close();
      return;
    }
    this.expanded = true;
    this.active = highlight === 'first' ? 0 : highlight === 'last' ? choices.length - 1 : -1;
  }

  /** Opens the list on the results for the current text, searching them first when needed. */
  private openList(highlight: Highlight): void {
    const state = this.search.state;
    if (state.status === 'ready' && state.text === this.text) {
      if (state.choices.length === 0) return;
      this.expanded = true;
      this.active = highlight === 'first' ? 0 : highlight === 'last' ? state.choices.length - 1 : -1;
      return;
    }
    if (this.text.trim().length < MIN_SEARCH_LENGTH) return;
    this.pendingHighlight = highlight;
    // A search for this very text is already on its way: its results will open the list.
    if (state.status === 'loading' && state.text === this.text) return;
    this.search.request(this.text, { immediate: true });
  }

  private close(): void {
    this.expanded = false;
    this.active = -1;
  }

  private move(step: 1 | -1): void {
    const count = this.search.choices.length;
    if (count === 0) return;
    // From the field (no highlight), Down goes to the first option and Up to the last; both wrap.
    this.active = this.active < 0 ? (step === 1 ? 0 : count - 1) : (this.active + step + count) % count;
  }

  private choose(choice: TerritoryChoice): void {
    this.names.remember([choice]);
    this.chosen = choice;
    this.value = choice.id;
    this.text = choice.name;
    this.editing = false;
    this.pendingHighlight = undefined;
    this.close();
    this.search.clear();
    this.notice = selectMessages(this.effectiveLang, 'chosen', { description: describeChoice(this.effectiveLang, choice) });
    this.config.selectTerritoire?.(choice.id);
    this.emit<TerritoireSelectDetail>('barometre-territoire-select', { territoire: choice.id, name: choice.name, kind: choice.kind });
  }

  private onInput(event: InputEvent): void {
    this.text = (event.target as HTMLInputElement).value;
    this.editing = true;
    this.notice = '';
    this.active = -1;
    this.search.request(this.text);
    if (this.search.state.status === 'idle' || this.search.state.status === 'short') this.close();
  }

  private onKeydown(event: KeyboardEvent): void {
    // Keys that compose a character (an input method's Enter, say) belong to the input method.
    if (event.isComposing) return;
    const consumed = () => {
      event.preventDefault();
      // A dialog or a page shortcut around the picker must not act on a key the picker used.
      event.stopPropagation();
    };
    switch (event.key) {
      case 'ArrowDown':
        if (event.altKey) this.openList('none');
        else if (this.expanded) this.move(1);
        else this.openList('first');
        return consumed();
      case 'ArrowUp':
        if (event.altKey) this.close();
        else if (this.expanded) this.move(-1);
        else this.openList('last');
        return consumed();
      case 'Enter': {
        const choice = this.expanded ? this.search.choices[this.active] : undefined;
        if (choice) {
          this.choose(choice);
          consumed();
        }
        return;
      }
      case 'Escape':
        if (this.expanded) {
          this.close();
          return consumed();
        }
        if (this.text !== '') {
          this.text = '';
          this.editing = true;
          this.notice = '';
          this.pendingHighlight = undefined;
          this.search.clear();
          return consumed();
        }
        return;
      case 'Tab':
        // Leaving never chooses: the person did not confirm the highlighted option.
        this.close();
        return;
      case 'Home':
      case 'End':
      case 'ArrowLeft':
      case 'ArrowRight':
        // The caret moves in the field, so the highlight goes back to it.
        this.active = -1;
        return;
    }
  }

  private onFocusOut(event: FocusEvent): void {
    this.close();
    this.pendingHighlight = undefined;
    // Going to the retry button keeps the text to search again.
    if (event.relatedTarget !== null && event.relatedTarget === this.retryButton) return;
    if (this.value && this.editing) {
      this.editing = false;
      this.search.clear();
      this.notice = '';
      this.text = this.chosen?.name ?? this.value;
    }
  }

  private onListPointerDown(event: MouseEvent): void {
    // Keeps the focus in the field: the list closes when the field loses it.
    event.preventDefault();
  }

  private onListClick(event: MouseEvent): void {
    const option = (event.target as Element).closest<HTMLElement>('[role="option"]');
    const choice = option ? this.search.choices[Number(option.dataset.index)] : undefined;
    if (choice) this.choose(choice);
  }

  private retry(): void {
    this.input?.focus();
    this.search.retry();
  }

  // The list takes clicks and taps only: its keyboard path is the field (arrows and Enter, the
  // highlight shown through aria-activedescendant), as the combobox pattern wants.
  /* eslint-disable lit-a11y/click-events-have-key-events */
  protected override render(): TemplateResult {
    const lang = this.effectiveLang;
    const state = this.search.state;
    const choices = this.search.choices;
    const shown = this.expanded && choices.length > 0;
    const active = shown ? choices[this.active] : undefined;
    const status = this.notice || searchStatusText(lang, state);
    return html`
      <div class="field">
        <label part="label" id="label" for="input">${this.label || selectMessages(lang, 'label')}</label>
        <p part="hint" id="hint" class="hint">${selectMessages(lang, 'hint')}</p>
        <div class="control">
          <input
            part="input"
            id="input"
            type="text"
            role="combobox"
            autocomplete="off"
            autocapitalize="off"
            spellcheck="false"
            maxlength="100"
            aria-labelledby="label"
            aria-autocomplete="list"
            aria-expanded=${shown ? 'true' : 'false'}
            aria-controls="listbox"
            aria-describedby="hint"
            aria-activedescendant=${ifDefined(active ? optionId(active) : undefined)}
            .value=${live(this.text)}
            @input=${this.onInput}
            @keydown=${this.onKeydown}
            @focusout=${this.onFocusOut}
          />
          <ul
            part="listbox"
            id="listbox"
            class="listbox"
            role="listbox"
            aria-labelledby="label"
            aria-busy=${state.status === 'loading' ? 'true' : 'false'}
            ?hidden=${!shown}
            @mousedown=${this.onListPointerDown}
            @click=${this.onListClick}
          >
            ${shown ? choices.map((choice, index) => this.renderOption(choice, index, index === this.active)) : nothing}
          </ul>
        </div>
        <div part="status" class="status" role="status" data-state=${this.notice ? 'chosen' : state.status}>${status}</div>
        ${state.status === 'error'
          ? html`<button part="retry-button" class="retry" type="button" @click=${this.retry}>${selectMessages(lang, 'retry')}</button>`
          : nothing}
      </div>
    `;
  }
  /* eslint-enable lit-a11y/click-events-have-key-events */

  private renderOption(choice: TerritoryChoice, index: number, active: boolean): TemplateResult {
    const details = choiceDetails(this.effectiveLang, choice);
    return html`
      <li
        part=${active ? 'option option-active' : 'option'}
        class="option"
        id=${optionId(choice)}
        role="option"
        aria-selected=${active ? 'true' : 'false'}
        data-index=${index}
      >
        <span class="name">${choice.name}</span>
        ${details ? html`<span class="details"><span class="visually-hidden"> — </span>${details}</span>` : nothing}
      </li>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'barometre-territoire-select': BarometreTerritoireSelect;
  }
  interface HTMLElementEventMap {
    'barometre-territoire-select': CustomEvent<TerritoireSelectDetail>;
  }
}
