/**
 * The fields this project reads from the JSON files of `@etalab/decoupage-administratif` (v6),
 * the official geography (COG) republished by the State. Only what the referential uses is typed.
 */

/** Where a territory lies: mainland, overseas département-région, or overseas collectivité (out of scope). */
export type DecoupageZone = 'metro' | 'drom' | 'com';

/** An entry of `communes.json`. */
export interface DecoupageCommune {
  code: string;
  nom: string;
  type: 'commune-actuelle' | 'commune-deleguee' | 'commune-associee' | 'arrondissement-municipal';
  zone: DecoupageZone;
  departement: string;
  region: string;
  siren?: string;
  population?: number;
}

/** A member commune in an entry of `epci.json`. */
export interface DecoupageEpciMember {
  code: string;
  siren: string;
  nom: string;
}

/** An entry of `epci.json`; `code` is the EPCI's SIREN. */
export interface DecoupageEpci {
  code: string;
  nom: string;
  type: string;
  membres: DecoupageEpciMember[];
}

/** An entry of `departements.json`. */
export interface DecoupageDepartement {
  code: string;
  nom: string;
  region: string;
  chefLieu: string;
  zone: DecoupageZone;
}

/** An entry of `regions.json`. */
export interface DecoupageRegion {
  code: string;
  nom: string;
  chefLieu: string;
  zone: DecoupageZone;
}

/** An entry of `arrondissements.json` (the State's sub-prefecture districts, used for their chef-lieu). */
export interface DecoupageArrondissement {
  code: string;
  chefLieu: string;
}

/** Everything the generator reads from the package. */
export interface DecoupageSource {
  /** Package name and version, recorded in the artefacts. */
  version: string;
  communes: readonly DecoupageCommune[];
  epci: readonly DecoupageEpci[];
  departements: readonly DecoupageDepartement[];
  regions: readonly DecoupageRegion[];
  arrondissements: readonly DecoupageArrondissement[];
}
