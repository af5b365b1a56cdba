import { LitElement } from 'lit';
import { property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import type { Lang } from '../../core/schema/text.js';
import { barometreConfigContext, ensureContextRoot, type BarometreConfig, type Ponderation } from './config-context.js';
import { resolveLang } from './lang.js';

/**
 * Base of every element that talks to the API: each setting comes from the element's own
 * attribute first, then from the enclosing `<barometre-provider>`, then from a default.
 */
export class ConfiguredElement extends LitElement {
  /** Base URL of the API (e.g. `https://example.org/api/v1`); inherited from `<barometre-provider>` when absent. */
  @property() api?: string;

  /** Language of the element (`fr` or `en`); inherited from the provider, then from the page. */
  @property() override lang!: string;

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

  protected get effectiveLang(): Lang {
    return resolveLang(this, this.lang, this.config.lang);
  }

  protected get effectivePonderation(): Ponderation {
    return this.config.ponderation ?? 'brute';
  }
}
