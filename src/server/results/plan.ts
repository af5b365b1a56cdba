import type { CollectiviteKind } from '../../core/schema/collectivite.js';
import type { Nesting } from '../../core/stats/index.js';
import type { PopulationBandId } from '../../core/territory/population-band.js';
import type { TerritoryId } from '../../core/territory/territory-id.js';

/**
 * Which series a results response must compute, and how they nest.
 *
 * A series is a territory's respondents, optionally narrowed to one kind of collectivité and one
 * population band. The "similar collectivités" group is France narrowed to the territory's kind
 * and band. To stop differencing between what any two responses publish, every shown series is
 * protected against all the series that contain it — its territory's whole parent chain, and the
 * same territories with fewer filters — whether or not this response shows them. Since these
 * ancestors depend only on the series itself, a series is published identically in every
 * response, and so is every difference with its ancestors.
 */

/** A set of respondents: a territory, perhaps narrowed to one kind and one band. */
export interface SeriesSpec {
  territoryId: TerritoryId;
  kind?: CollectiviteKind;
  band?: PopulationBandId;
  /** Filters that contradict each other (a group of communes filtered on EPCI): nobody. */
  empty?: boolean;
}

/** A stable identity of a series, for memoising and caching. */
export function specKey(spec: SeriesSpec): string {
  return `${spec.territoryId}|${spec.kind ?? '*'}|${spec.band ?? '*'}${spec.empty ? '|empty' : ''}`;
}

/** Narrows a series by extra filters; contradicting filters give an empty series. */
export function narrow(spec: SeriesSpec, filter: { kind?: CollectiviteKind; band?: PopulationBandId }): SeriesSpec {
  const conflict =
    (filter.kind !== undefined && spec.kind !== undefined && filter.kind !== spec.kind) ||
    (filter.band !== undefined && spec.band !== undefined && filter.band !== spec.band);
  const kind = spec.kind ?? filter.kind;
  const band = spec.band ?? filter.band;
  return {
    territoryId: spec.territoryId,
    ...(kind !== undefined ? { kind } : {}),
    ...(band !== undefined ? { band } : {}),
    ...(conflict || spec.empty ? { empty: true } : {}),
  };
}

/** Every series to compute and the child ⊂ parent pairs between them. */
export interface SeriesPlan {
  specs: SeriesSpec[];
  nesting: Nesting[];
  /** Position in `specs` of each shown series, in the order asked. */
  shown: number[];
}

/**
 * Plans the computation of the shown series and all their ancestors.
 *
 * @param parentChain the territories containing a territory (nearest first, ending with France)
 */
export function planSeries(shown: readonly SeriesSpec[], parentChain: (id: TerritoryId) => readonly TerritoryId[]): SeriesPlan {
  const specs: SeriesSpec[] = [];
  const indexOf = new Map<string, number>();
  const nesting: Nesting[] = [];
  const pending: number[] = [];

  const add = (spec: SeriesSpec): number => {
    const key = specKey(spec);
    const known = indexOf.get(key);
    if (known !== undefined) return known;
    const index = specs.length;
    specs.push(spec);
    indexOf.set(key, index);
    pending.push(index);
    return index;
  };

  const shownIndexes = shown.map(add);
  while (pending.length > 0) {
    const child = pending.pop()!;
    const spec = specs[child]!;
    const parents: SeriesSpec[] = [];
    // An empty series has nothing to protect; linking it would only cost time.
    if (!spec.empty) {
      for (const territoryId of parentChain(spec.territoryId)) parents.push({ ...spec, territoryId });
      if (spec.kind !== undefined) parents.push(withoutKind(spec));
      if (spec.band !== undefined) parents.push(withoutBand(spec));
    }
    for (const parent of parents) nesting.push({ child, parent: add(parent) });
  }
  return { specs, nesting, shown: shownIndexes };
}

function withoutKind({ kind: _kind, ...rest }: SeriesSpec): SeriesSpec {
  return rest;
}

function withoutBand({ band: _band, ...rest }: SeriesSpec): SeriesSpec {
  return rest;
}
