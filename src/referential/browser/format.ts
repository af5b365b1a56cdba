import type { EpciLegalForm } from '../../core/territory/epci-form.js';

/**
 * The small artefacts a browser downloads instead of the full referential: one index (a few tens
 * of kilobytes gzipped), one file per département, and search shards of a few hundred communes.
 * Rows are positional tuples, like the full referential.
 */

/** Bumped whenever a row changes shape. */
export const BROWSER_FORMAT = 1;

/** `[code, name, siren, population]` */
export type IndexRegionRow = [code: string, name: string, siren: string, population: number];

/** `[code, name, région code, siren, population]` */
export type IndexDepartementRow = [code: string, name: string, regionCode: string, siren: string, population: number];

/** `[siren, name, legal form, département of its seat, population]` */
export type IndexEpciRow = [siren: string, name: string, form: EpciLegalForm, departementCode: string, population: number];

/** The index every browser page loads first. */
export interface BrowserIndex {
  format: typeof BROWSER_FORMAT;
  source: string;
  regions: IndexRegionRow[];
  departements: IndexDepartementRow[];
  epcis: IndexEpciRow[];
  /** Search shard keys and how many communes each holds (the client fetches the smallest that fits). */
  shards: Record<string, number>;
}

/** `[INSEE code, name, siren, population, siren of its EPCI or null]` */
export type DepartementCommuneRow = [insee: string, name: string, siren: string, population: number, epci: string | null];

/** The communes of one département (`communes/35.json`). */
export interface DepartementCommunes {
  format: typeof BROWSER_FORMAT;
  departement: string;
  communes: DepartementCommuneRow[];
}

/** `[INSEE code, name, population]`: enough to show and rank a search hit. */
export type ShardRow = [insee: string, name: string, population: number];

/** The communes having a significant word that starts with the shard's key (`search/ren.json`). */
export type SearchShard = ShardRow[];

/** Relative paths of the artefacts, shared by the generator and the client. */
export const ARTEFACT_PATHS = {
  index: 'index.json',
  departement: (code: string) => `communes/${code}.json`,
  shard: (key: string) => `search/${key}.json`,
} as const;
