import { COLLECTIVITE_KINDS, type Collectivite, type CollectiviteKind } from '../core/schema/collectivite.js';
import { POPULATION_BAND_IDS, type PopulationBandId } from '../core/territory/population-band.js';
import type { TerritoryId } from '../core/territory/territory-id.js';

/** Number of collectivités of each kind in each population band. */
export type CollectiviteCounts = Record<CollectiviteKind, Record<PopulationBandId, number>>;

/** A table of counts with every kind and band present, at zero. */
export function emptyCollectiviteCounts(): CollectiviteCounts {
  const counts = {} as CollectiviteCounts;
  for (const kind of COLLECTIVITE_KINDS) {
    counts[kind] = Object.fromEntries(POPULATION_BAND_IDS.map((band) => [band, 0])) as Record<PopulationBandId, number>;
  }
  return counts;
}

/** A collectivité with its own territory and every territory enclosing it. */
export interface LocatedCollectivite {
  collectivite: Collectivite;
  within: readonly TerritoryId[];
}

/** Counts the collectivités lying in a territory, by kind and population band. */
export function countWithin(collectivites: Iterable<LocatedCollectivite>, territoryId: TerritoryId): CollectiviteCounts {
  const counts = emptyCollectiviteCounts();
  for (const { collectivite, within } of collectivites) {
    if (collectivite.populationBand !== undefined && within.includes(territoryId)) {
      counts[collectivite.kind][collectivite.populationBand] += 1;
    }
  }
  return counts;
}
