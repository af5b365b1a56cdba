import type { Collectivite } from '../../core/schema/collectivite.js';
import { parseTerritoryId } from '../../core/territory/territory-id.js';
import type { Placement } from '../store/types.js';
import type { ServerReferential } from './port.js';

/**
 * Where a collectivité sits, as stored beside its contributions: the codes of its own territory
 * and of every territory above it. They come from the referential's parent chain, so the
 * membership rules (an EPCI counts in its seat's département) live in one place.
 */
export function placementOf(collectivite: Collectivite, referential: ServerReferential): Placement {
  const codes: Record<'commune' | 'epci' | 'departement' | 'region', string | null> = {
    commune: null,
    epci: null,
    departement: null,
    region: null,
  };
  const territory = referential.territory(collectivite.territoryId);
  for (const id of [collectivite.territoryId, ...(territory?.parentIds ?? [])]) {
    const parsed = parseTerritoryId(id);
    // The nearest territory of a kind wins: the chain starts with the collectivité itself.
    if (parsed && parsed.kind !== 'france' && codes[parsed.kind] === null) codes[parsed.kind] = parsed.code;
  }
  return {
    name: collectivite.name,
    kind: collectivite.kind,
    band: collectivite.populationBand ?? null,
    communeCode: codes.commune,
    epciCode: codes.epci,
    departementCode: codes.departement ?? collectivite.departementCode ?? null,
    regionCode: codes.region ?? collectivite.regionCode,
  };
}
