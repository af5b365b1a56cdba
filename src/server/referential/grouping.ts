import { Collectivite } from '../../core/schema/collectivite.js';
import { parseTerritoryId, type TerritoryId } from '../../core/territory/territory-id.js';
import type { ServerReferential } from './port.js';

/**
 * A grouping of collectivités (kind `syndicat`) as the survey knows it. It governs no territory of
 * the geography: it is placed in the département and the région of its seat's commune, which is
 * its `territoryId`'s département. It is never counted in a commune's or an intercommunalité's
 * figures, and no population band describes it.
 */

// The arrondissements of Paris, Lyon and Marseille: registers may give them as a seat's commune.
const CITY_OF_ARRONDISSEMENT: readonly [RegExp, string][] = [
  [/^751(?:0[1-9]|1\d|20)$/, '75056'],
  [/^6938[1-9]$/, '69123'],
  [/^132(?:0[1-9]|1[0-6])$/, '13055'],
];

/** The département and région of a commune of the referential, or `undefined` when the geography has no such commune. */
export function seatPlace(referential: ServerReferential, commune: string): { departementCode: string; regionCode: string } | undefined {
  const city = CITY_OF_ARRONDISSEMENT.find(([pattern]) => pattern.test(commune))?.[1] ?? commune;
  const territory = referential.territory(`commune:${city}` as TerritoryId);
  if (territory === undefined) return undefined;
  let departementCode: string | undefined;
  let regionCode: string | undefined;
  for (const id of territory.parentIds) {
    const parsed = parseTerritoryId(id);
    if (parsed?.kind === 'departement') departementCode ??= parsed.code;
    if (parsed?.kind === 'region') regionCode ??= parsed.code;
  }
  return departementCode !== undefined && regionCode !== undefined ? { departementCode, regionCode } : undefined;
}

/** The grouping a SIRET belongs to, placed at its seat; `undefined` when the seat's commune is not in the geography. */
export function groupingCollectivite(
  referential: ServerReferential,
  unit: { siren: string; siret: string; name: string; commune: string },
): (Collectivite & { siret: string }) | undefined {
  const place = seatPlace(referential, unit.commune);
  if (place === undefined) return undefined;
  const collectivite = Collectivite.parse({
    siren: unit.siren,
    siret: unit.siret,
    name: unit.name,
    kind: 'syndicat',
    code: unit.siren,
    territoryId: `departement:${place.departementCode}`,
    departementCode: place.departementCode,
    regionCode: place.regionCode,
  });
  return { ...collectivite, siret: unit.siret };
}
