import * as z from 'zod/mini';
import { SIREN_SHAPE } from '../schema/patterns.js';
import { TerritoryId, TerritoryKind } from './territory-id.js';

/**
 * A territory as the referential describes it: what a widget needs to name it, compare it and place
 * it in the hierarchy.
 */
export const Territory = z.object({
  id: TerritoryId,
  kind: TerritoryKind,
  /** Official name, as written by INSEE (`Rennes`, `Ille-et-Vilaine`, `Rennes Métropole`). */
  name: z.string().check(z.minLength(1)),
  /** INSEE code for a commune, SIREN for an EPCI, code for a département or région, `FR` for France. */
  code: z.string().check(z.minLength(1)),
  /** Legal (municipal) population, summed over member communes for every level above the commune. */
  population: z.int().check(z.nonnegative()),
  /** Enclosing territories, nearest first, ending with `france` (empty for France itself). */
  parentIds: z.array(TerritoryId),
  /** SIREN of the collectivité that governs this territory, when there is one. */
  siren: z.optional(z.string().check(z.regex(SIREN_SHAPE))),
});
export type Territory = z.infer<typeof Territory>;
