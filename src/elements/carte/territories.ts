import { DEPARTEMENTS, REGIONS } from '../shared/geography.js';

/**
 * The territories a map shows: the 101 départements or the 18 régions, from the one table of
 * the shared geography, so the map, its table and its keyboard order exist before any geometry
 * or referential loads.
 */

/** The two levels a map can show. */
export type MapLevel = 'departement' | 'region';

/** Reads the `niveau` attribute: `region`, else `departement`. */
export function toMapLevel(value: string | null | undefined): MapLevel {
  return value?.trim() === 'region' ? 'region' : 'departement';
}

/** One territory of a map. */
export interface MapTerritory {
  /** Territory id, e.g. `departement:35` or `region:53`. */
  id: string;
  /** INSEE code, e.g. `35`, `2A`, `974`, `53`. */
  code: string;
  name: string;
  /** Overseas territories are drawn apart from metropolitan France, each in an inset of its own. */
  overseas: boolean;
  /** Codes of the départements it is made of (itself for a département). */
  departements: readonly string[];
}

/** Overseas départements have three-digit codes; overseas régions are 01 to 06. */
function isOverseas(level: MapLevel, code: string): boolean {
  return level === 'departement' ? code.length === 3 : code < '10';
}

/**
 * The order of the overseas insets on both maps, by département code: the INSEE order, which
 * readers know from the départements' numbers. Régions follow their département, so the insets
 * sit in the same places whichever the level (the keyboard and the table keep their own order).
 */
const OVERSEAS_ORDER: readonly string[] = ['971', '972', '973', '974', '976'];

/** The overseas territories of a list, in the insets' order. */
export function insetOrder<T extends Pick<MapTerritory, 'overseas' | 'departements'>>(territories: readonly T[]): T[] {
  const rank = (territory: T) => OVERSEAS_ORDER.indexOf(territory.departements[0] ?? '');
  return territories.filter((territory) => territory.overseas).sort((a, b) => rank(a) - rank(b));
}

/**
 * Départements in INSEE order: Corsica's 2A and 2B sit where 20 was, overseas codes come last.
 * A plain string sort would put 2A after 29 and 971 before 98.
 */
function departementRank(code: string): number {
  if (code === '2A') return 20.1;
  if (code === '2B') return 20.2;
  return Number(code);
}

function build(level: MapLevel): MapTerritory[] {
  if (level === 'region') {
    const regions = REGIONS.map(({ code, name }) => ({
      id: `region:${code}`,
      code,
      name,
      overseas: isOverseas('region', code),
      departements: DEPARTEMENTS.filter((departement) => departement.region === code).map((departement) => departement.code),
    }));
    // Région codes mean little to readers: keyboard and table follow their names.
    return regions.sort((a, b) => a.name.localeCompare(b.name, 'fr'));
  }
  const departements = DEPARTEMENTS.map(({ code, name }) => ({
    id: `departement:${code}`,
    code,
    name,
    overseas: isOverseas('departement', code),
    departements: [code],
  }));
  // Département numbers are familiar to every French reader: keyboard and table follow them.
  return departements.sort((a, b) => departementRank(a.code) - departementRank(b.code));
}

const cache = new Map<MapLevel, readonly MapTerritory[]>();

/** Every territory of a level, in the order the keyboard and the table follow. */
export function territoriesOf(level: MapLevel): readonly MapTerritory[] {
  let list = cache.get(level);
  if (!list) {
    list = build(level);
    cache.set(level, list);
  }
  return list;
}

/** The région code of a département code, or `undefined` for an unknown code. */
export function regionOfDepartement(code: string): string | undefined {
  return territoriesOf('region').find((region) => region.departements.includes(code))?.code;
}

/** A commune's département: the first three characters of its INSEE code overseas, two elsewhere. */
function departementOfCommune(insee: string): string {
  return insee.startsWith('97') ? insee.slice(0, 3) : insee.slice(0, 2);
}

/**
 * The territory of the map that contains a territory id, for outlining the current territory:
 * a département, or the région around it; a commune's département or région. EPCI can straddle
 * départements and France contains everything: neither is outlined.
 */
export function territoryAt(level: MapLevel, territoire: string | undefined): string | undefined {
  if (!territoire) return undefined;
  const colon = territoire.indexOf(':');
  const kind = territoire.slice(0, colon);
  const code = territoire.slice(colon + 1);
  let departement: string | undefined;
  if (kind === 'region') return level === 'region' ? territoire : undefined;
  if (kind === 'departement') departement = code;
  else if (kind === 'commune') departement = departementOfCommune(code);
  if (!departement) return undefined;
  if (level === 'departement') return `departement:${departement}`;
  const region = regionOfDepartement(departement);
  return region ? `region:${region}` : undefined;
}
