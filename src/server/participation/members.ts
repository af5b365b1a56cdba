import type { CollectiviteKind } from '../../core/schema/collectivite.js';
import type { TerritoryId } from '../../core/territory/territory-id.js';
import type { ServerReferential } from '../referential/port.js';
import type { PortalMembers } from './members-config.js';

/** A member collectivité as the list shows it. */
export interface Member {
  siren: string;
  /** `null` for a SIREN the referential does not know. */
  name: string | null;
  kind: CollectiviteKind | null;
  /** The territory the collectivité governs (`commune:29019`…), when known. */
  territoire: TerritoryId | null;
}

/** Every collectivité of the referential in one of `scopes` (its own territory or one above it). */
function collectivitesIn(scopes: ReadonlySet<string>, referential: ServerReferential): Member[] {
  const members: Member[] = [];
  for (const collectivite of referential.collectivites()) {
    const territory = referential.territory(collectivite.territoryId);
    if (!territory) continue;
    if (!scopes.has(territory.id) && !territory.parentIds.some((id) => scopes.has(id))) continue;
    members.push({ siren: collectivite.siren, name: collectivite.name, kind: collectivite.kind, territoire: collectivite.territoryId });
  }
  return members;
}

/** The territories of a membership the referential does not know; the server refuses to start with them. */
export function unknownTerritories(list: PortalMembers, referential: ServerReferential): string[] {
  return list.territoires.filter((id) => referential.territory(id) === undefined);
}

const KIND_ORDER: readonly (CollectiviteKind | null)[] = ['region', 'csp', 'departement', 'epci', 'commune', 'syndicat', null];

/**
 * A portal's members, each once: the SIRENs listed and the collectivités of the territories
 * listed. Ordered for a person reading them: larger bodies first, then by name.
 */
export function resolveMembers(list: PortalMembers, referential: ServerReferential): Member[] {
  const bySiren = new Map<string, Member>();
  for (const member of collectivitesIn(new Set(list.territoires), referential)) bySiren.set(member.siren, member);
  for (const siren of list.sirens) {
    if (bySiren.has(siren)) continue;
    const collectivite = referential.collectiviteBySiren(siren);
    bySiren.set(
      siren,
      collectivite
        ? { siren, name: collectivite.name, kind: collectivite.kind, territoire: collectivite.territoryId }
        : { siren, name: null, kind: null, territoire: null },
    );
  }
  const collator = new Intl.Collator('fr');
  return [...bySiren.values()].sort(
    (a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) || collator.compare(a.name ?? '', b.name ?? '') || a.siren.localeCompare(b.siren),
  );
}
