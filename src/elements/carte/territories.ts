/**
 * The territories a map shows: the 101 départements or the 18 régions, with their names and
 * the région of each département. Written out here (about a kilobyte) rather than fetched, so
 * the map, its table and its keyboard order exist before any geometry or referential loads.
 * It follows the referential generated from the official geographic code (COG); a test checks
 * that the two agree.
 */

/** The two levels a map can show. */
export type MapLevel = 'departement' | 'region';

/** Reads the `niveau` attribute: `region`, else `departement`. */
export function toMapLevel(value: string | null | undefined): MapLevel {
  return value?.trim() === 'region' ? 'region' : 'departement';
}

/**
 * `[région code, name, "département code name|…"]`, in the referential's order. Names are the
 * official ones; the API's names win when it sends them.
 */
const REGIONS: readonly (readonly [code: string, name: string, departements: string])[] = [
  ['01', 'Guadeloupe', '971 Guadeloupe'],
  ['02', 'Martinique', '972 Martinique'],
  ['03', 'Guyane', '973 Guyane'],
  ['04', 'La Réunion', '974 La Réunion'],
  ['06', 'Mayotte', '976 Mayotte'],
  ['11', 'Île-de-France', "75 Paris|77 Seine-et-Marne|78 Yvelines|91 Essonne|92 Hauts-de-Seine|93 Seine-Saint-Denis|94 Val-de-Marne|95 Val-d'Oise"],
  ['24', 'Centre-Val de Loire', '18 Cher|28 Eure-et-Loir|36 Indre|37 Indre-et-Loire|41 Loir-et-Cher|45 Loiret'],
  ['27', 'Bourgogne-Franche-Comté', "21 Côte-d'Or|25 Doubs|39 Jura|58 Nièvre|70 Haute-Saône|71 Saône-et-Loire|89 Yonne|90 Territoire de Belfort"],
  ['28', 'Normandie', '14 Calvados|27 Eure|50 Manche|61 Orne|76 Seine-Maritime'],
  ['32', 'Hauts-de-France', '02 Aisne|59 Nord|60 Oise|62 Pas-de-Calais|80 Somme'],
  ['44', 'Grand Est', '08 Ardennes|10 Aube|51 Marne|52 Haute-Marne|54 Meurthe-et-Moselle|55 Meuse|57 Moselle|67 Bas-Rhin|68 Haut-Rhin|88 Vosges'],
  ['52', 'Pays de la Loire', '44 Loire-Atlantique|49 Maine-et-Loire|53 Mayenne|72 Sarthe|85 Vendée'],
  ['53', 'Bretagne', "22 Côtes-d'Armor|29 Finistère|35 Ille-et-Vilaine|56 Morbihan"],
  ['75', 'Nouvelle-Aquitaine', '16 Charente|17 Charente-Maritime|19 Corrèze|23 Creuse|24 Dordogne|33 Gironde|40 Landes|47 Lot-et-Garonne|64 Pyrénées-Atlantiques|79 Deux-Sèvres|86 Vienne|87 Haute-Vienne'],
  ['76', 'Occitanie', '09 Ariège|11 Aude|12 Aveyron|30 Gard|31 Haute-Garonne|32 Gers|34 Hérault|46 Lot|48 Lozère|65 Hautes-Pyrénées|66 Pyrénées-Orientales|81 Tarn|82 Tarn-et-Garonne'],
  ['84', 'Auvergne-Rhône-Alpes', '01 Ain|03 Allier|07 Ardèche|15 Cantal|26 Drôme|38 Isère|42 Loire|43 Haute-Loire|63 Puy-de-Dôme|69 Rhône|73 Savoie|74 Haute-Savoie'],
  ['93', "Provence-Alpes-Côte d'Azur", '04 Alpes-de-Haute-Provence|05 Hautes-Alpes|06 Alpes-Maritimes|13 Bouches-du-Rhône|83 Var|84 Vaucluse'],
  ['94', 'Corse', '2A Corse-du-Sud|2B Haute-Corse'],
];

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
    const regions = REGIONS.map(([code, name, departements]) => ({
      id: `region:${code}`,
      code,
      name,
      overseas: isOverseas('region', code),
      departements: departements.split('|').map((entry) => entry.slice(0, entry.indexOf(' '))),
    }));
    // Région codes mean little to readers: keyboard and table follow their names.
    return regions.sort((a, b) => a.name.localeCompare(b.name, 'fr'));
  }
  const departements = REGIONS.flatMap(([, , list]) =>
    list.split('|').map((entry) => {
      const space = entry.indexOf(' ');
      const code = entry.slice(0, space);
      return { id: `departement:${code}`, code, name: entry.slice(space + 1), overseas: isOverseas('departement', code), departements: [code] };
    }),
  );
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
