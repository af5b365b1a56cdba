import { LitElement } from 'lit';
import { property } from 'lit/decorators.js';
import type { Lang } from '../../core/schema/text.js';
import type { BarometreConfig } from './config-context.js';
import { ConfigController } from './config-controller.js';
import { emit } from './events.js';
import { resolveLang } from './lang.js';

/**
 * Base of every element configured by a `<barometre-provider>`: its language, its API and one way
 * to fire events. Each setting comes from the element's own attribute first, then from the
 * provider, then from a default. Further settings are declared by the elements that read them.
 */
export class BarometreElement extends LitElement {
  /** Base URL of the API (e.g. `https://example.org/api/v1`); inherited from `<barometre-provider>` when absent. */
  @property() api?: string;

  /** Language of the element (`fr` or `en`); inherited from the provider, then from the page. */
  @property() override lang!: string;

  private readonly provided = new ConfigController(this);

  /** The enclosing provider's configuration; empty without one. */
  protected get config(): BarometreConfig {
    return this.provided.value;
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

  /**
   * Fires one of the element's events; they all bubble out of shadow roots.
   * @internal
   */
  emit<T>(type: string, detail: T): void {
    emit(this, type, detail);
  }
}
