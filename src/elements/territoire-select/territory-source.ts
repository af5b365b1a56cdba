import type { TerritoryId, TerritoryKind } from '../../core/territory/territory-id.js';
import type { TerritoryChoice } from './choice.js';

/** Most choices a list shows: more would only be scrolled past; typing one more letter is quicker. */
export const MAX_CHOICES = 10;

/**
 * Where the picker finds territories: the API, or the referential's browser artefacts. A source
 * may ignore `signal` when it cannot cancel (shared downloads); the picker ignores outdated
 * answers anyway.
 */
export interface TerritorySource {
  /** Territories matching a typed text, best first, at most {@link MAX_CHOICES}; only `kinds` when given. */
  search(text: string, kinds: readonly TerritoryKind[] | undefined, signal: AbortSignal): Promise<TerritoryChoice[]>;
  /** One territory by id, to name a value set from outside; `null` when the source does not know it. */
  territory(id: TerritoryId, signal: AbortSignal): Promise<TerritoryChoice | null>;
}
