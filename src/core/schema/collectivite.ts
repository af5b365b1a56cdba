import * as z from 'zod/mini';
import { EpciLegalForm } from '../territory/epci-form.js';
import { PopulationBandId } from '../territory/population-band-schema.js';
import { TerritoryId } from '../territory/territory-id.js';
import { COLLECTIVITE_KINDS } from './collectivite-kinds.js';
import { DEPARTEMENT_CODE, REGION_CODE, SIREN_SHAPE, SIRET_SHAPE } from './patterns.js';

export { COLLECTIVITE_KINDS } from './collectivite-kinds.js';

/** Kinds of collectivité that can answer the Baromètre (see `collectivite-kinds.ts`). */
export const CollectiviteKind = z.enum(COLLECTIVITE_KINDS);
export type CollectiviteKind = z.infer<typeof CollectiviteKind>;

/** Schema of a collectivité's SIREN (shape only). */
export const CollectiviteSiren = z.string().check(z.regex(SIREN_SHAPE));

/**
 * A collectivité as the survey knows it: who answers, where it sits and how large it is.
 * An EPCI carries its legal form; so may the Métropole de Lyon (a `csp` acting as its communes'
 * intercommunality, form `MET69`). A SIRET, when given, belongs to the SIREN.
 */
export const Collectivite = z
  .object({
    siren: CollectiviteSiren,
    /** The establishment that answered, when known; its first nine digits are the SIREN. */
    siret: z.optional(z.string().check(z.regex(SIRET_SHAPE))),
    name: z.string().check(z.minLength(1)),
    kind: CollectiviteKind,
    epciForm: z.optional(EpciLegalForm),
    /** INSEE code for a commune, SIREN for an EPCI, département or région code otherwise. */
    code: z.string().check(z.minLength(1)),
    territoryId: TerritoryId,
    /** Absent for a région and for collectivités spanning several départements at région level. */
    departementCode: z.optional(z.string().check(z.regex(DEPARTEMENT_CODE))),
    regionCode: z.string().check(z.regex(REGION_CODE)),
    population: z.optional(z.int().check(z.nonnegative())),
    populationBand: z.optional(PopulationBandId),
  })
  .check(
    z.refine((c) => c.siret === undefined || c.siret.startsWith(c.siren), {
      message: 'The SIRET must start with the SIREN',
      path: ['siret'],
    }),
    z.refine((c) => (c.kind === 'epci') === (c.epciForm !== undefined) || (c.kind === 'csp' && c.epciForm === 'MET69'), {
      message: 'An EPCI needs its legal form, and only an EPCI (or the Métropole de Lyon) has one',
      path: ['epciForm'],
    }),
  );
export type Collectivite = z.infer<typeof Collectivite>;
