import type { Collectivite } from '../../core/schema/collectivite.js';
import { stratumKey } from '../../core/stats/weights.js';
import type { TerritoryId } from '../../core/territory/territory-id.js';
import { loadReferential } from '../../referential/build/load-referential.js';
import type { Referential } from '../../referential/referential.js';
import type { ServerReferential } from './port.js';

/** Counting a territory's collectivités walks all of them; a results page asks for a few territories again and again. */
const STRATA_CACHE_SIZE = 2048;

/** The project's offline referential (generated from the official geography) behind the server's interface. */
export function serverReferentialOf(referential: Referential): ServerReferential {
  const strataCache = new Map<TerritoryId, Readonly<Record<string, number>>>();
  let all: readonly Collectivite[] | undefined;
  return {
    collectiviteBySiren: (siren) => referential.collectiviteBySiren(siren) ?? undefined,
    territory: (id) => referential.territory(id) ?? undefined,
    search: (query, limit) =>
      referential.search(query, { limit }).map((hit) => {
        const { siren: _siren, ...territory } = referential.territory(hit.id)!;
        return hit.departementCode === undefined ? territory : { ...territory, departementCode: hit.departementCode };
      }),
    strataCounts(id) {
      const cached = strataCache.get(id);
      if (cached) return cached;
      const counts = referential.countCollectivites(id);
      const strata: Record<string, number> = {};
      for (const [kind, bands] of Object.entries(counts ?? {})) {
        for (const [band, n] of Object.entries(bands)) if (n > 0) strata[stratumKey(kind, band)] = n;
      }
      if (strataCache.size >= STRATA_CACHE_SIZE) strataCache.delete(strataCache.keys().next().value!);
      strataCache.set(id, Object.freeze(strata));
      return strata;
    },
    collectivites(): Iterable<Collectivite> {
      all ??= allCollectivites(referential);
      return all;
    },
    territoriesOfLevel: (level) => referential.territoriesOfKind(level),
  };
}

/** Every collectivité once, by SIREN: a collectivité à statut particulier governs several territories. */
function allCollectivites(referential: Referential): Collectivite[] {
  const seen = new Set<string>();
  const list: Collectivite[] = [];
  for (const kind of ['region', 'departement', 'epci', 'commune'] as const) {
    for (const territory of referential.territoriesOfKind(kind)) {
      if (territory.siren === undefined || seen.has(territory.siren)) continue;
      seen.add(territory.siren);
      const collectivite = referential.collectiviteBySiren(territory.siren);
      if (collectivite) list.push(collectivite);
    }
  }
  return list;
}

let shared: ServerReferential | undefined;

/**
 * The referential from the generated artefacts (or compiled from the geography package when they
 * have not been generated), loaded once per process: it is read-only and takes a moment to build.
 */
export function defaultReferential(): ServerReferential {
  shared ??= serverReferentialOf(loadReferential());
  return shared;
}
