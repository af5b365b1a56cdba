import { TERRITORY_KINDS, type TerritoryKind } from '../../core/territory/territory-id.js';
import { searchTokens } from '../../referential/search/normalize.js';

/**
 * The kinds a `niveaux` attribute asks for (`"departement region"`, `"départements, régions"`),
 * or `undefined` for every kind. Accents, case, commas and plurals are forgiven, since people
 * write the attribute by hand; unknown words are ignored, and a value naming no known kind
 * restricts nothing rather than leaving a picker that can never find anything.
 */
export function parseNiveaux(value: string | null | undefined): TerritoryKind[] | undefined {
  if (!value) return undefined;
  const known = new Set<string>(TERRITORY_KINDS);
  const kinds = new Set<TerritoryKind>();
  for (const word of searchTokens(value)) {
    const singular = known.has(word) ? word : word.replace(/s$/, '');
    if (known.has(singular)) kinds.add(singular as TerritoryKind);
  }
  return kinds.size > 0 ? TERRITORY_KINDS.filter((kind) => kinds.has(kind)) : undefined;
}
