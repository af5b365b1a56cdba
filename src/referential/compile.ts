import { isEpciLegalForm } from '../core/territory/epci-form.js';
import type { TerritoryId } from '../core/territory/territory-id.js';
import type { DecoupageCommune, DecoupageSource, DecoupageZone } from './decoupage.js';
import {
  REFERENTIAL_FORMAT,
  type CommuneRow,
  type DepartementRow,
  type EpciRow,
  type ReferentialData,
  type RegionRow,
} from './format.js';
import { departementOfInsee } from './insee.js';
import { DEPARTEMENT_COUNCIL_SIRENS, REGION_COUNCIL_SIRENS, SPECIAL_STATUS_COLLECTIVITES } from './sirens.js';

// Overseas collectivités (Saint-Martin, Polynésie…) have no SIREN in the geography and are not
// collectivités territoriales of the common law: the Baromètre covers mainland and DROM only.
const inScope = (entry: { zone: DecoupageZone }): boolean => entry.zone !== 'com';

const byCode = (a: { code: string }, b: { code: string }): number => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);

/**
 * Builds the full referential from the official geography and the hand-kept SIREN table.
 * Pure and deterministic: the generator and the tests call it alike. Throws when the sources
 * disagree (a département without a governing SIREN, a commune without population…), because a
 * silently wrong referential would skew every weighted result.
 */
export function compileReferential(source: DecoupageSource): ReferentialData {
  const governing = governingSirens();
  const sirenOf = (id: TerritoryId): string => {
    const siren = governing.get(id);
    if (siren === undefined) throw new Error(`No SIREN known for the collectivité governing ${id}`);
    return siren;
  };

  const regions: RegionRow[] = source.regions
    .filter(inScope)
    .sort(byCode)
    .map((r) => [r.code, r.nom, sirenOf(`region:${r.code}`)]);
  const regionCodes = new Set(regions.map(([code]) => code));

  const departements: DepartementRow[] = source.departements
    .filter(inScope)
    .sort(byCode)
    .map((d) => {
      if (!regionCodes.has(d.region)) throw new Error(`Département ${d.code} lies in unknown région ${d.region}`);
      return [d.code, d.nom, d.region, sirenOf(`departement:${d.code}`)];
    });
  const departementCodes = new Set(departements.map(([code]) => code));

  const communes = source.communes.filter((c) => c.type === 'commune-actuelle' && inScope(c)).sort(byCode);
  for (const commune of communes) checkCommune(commune, departementCodes);
  const populationOf = new Map(communes.map((c) => [c.code, c.population ?? 0]));

  const chefLieuRank = chefLieuRanks(source);
  const epcis: EpciRow[] = [];
  const epciIndexOf = new Map<string, number>();
  for (const epci of [...source.epci].sort(byCode)) {
    if (!isEpciLegalForm(epci.type)) throw new Error(`EPCI ${epci.code} has unknown legal form ${epci.type}`);
    // Members absent from the current communes (merged since the EPCI perimeter was published) are dropped.
    const members = epci.membres.map((m) => m.code).filter((code) => populationOf.has(code));
    if (members.length === 0) continue;
    const index = epcis.length;
    for (const member of members) {
      if (epciIndexOf.has(member)) throw new Error(`Commune ${member} belongs to two EPCI`);
      epciIndexOf.set(member, index);
    }
    epcis.push([epci.code, epci.nom, epci.type, seatOf(members, chefLieuRank, populationOf)]);
  }

  const communeRows: CommuneRow[] = communes.map((c) => [c.code, c.nom, c.siren!, c.population!, epciIndexOf.get(c.code) ?? -1]);

  return { format: REFERENTIAL_FORMAT, source: source.version, regions, departements, epcis, communes: communeRows };
}

/** Which SIREN governs each département and région: its council, or the collectivité à statut particulier. */
function governingSirens(): Map<TerritoryId, string> {
  const governing = new Map<TerritoryId, string>();
  const claim = (id: TerritoryId, siren: string) => {
    const previous = governing.get(id);
    if (previous !== undefined && previous !== siren) throw new Error(`${id} is governed by both ${previous} and ${siren}`);
    governing.set(id, siren);
  };
  for (const [code, siren] of Object.entries(DEPARTEMENT_COUNCIL_SIRENS)) claim(`departement:${code}`, siren);
  for (const [code, siren] of Object.entries(REGION_COUNCIL_SIRENS)) claim(`region:${code}`, siren);
  for (const csp of SPECIAL_STATUS_COLLECTIVITES) for (const id of csp.governs) claim(id, csp.siren);
  return governing;
}

function checkCommune(commune: DecoupageCommune, departementCodes: ReadonlySet<string>): void {
  if (commune.siren === undefined || typeof commune.population !== 'number') {
    throw new Error(`Commune ${commune.code} lacks a SIREN or a population`);
  }
  // The referential derives a commune's département from its code instead of storing it.
  if (departementOfInsee(commune.code) !== commune.departement || !departementCodes.has(commune.departement)) {
    throw new Error(`Commune ${commune.code} has an unexpected département ${commune.departement}`);
  }
}

/** Rank of each commune as a chef-lieu: 3 for a région, 2 for a département, 1 for an arrondissement. */
function chefLieuRanks(source: DecoupageSource): Map<string, number> {
  const ranks = new Map<string, number>();
  const raise = (insee: string, rank: number) => ranks.set(insee, Math.max(rank, ranks.get(insee) ?? 0));
  for (const a of source.arrondissements) raise(a.chefLieu, 1);
  for (const d of source.departements) raise(d.chefLieu, 2);
  for (const r of source.regions) raise(r.chefLieu, 3);
  return ranks;
}

/**
 * The geography gives no seat for an EPCI, and its seat decides which département an EPCI
 * spanning two of them is compared in. The member that is the highest-ranking chef-lieu stands in
 * for it, else the most populated member.
 */
function seatOf(members: readonly string[], chefLieuRank: ReadonlyMap<string, number>, populationOf: ReadonlyMap<string, number>): string {
  let seat = members[0]!;
  const key = (insee: string): [number, number] => [chefLieuRank.get(insee) ?? 0, populationOf.get(insee) ?? 0];
  for (const candidate of members.slice(1)) {
    const [rank, population] = key(candidate);
    const [seatRank, seatPopulation] = key(seat);
    if (rank > seatRank || (rank === seatRank && (population > seatPopulation || (population === seatPopulation && candidate < seat)))) {
      seat = candidate;
    }
  }
  return seat;
}
