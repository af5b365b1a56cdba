import type { Collectivite, CollectiviteKind } from '../core/schema/collectivite.js';
import { bandOf } from '../core/territory/population-band.js';
import type { Territory } from '../core/territory/territory.js';
import { parseTerritoryId, territoryKindOf, type TerritoryId, type TerritoryKind } from '../core/territory/territory-id.js';
import { countWithin, type CollectiviteCounts, type LocatedCollectivite } from './counts.js';
import type { ReferentialData } from './format.js';
import { FRANCE_CODE, FRANCE_NAME } from './france.js';
import { departementOfInsee } from './insee.js';
import { isValidSiren, isValidSiret } from '../core/siret.js';
import { ReferentialIndex } from './referential-index.js';
import { searchCandidate, searchCandidates, type SearchCandidate, type TerritorySearchHit, type TerritorySearchOptions } from './search/rank.js';
import { SPECIAL_STATUS_COLLECTIVITES, type SpecialStatusCollectivite } from './sirens.js';

/**
 * The territory referential: every commune, EPCI, département and région, their SIRENs, hierarchy
 * and populations, with lookups by SIREN, SIRET, territory id and name. Built from the compact
 * data the generator writes (or that `compileReferential` returns in memory).
 *
 * Populations are legal municipal populations of the communes; every level above sums its
 * member communes, so counts and weights add up exactly.
 */
export class Referential {
  /** Where the data comes from (package and version). */
  readonly source: string;
  private readonly index: ReferentialIndex;
  private readonly specialBySiren = new Map<string, SpecialStatusCollectivite>();
  private readonly territoryCache = new Map<TerritoryId, Territory>();
  private candidates: SearchCandidate[] | undefined;
  private located: LocatedCollectivite[] | undefined;
  private governed: Map<string, TerritoryId> | undefined;

  constructor(data: ReferentialData) {
    this.source = data.source;
    this.index = new ReferentialIndex(data);
    for (const csp of SPECIAL_STATUS_COLLECTIVITES) this.specialBySiren.set(csp.siren, csp);
  }

  /** The territory with this id, or `null` if the id is malformed or unknown. Frozen: it is shared. */
  territory(id: string): Territory | null {
    const cached = this.territoryCache.get(id as TerritoryId);
    if (cached) return cached;
    const territory = this.buildTerritory(id);
    if (territory === null) return null;
    // Shared between callers, so frozen: nobody can corrupt another caller's hierarchy.
    Object.freeze(territory.parentIds);
    this.territoryCache.set(territory.id, Object.freeze(territory));
    return territory;
  }

  /** Enclosing territories, nearest first, ending with `france`; `null` for an unknown id. */
  parentIds(id: string): TerritoryId[] | null {
    return this.territory(id)?.parentIds ?? null;
  }

  /** Enclosing territories themselves, nearest first; `null` for an unknown id. */
  parents(id: string): Territory[] | null {
    return this.parentIds(id)?.map((parent) => this.territory(parent)!) ?? null;
  }

  /** Population of a territory, or `null` for an unknown id. */
  population(id: string): number | null {
    return this.territory(id)?.population ?? null;
  }

  /** Every territory of a kind, in code order (34,875 for communes). */
  territoriesOfKind(kind: TerritoryKind): Territory[] {
    const ids: TerritoryId[] =
      kind === 'france'
        ? ['france']
        : kind === 'region'
          ? [...this.index.regions.keys()].map((code) => `region:${code}` as const)
          : kind === 'departement'
            ? [...this.index.departements.keys()].map((code) => `departement:${code}` as const)
            : kind === 'epci'
              ? [...this.index.epcis.keys()].map((siren) => `epci:${siren}` as const)
              : this.index.communes.map((row) => `commune:${row[0]}` as const);
    return ids.map((id) => this.territory(id)!);
  }

  /** The communes inside a territory (a commune is its own only member); `null` for an unknown id. */
  memberCommunes(id: string): Territory[] | null {
    const territory = this.territory(id);
    if (territory === null) return null;
    return this.communePositions(territory).map((position) => this.territory(`commune:${this.index.communes[position]![0]}`)!);
  }

  /**
   * How many collectivités of each kind and population band lie inside a territory, the territory's
   * own collectivité included (the server's weighting divides answers by these). A collectivité à
   * statut particulier counts once, as `csp`, where its own territory lies.
   */
  countCollectivites(id: string): CollectiviteCounts | null {
    const territory = this.territory(id);
    if (territory === null) return null;
    return countWithin(this.allLocated(), territory.id);
  }

