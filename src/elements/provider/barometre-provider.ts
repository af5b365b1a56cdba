import { LitElement, css, html } from 'lit';
import { property } from 'lit/decorators.js';
import { ContextProvider } from '@lit/context';
import { toLang } from '../../core/i18n/catalog.js';
import { barometreConfigContext, toPonderation, type Ponderation } from '../shared/config-context.js';
import { emit } from '../shared/events.js';

/**
 * Shares one configuration — API or static publication, territory, language, weighting — with
 * every Baromètre element inside it. An element's own attribute always wins over the provider's.
 *
 * @summary Shares API, static publication, territory, language and weighting with the elements inside.
 * @tag barometre-provider
 * @slot - The elements that use this configuration.
 * @fires barometre-territoire-change - When an element inside (a picker, a map) selects another territory. `detail: { territoire: string }`.
 */
export class BarometreProvider extends LitElement {
  static override styles = css`
    :host {
      display: contents;
    }
  `;

  /** Base URL of the API, e.g. `https://example.org/api/v1`. */
  @property() api?: string;

  /**
   * Base URL of a static publication, e.g. `https://example.org/publications/2026-12-06`: the
   * charts, key figures and maps inside read its files instead of the API (see their own
   * `publication` attribute for the layout). The questionnaire still sends answers to `api`.
   */
  @property() publication?: string;

  /** Territory id shown by the elements inside, e.g. `departement:35`. */
  @property() territoire?: string;

  /** Language of the elements inside: `fr` (default) or `en`. */
  @property() override lang!: string;

  /** `brute` (raw shares, default) or `redressee` (weighted by kind × population band). */
  @property() ponderation?: Ponderation;

  private readonly provider = new ContextProvider(this, { context: barometreConfigContext, initialValue: {} });

  protected override willUpdate(): void {
    this.provider.setValue({
      api: this.api,
      publication: this.publication,
      territoire: this.territoire,
      lang: this.lang ? toLang(this.lang) : undefined,
      ponderation: toPonderation(this.ponderation),
      selectTerritoire: (territoire) => this.selectTerritoire(territoire),
    });
  }

  /** Sets the shared territory, as a picker or a map inside does, and announces it. */
  selectTerritoire(territoire: string): void {
    if (territoire === this.territoire) return;
    this.territoire = territoire;
    emit(this, 'barometre-territoire-change', { territoire });
  }

  protected override render() {
    return html`<slot></slot>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'barometre-provider': BarometreProvider;
  }
}
