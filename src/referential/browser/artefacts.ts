import type { Territory } from '../../core/territory/territory.js';
import type { Referential } from '../referential.js';
import { searchTokens } from '../search/normalize.js';
import {
  BROWSER_FORMAT,
  type BrowserIndex,
  type DepartementCommunes,
  type IndexDepartementRow,
  type IndexEpciRow,
  type IndexRegionRow,
  type SearchShard,
} from './format.js';
import { buildShards, significantTokens } from './shard-keys.js';

/** Everything the browser downloads, ready to be written as JSON files. */
export interface BrowserArtefacts {
  index: BrowserIndex;
  /** By département code. */
  departements: Map<string, DepartementCommunes>;
  /** By shard key. */
  shards: Map<string, SearchShard>;
}

/**
 * Most communes a search shard may hold before it is split on one more letter. About 700 keeps the
 * largest shard near 20 kB (8 kB gzipped) while the index lists under 700 keys.
 */
export const DEFAULT_SHARD_MAX_ENTRIES = 700;

/** Derives the browser artefacts from the full referential. Deterministic: same data, same bytes. */
export function buildBrowserArtefacts(referential: Referential, shardMaxEntries = DEFAULT_SHARD_MAX_ENTRIES): BrowserArtefacts {
  const regions: IndexRegionRow[] = referential
    .territoriesOfKind('region')
    .map((r) => [r.code, r.name, r.siren!, r.population]);
  const departementTerritories = referential.territoriesOfKind('departement');
  const departementRows: IndexDepartementRow[] = departementTerritories.map((d) => [
    d.code,
    d.name,
    codeOf(d.parentIds[0]!),
    d.siren!,
    d.population,
  ]);
  const epcis: IndexEpciRow[] = referential.territoriesOfKind('epci').map((e) => {
    const form = referential.collectiviteBySiren(e.code)?.epciForm;
    if (form === undefined) throw new Error(`EPCI ${e.code} has no legal form`);
    return [e.code, e.name, form, codeOf(e.parentIds[0]!), e.population];
  });

  const departements = new Map<string, DepartementCommunes>();
  for (const departement of departementTerritories) {
    const communes = referential.memberCommunes(departement.id)!;
    departements.set(departement.code, {
      format: BROWSER_FORMAT,
      departement: departement.code,
      communes: communes.map((c) => [c.code, c.name, c.siren!, c.population, epciOf(c)]),
    });
  }

  const communes = referential.territoriesOfKind('commune');
  const keyed = buildShards(
    communes.map((c) => significantTokens(searchTokens(c.name))),
    shardMaxEntries,
  );
  const shards = new Map<string, SearchShard>();
  for (const key of [...keyed.keys()].sort()) {
    shards.set(
      key,
      keyed.get(key)!.map((i) => {
        const c = communes[i]!;
        return [c.code, c.name, c.population];
      }),
    );
  }

  const index: BrowserIndex = {
    format: BROWSER_FORMAT,
    source: referential.source,
    regions,
    departements: departementRows,
    epcis,
    shards: Object.fromEntries([...shards].map(([key, rows]) => [key, rows.length])),
  };
  return { index, departements, shards };
}

function codeOf(id: string): string {
  return id.slice(id.indexOf(':') + 1);
}

function epciOf(commune: Territory): string | null {
  const epci = commune.parentIds.find((id) => id.startsWith('epci:'));
  return epci === undefined ? null : codeOf(epci);
}