  /** The collectivité with this SIREN, or `null` if the SIREN is invalid or not a known collectivité. */
  collectiviteBySiren(siren: string): Collectivite | null {
    if (!isValidSiren(siren)) return null;
    const special = this.specialBySiren.get(siren);
    if (special) {
      if (this.territory(special.territoryId) === null) return null;
      return this.collectiviteOfTerritory('csp', special.territoryId, { name: special.name, siren, population: this.governedPopulation(special) });
    }
    const governed = this.governedBySiren().get(siren);
    if (!governed) return null;
    const kind = territoryKindOf(governed) as CollectiviteKind;
    return this.collectiviteOfTerritory(kind, governed, kind === 'departement' ? { population: this.councilPopulation(governed) } : {});
  }

  /**
   * The inhabitants a collectivité à statut particulier answers for: those of the territories it
   * governs, each counted once (Paris the commune and the département, Alsace both Rhin départements).
   */
  private governedPopulation(special: SpecialStatusCollectivite): number {
    const governed = new Set(special.governs);
    return special.governs
      .map((id) => this.territory(id)!)
      .filter((territory) => !territory.parentIds.some((parent) => governed.has(parent)))
      .reduce((total, territory) => total + territory.population, 0);
  }

  /** A département council's inhabitants: its département's, less the area a csp holds its powers on. */
  private councilPopulation(id: TerritoryId): number {
    const territory = this.territory(id)!;
    const carvedOut = SPECIAL_STATUS_COLLECTIVITES.filter((special) => special.departementPowersIn === territory.code);
    return carvedOut.reduce((total, special) => total - this.governedPopulation(special), territory.population);
  }

  /**
   * The collectivité an establishment belongs to (a SIRET's first nine digits are its SIREN), with
   * the SIRET recorded; `null` if the SIRET is invalid or not a collectivité's.
   */
  collectiviteBySiret(siret: string): Collectivite | null {
    if (!isValidSiret(siret)) return null;
    const collectivite = this.collectiviteBySiren(siret.slice(0, 9));
    return collectivite && { ...collectivite, siret };
  }

  /**
   * Territories whose name or code matches a query, accent-, case- and punctuation-insensitive:
   * exact and prefix matches first, then word fragments, larger populations first.
   */
  search(query: string, options?: TerritorySearchOptions): TerritorySearchHit[] {
    this.candidates ??= this.buildCandidates();
    return searchCandidates(query, this.candidates, options);
  }

  private buildTerritory(id: string): Territory | null {
    const parsed = parseTerritoryId(id);
    if (parsed === null) return null;
    const { index } = this;
    switch (parsed.kind) {
      case 'france':
        return { id: 'france', kind: 'france', name: FRANCE_NAME, code: FRANCE_CODE, population: index.francePopulation, parentIds: [] };
      case 'region': {
        const entry = index.regions.get(parsed.code);
        if (!entry) return null;
        const [code, name, siren] = entry.row;
        return { id: `region:${code}`, kind: 'region', name, code, population: entry.population, parentIds: ['france'], siren };
      }
      case 'departement': {
        const entry = index.departements.get(parsed.code);
        if (!entry) return null;
        const [code, name, region, siren] = entry.row;
        return {
          id: `departement:${code}`,
          kind: 'departement',
          name,
          code,
          population: entry.population,
          parentIds: [`region:${region}`, 'france'],
          siren,
        };
      }
      case 'epci': {
        const entry = index.epcis.get(parsed.code);
        if (!entry) return null;
        const [siren, name] = entry.row;
        return {
          id: `epci:${siren}`,
          kind: 'epci',
          name,
          code: siren,
          population: entry.population,
          parentIds: this.departementChain(entry.departementCode),
          siren,
        };
      }
      case 'commune': {
        const position = index.communeByInsee.get(parsed.code);
        if (position === undefined) return null;
        const row = index.communes[position]!;
        const [insee, name, siren, population] = row;
        const epci = index.epciOfCommune(row);
        const chain = this.departementChain(departementOfInsee(insee));
        return {
          id: `commune:${insee}`,
          kind: 'commune',
          name,
          code: insee,
          population,
          parentIds: epci ? [`epci:${epci.row[0]}`, ...chain] : chain,
          siren,
        };
      }
    }
  }

