import { COLLECTIVITE_KINDS, type CollectiviteKind } from '../../core/schema/collectivite.js';
import { POPULATION_BAND_IDS, type PopulationBandId } from '../../core/territory/population-band.js';
import type { ServerReferential } from '../referential/port.js';

/**
 * Which series a publication holds, and how they fit together.
 *
 * A territory's series counts the collectivités of the communal level located there — communes,
 * and intercommunalités at their seat — so that France ⊃ région ⊃ département nest exactly. The
 * bodies above them (départements, régions, collectivités à statut particulier) are each alone in
 * their territory: they are counted in France and published together by kind, nationwide, never
 * as the one difference between a territory and its parts. Groups of similar collectivités are
 * France narrowed to a kind, and for communes and intercommunalités to a population band.
 *
 * Every respondent falls in exactly one *atom* (a département, or the nation for bodies; a kind;
 * a band); every series is a union of atoms. The publication's tables are linked through atoms,
 * which is what its secrecy protection and its audit reason about.
 */

/** The kinds counted in the territory where they sit. */
export const COMMUNAL_KINDS: readonly CollectiviteKind[] = ['commune', 'epci'];

/** The unit of atoms of the bodies counted nationally. */
export const NATIONAL = 'national';

/**
 * Where a series sits: a territory, or a group of collectivités; `atome` is one atom, never
 * published, whose counts the audit protects like a hidden series' (see `tables.ts`).
 */
export type SeriesLevel = 'france' | 'region' | 'departement' | 'groupe' | 'atome';

/** One series of the publication, e.g. `departement:35` or `groupe:commune:0-499`. */
export interface SeriesDef {
  key: string;
  level: SeriesLevel;
  /** The kind and band a group holds (absent for territories). */
  kind?: CollectiviteKind;
  band?: PopulationBandId;
}

/** `parent` holds exactly the respondents of `children`, none twice. */
export interface Nesting {
  parent: string;
  children: readonly string[];
}

/** An atom: the respondents of one kind and band in one unit. */
export interface AtomId {
  unit: string;
  kind: CollectiviteKind;
  band: PopulationBandId | null;
}

export function atomKey({ unit, kind, band }: AtomId): string {
  return `${unit}|${kind}|${band ?? ''}`;
}

/** The series and nestings of a publication, and the series each atom belongs to. */
export interface Layout {
  series: readonly SeriesDef[];
  nestings: readonly Nesting[];
  /** The keys of every series holding an atom. */
  seriesOf(atom: AtomId): string[];
  /** The unit of a collectivité placed in `departementCode` (or nowhere) with kind `kind`. */
  unitOf(kind: CollectiviteKind, departementCode: string | null): string;
}

export const groupKey = (kind: CollectiviteKind, band?: PopulationBandId | null): string =>
  band ? `groupe:${kind}:${band}` : `groupe:${kind}`;

/** The bands a group of each communal kind is split into: those that kind can fall in. */
function bandsOf(referential: ServerReferential, kind: CollectiviteKind): PopulationBandId[] {
  const present = new Set<string>();
  for (const stratum of Object.keys(referential.strataCounts('france'))) {
    const [stratumKind, band] = stratum.split('|');
    if (stratumKind === kind && band) present.add(band);
  }
  return POPULATION_BAND_IDS.filter((band) => present.has(band));
}

/** The publication's layout for the territories of a referential. */
export function buildLayout(referential: ServerReferential): Layout {
  const regionOf = new Map<string, string>();
  const departementsOf = new Map<string, string[]>();
  for (const departement of referential.territoriesOfLevel('departement')) {
    const region = departement.parentIds.find((id) => id.startsWith('region:'));
    if (region === undefined) continue;
    regionOf.set(departement.code, region);
    departementsOf.set(region, [...(departementsOf.get(region) ?? []), departement.id]);
  }
  const series: SeriesDef[] = [{ key: 'france', level: 'france' }];
  for (const region of referential.territoriesOfLevel('region')) series.push({ key: region.id, level: 'region' });
  for (const departement of referential.territoriesOfLevel('departement')) series.push({ key: departement.id, level: 'departement' });
  const bands = new Map(COMMUNAL_KINDS.map((kind) => [kind, bandsOf(referential, kind)]));
  for (const kind of COLLECTIVITE_KINDS) {
    series.push({ key: groupKey(kind), level: 'groupe', kind });
    for (const band of bands.get(kind) ?? []) series.push({ key: groupKey(kind, band), level: 'groupe', kind, band });
  }

  const bodies = COLLECTIVITE_KINDS.filter((kind) => !COMMUNAL_KINDS.includes(kind));
  const nestings: Nesting[] = [
    { parent: 'france', children: [...departementsOf.keys(), ...bodies.map((kind) => groupKey(kind))] },
    ...[...departementsOf].map(([region, departements]) => ({ parent: region, children: departements })),
    { parent: 'france', children: COLLECTIVITE_KINDS.map((kind) => groupKey(kind)) },
    ...COMMUNAL_KINDS.map((kind) => ({
      parent: groupKey(kind),
      children: (bands.get(kind) ?? []).map((band) => groupKey(kind, band)),
    })),
  ];

  return {
    series,
    nestings,
    unitOf: (kind, departementCode) =>
      COMMUNAL_KINDS.includes(kind) && departementCode !== null && regionOf.has(departementCode) ? departementCode : NATIONAL,
    seriesOf({ unit, kind, band }) {
      const keys = ['france', groupKey(kind)];
      if (unit === NATIONAL) return keys;
      keys.push(regionOf.get(unit)!, `departement:${unit}`);
      if (band !== null) keys.push(groupKey(kind, band));
      return keys;
    },
  };
}
