import type { Collectivite } from '../../core/schema/collectivite.js';
import type { Territory } from '../../core/territory/territory.js';
import type { TerritoryId } from '../../core/territory/territory-id.js';

/**
 * A territory found by a search, as a picker shows it: the département tells apart places of the
 * same name. SIRENs are left out: a picker chooses places, not collectivités.
 */
export type TerritoryHit = Omit<Territory, 'siren'> & { departementCode?: string };

/**
 * What the API needs to know about French territories and collectivités. The server reads the
 * referential only through this interface, so a deployment can plug another source (an online
 * SIRENE lookup, a newer geography) without touching the routes.
 */
export interface ServerReferential {
  /** The collectivité a SIREN belongs to, or `undefined` when it is not one the survey knows. */
  collectiviteBySiren(siren: string): Collectivite | undefined;
  /** A territory by id, with its parents; `undefined` when unknown. */
  territory(id: TerritoryId): Territory | undefined;
  /** Territories whose name (or code) matches a query typed in a picker, best first. */
  search(query: string, limit: number): TerritoryHit[];
  /**
   * How many collectivités of each stratum (`kind|band`, see `stratumKey`) a territory holds,
   * by the same membership rules as results: a commune belongs to its EPCI, département, région
   * and France; an EPCI to the département and région of its seat; a département to its région.
   * For `france`, the whole country.
   */
  strataCounts(id: TerritoryId): Readonly<Record<string, number>>;
  /** Every collectivité that can answer, e.g. to draw a synthetic sample. */
  collectivites(): Iterable<Collectivite>;
  /** Every département, or every région, in code order: the territories a map shows. */
  territoriesOfLevel(level: 'departement' | 'region'): readonly Territory[];
}