  /** Positions in the commune rows of the communes inside a territory. */
  private communePositions(territory: Territory): readonly number[] {
    const { index } = this;
    switch (territory.kind) {
      case 'france':
        return index.communes.map((_, position) => position);
      case 'region':
        return [...index.departements.values()].filter((d) => d.row[2] === territory.code).flatMap((d) => d.communes);
      case 'departement':
        return index.departements.get(territory.code)!.communes;
      case 'epci':
        return index.epcis.get(territory.code)!.members;
      case 'commune':
        return [index.communeByInsee.get(territory.code)!];
    }
  }

  /** A département, its région and France: the upper part of every chain. */
  private departementChain(departementCode: string): TerritoryId[] {
    return [`departement:${departementCode}`, `region:${this.index.regionOfDepartement(departementCode)}`, 'france'];
  }

  /** The collectivité of a territory; a csp or a council may answer for another name, SIREN or population. */
  private collectiviteOfTerritory(kind: CollectiviteKind, id: TerritoryId, own: { name?: string; siren?: string; population?: number } = {}): Collectivite {
    const territory = this.territory(id)!;
    const population = own.population ?? territory.population;
    const form = territory.kind === 'epci' ? this.index.epcis.get(territory.code)!.row[2] : undefined;
    // A collectivité at région level is not attached to one département.
    const departementCode = territory.kind === 'region' ? undefined : codeAtLevel(territory, 'departement');
    return {
      siren: own.siren ?? territory.siren!,
      name: own.name ?? territory.name,
      kind,
      ...(form !== undefined && { epciForm: form }),
      code: territory.code,
      territoryId: territory.id,
      ...(departementCode !== undefined && { departementCode }),
      regionCode: codeAtLevel(territory, 'region')!,
      population,
      populationBand: bandOf(population),
    };
  }

  /** The territory each SIREN governs (special-status collectivités aside), built on first use. */
  private governedBySiren(): Map<string, TerritoryId> {
    if (this.governed) return this.governed;
    const governed = new Map<string, TerritoryId>();
    for (const { row } of this.index.regions.values()) governed.set(row[2], `region:${row[0]}`);
    for (const { row } of this.index.departements.values()) governed.set(row[3], `departement:${row[0]}`);
    for (const siren of this.index.epcis.keys()) governed.set(siren, `epci:${siren}`);
    for (const row of this.index.communes) governed.set(row[2], `commune:${row[0]}`);
    this.governed = governed;
    return governed;
  }

  private buildCandidates(): SearchCandidate[] {
    const candidates: SearchCandidate[] = [];
    for (const kind of ['france', 'region', 'departement', 'epci', 'commune'] as const) {
      for (const territory of this.territoriesOfKind(kind)) {
        const departementCode = codeAtLevel(territory, 'departement');
        const hit: TerritorySearchHit = {
          id: territory.id,
          kind: territory.kind,
          name: territory.name,
          code: territory.code,
          population: territory.population,
          ...(departementCode !== undefined && { departementCode }),
        };
        // A commune also answers to its SIREN.
        candidates.push(searchCandidate(hit, territory.kind === 'commune' && territory.siren ? [territory.siren] : []));
      }
    }
    return candidates;
  }

  private allLocated(): LocatedCollectivite[] {
    if (this.located) return this.located;
    const located: LocatedCollectivite[] = [];
    const add = (collectivite: Collectivite | null) => {
      if (collectivite === null) return;
      const territory = this.territory(collectivite.territoryId)!;
      located.push({ collectivite, within: [territory.id, ...territory.parentIds] });
    };
    // Every SIREN once: a csp (Paris, Lyon…) shares its SIREN with a commune, an EPCI or the
    // départements and région it governs, and must not be counted under those kinds too.
    const sirens = new Set([...this.governedBySiren().keys(), ...this.specialBySiren.keys()]);
    for (const siren of sirens) add(this.collectiviteBySiren(siren));
    this.located = located;
    return located;
  }
}

/** The code of a territory's département or région: its own if it is one, else its ancestor's. */
function codeAtLevel(territory: Territory, level: 'departement' | 'region'): string | undefined {
  if (territory.kind === level) return territory.code;
  const prefix = `${level}:`;
  return territory.parentIds.find((id) => id.startsWith(prefix))?.slice(prefix.length);
}
