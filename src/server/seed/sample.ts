import type { Collectivite } from '../../core/schema/collectivite.js';
import type { Prng } from './prng.js';

/**
 * Picks the collectivités of the synthetic data set among real ones, skewed as the real
 * respondents were: mostly communes, mostly small, over-represented in Nouvelle-Aquitaine,
 * Auvergne-Rhône-Alpes, then Occitanie; some EPCI, a few départements and régions.
 */

/** How many collectivités answer at least one theme. */
export interface PoolSize {
  communes: number;
  epci: number;
  /** Départements and collectivités à statut particulier. */
  departements: number;
  regions: number;
}

/** About 3,000 respondents, 88 % of them communes. */
export const DEFAULT_POOL: PoolSize = { communes: 2640, epci: 290, departements: 55, regions: 12 };

/** Share of respondents from the over-represented régions (Nouvelle-Aquitaine, Auvergne-Rhône-Alpes, Occitanie). */
const FAVOURED_REGIONS: Readonly<Record<string, number>> = { '75': 0.185, '84': 0.185, '76': 0.13 };

/** Responding communes by size: 60 % under 1,000 inhabitants, 25 % from 1,000 to 4,999, the rest larger. */
const COMMUNE_SIZE_SHARES = { small: 0.6, middle: 0.25, large: 0.15 } as const;
type SizeGroup = keyof typeof COMMUNE_SIZE_SHARES;

function sizeGroupOf(population: number): SizeGroup {
  return population < 1000 ? 'small' : population < 5000 ? 'middle' : 'large';
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

/**
 * How many of `total` to take in each région: the favoured régions get their share, the others
 * share the rest in proportion to how many candidates they have.
 */
function regionQuotas(candidates: ReadonlyMap<string, readonly unknown[]>, total: number): Map<string, number> {
  const favouredShare = Object.entries(FAVOURED_REGIONS)
    .filter(([region]) => candidates.has(region))
    .reduce((sum, [, share]) => sum + share, 0);
  let othersCount = 0;
  for (const [region, items] of candidates) if (!(region in FAVOURED_REGIONS)) othersCount += items.length;
  const quotas = new Map<string, number>();
  for (const [region, items] of candidates) {
    const share = FAVOURED_REGIONS[region] ?? ((1 - favouredShare) * items.length) / Math.max(othersCount, 1);
    quotas.set(region, Math.min(items.length, Math.round(total * share)));
  }
  return quotas;
}

function sampleCommunes(communes: readonly Collectivite[], total: number, rng: Prng): Collectivite[] {
  const byRegion = groupBy(communes, (c) => c.regionCode);
  const picked: Collectivite[] = [];
  for (const [region, quota] of regionQuotas(byRegion, total)) {
    const bySize = groupBy(byRegion.get(region)!, (c) => sizeGroupOf(c.population ?? 0));
    for (const group of ['small', 'middle', 'large'] as const) {
      const wanted = Math.round(quota * COMMUNE_SIZE_SHARES[group]);
      picked.push(...rng.sample(bySize.get(group) ?? [], wanted));
    }
  }
  return picked;
}

function sampleByRegion(items: readonly Collectivite[], total: number, rng: Prng): Collectivite[] {
  const byRegion = groupBy(items, (c) => c.regionCode);
  const picked: Collectivite[] = [];
  for (const [region, quota] of regionQuotas(byRegion, total)) picked.push(...rng.sample(byRegion.get(region)!, quota));
  return picked;
}

/** The respondents of the synthetic data set, in a stable order. */
export function samplePool(collectivites: Iterable<Collectivite>, rng: Prng, size: PoolSize = DEFAULT_POOL): Collectivite[] {
  const byKind = groupBy([...collectivites], (c) => c.kind);
  return [
    ...sampleCommunes(byKind.get('commune') ?? [], size.communes, rng.fork('communes')),
    ...sampleByRegion(byKind.get('epci') ?? [], size.epci, rng.fork('epci')),
    ...rng.fork('departements').sample([...(byKind.get('departement') ?? []), ...(byKind.get('csp') ?? [])], size.departements),
    ...rng.fork('regions').sample(byKind.get('region') ?? [], size.regions),
  ];
}
