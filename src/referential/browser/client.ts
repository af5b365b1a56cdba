import type { Territory } from '../../core/territory/territory.js';
import { parseTerritoryId, type TerritoryId } from '../../core/territory/territory-id.js';
import { FRANCE_CODE, FRANCE_NAME } from '../france.js';
import { departementOfInsee } from '../insee.js';
import { prepareQuery, searchCandidate, searchCandidates, type SearchCandidate, type TerritorySearchHit, type TerritorySearchOptions } from '../search/rank.js';
import {
  ARTEFACT_PATHS,
  BROWSER_FORMAT,
  type BrowserIndex,
  type DepartementCommuneRow,
  type DepartementCommunes,
  type IndexDepartementRow,
  type IndexEpciRow,
  type IndexRegionRow,
  type SearchShard,
} from './format.js';
import { shardKeyFor, significantTokens, wordShardKey } from './shard-keys.js';

/** The part of `fetch` the client uses, so tests and hosts can supply their own. */
export type ArtefactFetch = (url: string) => Promise<{ ok: boolean; status: number; json(): Promise<unknown> }>;

/** Where the artefacts are served from, and how to fetch them. */
export interface BrowserReferentialOptions {
  /** URL of the folder holding `index.json`, `communes/` and `search/` (trailing slash optional). */
  baseUrl: string;
  /** Defaults to the global `fetch`. */
  fetch?: ArtefactFetch;
}

interface LoadedIndex {
  index: BrowserIndex;
  regions: Map<string, IndexRegionRow>;
  departements: Map<string, IndexDepartementRow>;
  epcis: Map<string, IndexEpciRow>;
  candidates: SearchCandidate[];
  francePopulation: number;
}

/**
 * The referential as a browser sees it: territories and name search from small artefacts fetched
 * on demand (the index once, then one département file or one search shard per need), never the
 * whole country. Search ranks exactly like the server's; it finds communes through the words of
 * their names ("st etienne", "ile d yeu") and by INSEE code. It sees only the communes of one
 * shard, so it needs a significant word (not "saint", "sur", "la"…) long enough to pick one; with
 * fewer letters it finds the communes having that exact word, and fragments inside words only
 * among those.
 */
export class BrowserReferential {
  private readonly baseUrl: string;
  private readonly fetchArtefact: ArtefactFetch;
  private loaded: Promise<LoadedIndex> | undefined;
  private readonly departementFiles = new Map<string, Promise<DepartementCommunes>>();
  private readonly shardCandidates = new Map<string, Promise<SearchCandidate[]>>();

  constructor(options: BrowserReferentialOptions) {
    this.baseUrl = options.baseUrl.endsWith('/') ? options.baseUrl : `${options.baseUrl}/`;
    this.fetchArtefact = options.fetch ?? ((url) => fetch(url));
  }

  /** The index: régions, départements, EPCI and the list of search shards. */
  async index(): Promise<BrowserIndex> {
    return (await this.loadIndex()).index;
  }

  /** A territory by id, fetching its département file for a commune; `null` if unknown. */
  async territory(id: string): Promise<Territory | null> {
    const parsed = parseTerritoryId(id);
    if (parsed === null) return null;
    const loaded = await this.loadIndex();
    if (parsed.kind !== 'commune') return indexTerritory(loaded, parsed.kind === 'france' ? 'france' : parsed.code, parsed.kind);
    const departement = departementOfInsee(parsed.code);
    if (!loaded.departements.has(departement)) return null;
    const file = await this.departementFile(departement);
    const row = file.communes.find(([insee]) => insee === parsed.code);
    return row ? communeTerritory(loaded, row) : null;
  }

  /** The communes of a département, in INSEE code order; `null` for an unknown département. */
  async communesOf(departementCode: string): Promise<Territory[] | null> {
    const loaded = await this.loadIndex();
    if (!loaded.departements.has(departementCode)) return null;
    const file = await this.departementFile(departementCode);
    return file.communes.map((row) => communeTerritory(loaded, row));
  }

  /** Searches territories by name or code, ranked like the server's search. */
  async search(query: string, options: TerritorySearchOptions = {}): Promise<TerritorySearchHit[]> {
    const prepared = prepareQuery(query);
    if (prepared === null) return [];
    const loaded = await this.loadIndex();
    const candidates = [...loaded.candidates];
    if (!options.kinds || options.kinds.includes('commune')) {
      candidates.push(...(await this.communeCandidates(loaded, prepared.code, prepared.tokens)));
    }
    return searchCandidates(query, candidates, options);
  }

  private async communeCandidates(loaded: LoadedIndex, code: string | null, tokens: readonly string[]): Promise<SearchCandidate[]> {
    if (code !== null) {
      // An INSEE code starts with its département's code: that file holds every commune it can match.
      const departement = departementOfInsee(code.toUpperCase());
      if (code.length < departement.length || !loaded.departements.has(departement)) return [];
      const file = await this.departementFile(departement);
      return file.communes.map((row) => searchCandidate(communeHit(row), [row[2]]));
    }
    // The smallest shard holding every commune with a word starting like one of the query's words;
    // failing that (query words too short for the split keys), a shard of one exact word.
    const keys = Object.keys(loaded.index.shards);
    const smallest = (found: (string | null)[]) =>
      found.reduce<string | null>((best, key) => (key !== null && (best === null || loaded.index.shards[key]! < loaded.index.shards[best]!) ? key : best), null);
    const words = significantTokens(tokens);
    const best = smallest(words.map((word) => shardKeyFor(keys, word))) ?? smallest(words.map((word) => wordShardKey(keys, word)));
    return best === null ? [] : this.shard(best);
  }

