import { groupingCollectivite, seatPlace } from './grouping.js';
import type { GroupementRow, GroupementsFile } from './groupements-file.js';
import { departementOfCommune, isOutsideEdition, scopeOfCategory } from './legal-category.js';
import type { ServerReferential } from './port.js';
import type { SiretResolution, SiretResolver } from './siret-resolver.js';

/** A groupings file whose content does not fit the geography: the server does not start. */
export class GroupementsFileError extends Error {
  override readonly name = 'GroupementsFileError';
}

/**
 * The local public bodies (collectivités, groupings, their establishments) have SIRENs starting
 * with 2; the State's with 1, and private units with 3 to 9. So a SIREN not starting with 2
 * that the referential does not know is no grouping, whatever the server's lists.
 */
const LOCAL_PUBLIC_BODY = /^2/;

/**
 * Resolves SIRETs with no network: the built-in referential (communes, intercommunalités,
 * départements, régions, collectivités à statut particulier), then the operator's list of
 * groupings when there is one. Without it, a local public body the referential does not know
 * is said to be beyond what this server can place, not unknown: it may well be a syndicat.
 *
 * Throws a {@link GroupementsFileError} when a row's seat is not a commune of the geography.
 */
export function offlineSiretResolver(referential: ServerReferential, groupements?: GroupementsFile): SiretResolver {
  const bySiren = new Map<string, GroupementRow>();
  for (const row of groupements?.rows ?? []) {
    const outside = isOutsideEdition(departementOfCommune(row.commune));
    if (!outside && seatPlace(referential, row.commune) === undefined) {
      throw new GroupementsFileError(
        `BAROMETRE_GROUPEMENTS: ${groupements!.path}, line ${row.line}: commune ${row.commune} (the seat of ${row.siren}) is not a commune of the official geography`,
      );
    }
    bySiren.set(row.siren, row);
  }
  return {
    resolve(siret) {
      return Promise.resolve(resolveOffline(referential, groupements === undefined ? undefined : bySiren, siret));
    },
  };
}

function resolveOffline(referential: ServerReferential, listed: ReadonlyMap<string, GroupementRow> | undefined, siret: string): SiretResolution {
  const siren = siret.slice(0, 9);
  const collectivite = referential.collectiviteBySiren(siren);
  if (collectivite) return { status: 'found', collectivite: { ...collectivite, siret } };
  if (!LOCAL_PUBLIC_BODY.test(siren)) return { status: 'unknown' };
  if (listed === undefined) return { status: 'groupements_unavailable' };
  const row = listed.get(siren);
  if (row === undefined) return { status: 'unknown' };
  if (isOutsideEdition(departementOfCommune(row.commune))) return { status: 'out_of_scope', reason: 'outre_mer', name: row.name };
  const scope = scopeOfCategory(row.legalCategory);
  if ('outOfScope' in scope) return { status: 'out_of_scope', reason: scope.outOfScope, name: row.name };
  // A commune or an intercommunalité the referential does not know is not one this edition compares.
  if (scope.kind !== 'syndicat') return { status: 'unknown' };
  const grouping = groupingCollectivite(referential, { siren, siret, name: row.name, commune: row.commune });
  return grouping ? { status: 'found', collectivite: grouping } : { status: 'unknown' };
}
