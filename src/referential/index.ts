export { Referential } from './referential.js';
export { countWithin, emptyCollectiviteCounts } from './counts.js';
export type { CollectiviteCounts, LocatedCollectivite } from './counts.js';
export { compileReferential } from './compile.js';
export { REFERENTIAL_FORMAT, asReferentialData } from './format.js';
export type { CommuneRow, DepartementRow, EpciRow, ReferentialData, RegionRow } from './format.js';
export type {
  DecoupageArrondissement,
  DecoupageCommune,
  DecoupageDepartement,
  DecoupageEpci,
  DecoupageEpciMember,
  DecoupageRegion,
  DecoupageSource,
  DecoupageZone,
} from './decoupage.js';
export { DEPARTEMENT_COUNCIL_SIRENS, REGION_COUNCIL_SIRENS, SPECIAL_STATUS_COLLECTIVITES } from './sirens.js';
export type { SpecialStatusCollectivite } from './sirens.js';
export { departementOfInsee } from './insee.js';
export { FRANCE_CODE, FRANCE_NAME } from './france.js';
export { normalizeForSearch, searchTokens } from './search/normalize.js';
export { matchTier, prepareQuery, searchCandidate, searchCandidates } from './search/rank.js';
export type { PreparedQuery, SearchCandidate, TerritorySearchHit, TerritorySearchOptions } from './search/rank.js';
export { BrowserReferential } from './browser/client.js';
export type { ArtefactFetch, BrowserReferentialOptions } from './browser/client.js';
export { DEFAULT_SHARD_MAX_ENTRIES, buildBrowserArtefacts } from './browser/artefacts.js';
export type { BrowserArtefacts } from './browser/artefacts.js';
export { ARTEFACT_PATHS, BROWSER_FORMAT } from './browser/format.js';
export type {
  BrowserIndex,
  DepartementCommuneRow,
  DepartementCommunes,
  IndexDepartementRow,
  IndexEpciRow,
  IndexRegionRow,
  SearchShard,
  ShardRow,
} from './browser/format.js';
export { buildShards, shardKeyFor, significantTokens, wordShardKey } from './browser/shard-keys.js';
export { OfflineSiretResolver, SiretResolverError, chainSiretResolvers } from './resolvers/siret-resolver.js';
export type { SiretLookup, SiretResolver } from './resolvers/siret-resolver.js';
export { RECHERCHE_ENTREPRISES_URL, RechercheEntreprisesResolver } from './resolvers/recherche-entreprises.js';
export type { RechercheEntreprisesOptions, RegisterFetch } from './resolvers/recherche-entreprises.js';
