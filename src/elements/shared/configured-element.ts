import { LitElement } from 'lit';
import { property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import type { Lang } from '../../core/schema/text.js';
import { barometreConfigContext, ensureContextRoot, type BarometreConfig, type Ponderation } from './config-context.js';
import { resolveLang } from './lang.js';

/** Reads a weighting from an attribute value; anything else than the two known words is ignored. */
function toPonderation(value: string | null | undefined): Ponderation | undefined {
  return value === 'brute' || value === 'redressee' ? value : undefined;
}

/**
 * Base of every element that talks to the API: each setting comes from the element's own
 * attribute first, then from the enclosing `<barometre-provider>`, then from a default.
 */
export class ConfiguredElement extends LitElement {
  /** Base URL of the API (e.g. `https://example.org/api/v1`); inherited from `<barometre-provider>` when absent. */
  @property() api?: string;

  /** Language of the element (`fr` or `en`); inherited from the provider, then from the page. */
  @property() override lang!: string;

  /** Territory id (e.g. `departement:35`); inherited from `<barometre-provider>` when absent. */
  @property() territoire?: string;

  /** `brute` (raw shares) or `redressee` (weighted); inherited from the provider, then `brute`. */
  @property() ponderation?: Ponderation;

  @consume({ context: barometreConfigContext, subscribe: true })
  @state()
  protected config: BarometreConfig = {};

  override connectedCallback(): void {
    ensureContextRoot();
    super.connectedCallback();
  }

  /** The API base URL in force, without a trailing slash. */
  protected get apiBase(): string | undefined {
    const api = this.api || this.config.api;
    return api ? api.replace(/\/+$/, '') : undefined;
  }

  /** The language in force: own attribute, provider, page, then French. */
  protected get effectiveLang(): Lang {
    return resolveLang(this, this.lang, this.config.lang);
  }

  /** The territory in force: own attribute, then the provider's; `undefined` when neither names one. */
  protected get effectiveTerritoire(): string | undefined {
    return this.territoire?.trim() || this.config.territoire?.trim() || undefined;
  }

  /** The weighting in force: own attribute (when it is a known value), then the provider's, then `brute`. */
  protected get effectivePonderation(): Ponderation {
    return toPonderation(this.ponderation) ?? this.config.ponderation ?? 'brute';
  }
}
