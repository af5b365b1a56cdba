import type { CommuneRow, DepartementRow, EpciRow, ReferentialData, RegionRow } from './format.js';
import { departementOfInsee } from './insee.js';

/** A région with what is recomputed on load. */
export interface RegionEntry {
  row: RegionRow;
  population: number;
}

/** A département with what is recomputed on load. */
export interface DepartementEntry {
  row: DepartementRow;
  population: number;
  communes: number[];
}

/** An EPCI with what is recomputed on load. */
export interface EpciEntry {
  row: EpciRow;
  population: number;
  members: number[];
  /** Département of its seat commune, where comparisons place it. */
  departementCode: string;
}

/**
 * Lookup tables over the compact rows: by code, by SIREN, members of each level and populations
 * summed from the communes. Built once when the referential loads (a few tens of milliseconds).
 */
export class ReferentialIndex {
  readonly communes: readonly CommuneRow[];
  readonly regions = new Map<string, RegionEntry>();
  readonly departements = new Map<string, DepartementEntry>();
  readonly epcis = new Map<string, EpciEntry>();
  /** EPCI in row order, as communes refer to them. */
  private readonly epciByIndex: readonly EpciEntry[];
  readonly communeByInsee = new Map<string, number>();
  readonly communeBySiren = new Map<string, number>();
  readonly francePopulation: number;

  constructor(data: ReferentialData) {
    this.communes = data.communes;
    for (const row of data.regions) this.regions.set(row[0], { row, population: 0 });
    for (const row of data.departements) this.departements.set(row[0], { row, population: 0, communes: [] });
    this.epciByIndex = data.epcis.map((row) => {
      const entry: EpciEntry = { row, population: 0, members: [], departementCode: departementOfInsee(row[3]) };
      this.epcis.set(row[0], entry);
      return entry;
    });

    let francePopulation = 0;
    data.communes.forEach((row, index) => {
      const [insee, , siren, population, epci] = row;
      this.communeByInsee.set(insee, index);
      this.communeBySiren.set(siren, index);
      const departement = this.departements.get(departementOfInsee(insee));
      if (departement === undefined) throw new Error(`Commune ${insee} lies in no known département`);
      departement.communes.push(index);
      departement.population += population;
      const region = this.regions.get(departement.row[2]);
      if (region !== undefined) region.population += population;
      const epciEntry = this.epciByIndex[epci];
      if (epciEntry !== undefined) {
        epciEntry.members.push(index);
        epciEntry.population += population;
      }
      francePopulation += population;
    });
    this.francePopulation = francePopulation;
  }

  /** The EPCI a commune belongs to, if any. */
  epciOfCommune(row: CommuneRow): EpciEntry | undefined {
    // -1 (no EPCI: a few island communes) reads as undefined, like any index out of range.
    return this.epciByIndex[row[4]];
  }

  /** The région code of a département code. */
  regionOfDepartement(code: string): string | undefined {
    return this.departements.get(code)?.row[2];
  }
}
