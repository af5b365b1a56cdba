import { createContext, ContextRoot } from '@lit/context';
import type { Ponderation } from '../../core/schema/results.js';
import type { Lang } from '../../core/schema/text.js';

export type { Ponderation };

/**
 * Reads a weighting from an attribute value; anything else than the two known words is ignored.
 * Written out rather than read from the results schema, which would bring zod to the provider.
 */
export function toPonderation(value: string | null | undefined): Ponderation | undefined {
  return value === 'brute' || value === 'redressee' ? value : undefined;
}

/** The weighting in force: an element's own attribute (when it is a known value), then the provider's, then `brute`. */
export function ponderationIn(own: string | undefined, config: BarometreConfig): Ponderation {
  return toPonderation(own) ?? config.ponderation ?? 'brute';
}

/** Configuration a `<barometre-provider>` shares with every element inside it. */
export interface BarometreConfig {
  /** Base URL of the API, e.g. `https://example.org/api/v1`. */
  api?: string;
  /**
   * Base URL of a static publication, e.g. `https://example.org/publications/2026-12-06`:
   * result elements read its files instead of the API.
   */
  publication?: string;
  /** Territory id, e.g. `departement:35`. */
  territoire?: string;
  lang?: Lang;
  ponderation?: Ponderation;
  /** Lets elements inside (a territory picker, a map) change the shared territory. */
  selectTerritoire?: (territoire: string) => void;
}

/**
 * A string key rather than a symbol: two copies of this library on one page (a CMS plugin and a
 * theme, say) then still understand each other's providers.
 */
export const barometreConfigContext = createContext<BarometreConfig>('barometre-config');

const ROOT_FLAG = Symbol.for('barometre-widgets.context-root');

/**
 * Elements already in the page upgrade in definition order, so a consumer may ask for the
 * configuration before its provider is defined. A context root keeps such requests and answers
 * them when the provider arrives; one per document is enough.
 */
export function ensureContextRoot(): void {
  const root = document.documentElement as HTMLElement & { [ROOT_FLAG]?: true };
  if (root[ROOT_FLAG]) return;
  root[ROOT_FLAG] = true;
  new ContextRoot().attach(root);
}
