import * as z from 'zod/mini';
import { COLLECTIVITE_KINDS, type CollectiviteKind } from '../schema/collectivite.js';
import { SIREN_SHAPE } from '../schema/patterns.js';

/**
 * Shapes of the API's answers that the shared schema does not describe. They are lenient about
 * extra fields (a newer server may add some) and strict about what the client relies on.
 */

const Timestamp = z.string().check(z.minLength(1));

const Code = z.optional(z.string().check(z.minLength(1)));

/**
 * 201: the contribution is new; its edit code is shown once and never again. `editCode` is its
 * name now, `editToken` its former one (a server may send either, or both with one value).
 * `verification` says whether an attestation vouched for the respondent, and whose.
 */
export const CreatedResponse = z.looseObject({
  status: z.literal('created'),
  editCode: Code,
  editToken: Code,
  updatedAt: Timestamp,
  verification: z.optional(z.enum(['verified', 'unverified'])),
  verifiedBy: z.optional(z.string()),
  replacedUnverified: z.optional(z.boolean()),
});

/**
 * `GET /config`: what the server offers here. Everything is optional, read leniently: a server
 * that says nothing offers nothing more than submissions with an edit code.
 */
export const ServerConfigResponse = z.looseObject({
  attestation: z.optional(z.looseObject({ enabled: z.optional(z.boolean()) })),
  proconnect: z.optional(z.looseObject({ enabled: z.optional(z.boolean()), loginUrl: z.optional(z.string()) })),
  editCode: z.optional(z.looseObject({ pattern: z.optional(z.string()), maxWrongCodes: z.optional(z.number()) })),
});

/**
 * 200: an existing contribution was replaced, with its edit token. `replaced` is read as
 * `updated`: both names have been used for this outcome.
 */
export const UpdatedResponse = z.looseObject({
  status: z.enum(['updated', 'replaced']),
  updatedAt: Timestamp,
});

/** The `details` of a 409: the submission was set aside under this id for an administrator. */
export const PendingDetails = z.looseObject({ pendingId: z.optional(z.string()), replacedPendingId: z.optional(z.string()) });

/** A place (département, région) as the API may name it: a code, or a code with a name. */
const Place = z.union([z.string(), z.looseObject({ code: z.optional(z.string()), name: z.optional(z.string()) })]);

/** The fields of `GET /collectivites/:siret` the questionnaire shows; others are kept aside. */
export const CollectiviteResponse = z.looseObject({
  siren: z.string().check(z.regex(SIREN_SHAPE)),
  siret: z.optional(z.string()),
  name: z.string().check(z.minLength(1)),
  kind: z.enum(COLLECTIVITE_KINDS),
  departement: z.optional(Place),
  departementCode: z.optional(z.string()),
  departementName: z.optional(z.string()),
  region: z.optional(Place),
  regionCode: z.optional(z.string()),
  regionName: z.optional(z.string()),
  population: z.optional(z.number().check(z.nonnegative())),
  /** Its population band: questions may be asked only of some bands (conditions on the collectivité). */
  populationBand: z.optional(z.string()),
});

/** A collectivité as a respondent confirms it: who it is, where, and how large. */
export interface CollectiviteSummary {
  siren: string;
  siret?: string;
  name: string;
  kind: CollectiviteKind;
  /** The département's name when the API gave one, else its code. */
  departement?: string;
  /** The région's name when the API gave one, else its code. */
  region?: string;
  population?: number;
  /** The population band the server places it in, which conditions on the collectivité read. */
  populationBand?: string;
}

function placeName(place: z.infer<typeof Place> | undefined, name?: string, code?: string): string | undefined {
  if (typeof place === 'string') return place;
  return place?.name ?? place?.code ?? name ?? code;
}

/** Reduces a validated collectivité answer to what a respondent needs to recognise it. */
export function toCollectiviteSummary(body: z.infer<typeof CollectiviteResponse>): CollectiviteSummary {
  const summary: CollectiviteSummary = { siren: body.siren, name: body.name, kind: body.kind };
  if (body.siret !== undefined) summary.siret = body.siret;
  const departement = placeName(body.departement, body.departementName, body.departementCode);
  if (departement !== undefined) summary.departement = departement;
  const region = placeName(body.region, body.regionName, body.regionCode);
  if (region !== undefined) summary.region = region;
  if (body.population !== undefined) summary.population = body.population;
  if (body.populationBand !== undefined) summary.populationBand = body.populationBand;
  return summary;
}