  private loadIndex(): Promise<LoadedIndex> {
    if (!this.loaded) {
      const loading = this.getJson<BrowserIndex>(ARTEFACT_PATHS.index).then(prepareIndex);
      this.loaded = loading;
      // A failed download is forgotten, so the next call tries again.
      loading.catch(() => {
        if (this.loaded === loading) this.loaded = undefined;
      });
    }
    return this.loaded;
  }

  private departementFile(code: string): Promise<DepartementCommunes> {
    return this.cached(this.departementFiles, code, () => this.getJson<DepartementCommunes>(ARTEFACT_PATHS.departement(code)));
  }

  private shard(key: string): Promise<SearchCandidate[]> {
    return this.cached(this.shardCandidates, key, async () => {
      const rows = await this.getJson<SearchShard>(ARTEFACT_PATHS.shard(key));
      return rows.map(([insee, name, population]) =>
        searchCandidate({ id: `commune:${insee}`, kind: 'commune', name, code: insee, population, departementCode: departementOfInsee(insee) }),
      );
    });
  }

  private cached<T>(cache: Map<string, Promise<T>>, key: string, load: () => Promise<T>): Promise<T> {
    let promise = cache.get(key);
    if (!promise) {
      promise = load();
      cache.set(key, promise);
      // A failed download is forgotten, so the next call tries again.
      promise.catch(() => cache.delete(key));
    }
    return promise;
  }

  private async getJson<T>(path: string): Promise<T> {
    const url = this.baseUrl + path;
    const response = await this.fetchArtefact(url);
    if (!response.ok) throw new Error(`Could not load ${url}: HTTP ${response.status}`);
    return (await response.json()) as T;
  }
}

function prepareIndex(index: BrowserIndex): LoadedIndex {
  if (index.format !== BROWSER_FORMAT) throw new Error(`Unsupported referential index format ${String(index.format)}`);
  const loaded: LoadedIndex = {
    index,
    regions: new Map(index.regions.map((row) => [row[0], row])),
    departements: new Map(index.departements.map((row) => [row[0], row])),
    epcis: new Map(index.epcis.map((row) => [row[0], row])),
    candidates: [],
    francePopulation: index.regions.reduce((sum, row) => sum + row[3], 0),
  };
  const add = (territory: Territory | null, departementCode?: string) => {
    const { id, kind, name, code, population } = territory!;
    loaded.candidates.push(searchCandidate({ id, kind, name, code, population, ...(departementCode !== undefined && { departementCode }) }));
  };
  add(indexTerritory(loaded, 'france', 'france'));
  for (const code of loaded.regions.keys()) add(indexTerritory(loaded, code, 'region'));
  for (const code of loaded.departements.keys()) add(indexTerritory(loaded, code, 'departement'), code);
  for (const [code, row] of loaded.epcis) add(indexTerritory(loaded, code, 'epci'), row[3]);
  return loaded;
}

/** A territory above the commune, from the index alone. */
function indexTerritory(loaded: LoadedIndex, code: string, kind: 'france' | 'region' | 'departement' | 'epci'): Territory | null {
  switch (kind) {
    case 'france':
      return { id: 'france', kind, name: FRANCE_NAME, code: FRANCE_CODE, population: loaded.francePopulation, parentIds: [] };
    case 'region': {
      const row = loaded.regions.get(code);
      return row ? { id: `region:${code}`, kind, name: row[1], code, population: row[3], parentIds: ['france'], siren: row[2] } : null;
    }
    case 'departement': {
      const row = loaded.departements.get(code);
      return row
        ? { id: `departement:${code}`, kind, name: row[1], code, population: row[4], parentIds: [`region:${row[2]}`, 'france'], siren: row[3] }
        : null;
    }
    case 'epci': {
      const row = loaded.epcis.get(code);
      return row ? { id: `epci:${code}`, kind, name: row[1], code, population: row[4], parentIds: departementChain(loaded, row[3]), siren: code } : null;
    }
  }
}

function communeTerritory(loaded: LoadedIndex, row: DepartementCommuneRow): Territory {
  const [insee, name, siren, population, epci] = row;
  const chain = departementChain(loaded, departementOfInsee(insee));
  return { id: `commune:${insee}`, kind: 'commune', name, code: insee, population, parentIds: epci ? [`epci:${epci}`, ...chain] : chain, siren };
}

function communeHit(row: DepartementCommuneRow): TerritorySearchHit {
  const [insee, name, , population] = row;
  return { id: `commune:${insee}`, kind: 'commune', name, code: insee, population, departementCode: departementOfInsee(insee) };
}

function departementChain(loaded: LoadedIndex, departementCode: string): TerritoryId[] {
  return [`departement:${departementCode}`, `region:${loaded.departements.get(departementCode)?.[2]}`, 'france'];
}
