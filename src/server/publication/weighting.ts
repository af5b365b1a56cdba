import { stratumKey } from '../../core/stats/weights.js';
import { COMMUNAL_KINDS, type SeriesDef } from './layout.js';
import type { ThemeTables } from './tables.js';
import type { ServerReferential } from '../referential/port.js';
import { COLLECTIVITE_KINDS } from '../../core/schema/collectivite.js';
import { POPULATION_BAND_IDS } from '../../core/territory/population-band.js';

/**
 * Reweighted figures: respondents over-represent some kinds and sizes of collectivité, so each
 * series is post-stratified by kind × population band to the referential's number of
 * collectivités (N_h / n_h per respondent). Strata with fewer than k respondents are merged with a
 * neighbour (the next band of the same kind, else the next kind) until none is: no weighted share
 * then rests on a handful of collectivités, and the weights depend only on public facts — how
 * many collectivités there are, and how many of each stratum answered.
 */

/** How a series is reweighted: each atom's weight, and its atoms grouped by collapsed stratum. */
export interface SeriesWeights {
  weightOf: ReadonlyMap<number, number>;
  strata: readonly (readonly number[])[];
}

interface Stratum {
  keys: string[];
  kind: string;
  population: number;
  respondents: number;
}

/** The kinds × bands counted in a series, as `kind|band` keys with their number of collectivités. */
function populationOf(referential: ServerReferential, series: SeriesDef): Map<string, number> {
  const territory = series.level === 'groupe' ? 'france' : series.key;
  const counts = referential.strataCounts(territory as Parameters<ServerReferential['strataCounts']>[0]);
  const population = new Map<string, number>();
  for (const [key, n] of Object.entries(counts)) {
    const [kind, band] = key.split('|');
    if (series.level === 'groupe' ? kind !== series.kind || (series.band !== undefined && band !== series.band) : series.level !== 'france' && !COMMUNAL_KINDS.includes(kind as never)) continue;
    population.set(key, n);
  }
  return population;
}

/** Merges the smallest stratum below k with its neighbour until all reach k (or one is left). */
function collapse(strata: Stratum[], minCell: number): Stratum[] {
  const list = [...strata];
  for (;;) {
    let smallest = -1;
    list.forEach((stratum, position) => {
      if (stratum.respondents < minCell && (smallest < 0 || stratum.respondents < list[smallest]!.respondents)) smallest = position;
    });
    if (smallest < 0 || list.length === 1) return list;
    const candidates = [smallest - 1, smallest + 1].filter((position) => position >= 0 && position < list.length);
    const sameKind = candidates.filter((position) => list[position]!.kind === list[smallest]!.kind);
    const pool = sameKind.length > 0 ? sameKind : candidates;
    const partner = pool.reduce((best, position) => (list[position]!.respondents < list[best]!.respondents ? position : best));
    const [first, second] = [Math.min(smallest, partner), Math.max(smallest, partner)];
    const merged: Stratum = {
      keys: [...list[first]!.keys, ...list[second]!.keys],
      kind: list[first]!.kind === list[second]!.kind ? list[first]!.kind : `${list[first]!.kind}+${list[second]!.kind}`,
      population: list[first]!.population + list[second]!.population,
      respondents: list[first]!.respondents + list[second]!.respondents,
    };
    list.splice(first, 2, merged);
  }
}

/** Weights of the atoms of every series (by series position), for those with at least k respondents. */
export function seriesWeights(tables: ThemeTables, referential: ServerReferential, minCell: number): (SeriesWeights | undefined)[] {
  return tables.series.map((series) => {
    if (series.n < minCell) return undefined;
    const population = populationOf(referential, series);
    const respondents = new Map<string, number>();
    for (const a of series.atoms) {
      const atom = tables.atoms[a]!;
      if (atom.band === null) continue;
      const key = stratumKey(atom.kind, atom.band);
      respondents.set(key, (respondents.get(key) ?? 0) + atom.n);
    }
    const ordered: Stratum[] = [];
    for (const kind of COLLECTIVITE_KINDS) {
      for (const band of POPULATION_BAND_IDS) {
        const key = stratumKey(kind, band);
        const stratum = { keys: [key], kind, population: population.get(key) ?? 0, respondents: respondents.get(key) ?? 0 };
        if (stratum.population > 0 || stratum.respondents > 0) ordered.push(stratum);
      }
    }
    const weightOf = new Map<number, number>();
    const strata: number[][] = [];
    const atomsOf = new Map<string, number[]>();
    for (const a of series.atoms) {
      const atom = tables.atoms[a]!;
      const key = atom.band === null ? '' : stratumKey(atom.kind, atom.band);
      atomsOf.set(key, [...(atomsOf.get(key) ?? []), a]);
    }
    for (const stratum of collapse(ordered, minCell)) {
      // A stratum nobody answered in stands for nobody.
      if (stratum.respondents === 0) continue;
      const weight = stratum.population > 0 ? stratum.population / stratum.respondents : 1;
      const members = stratum.keys.flatMap((key) => atomsOf.get(key) ?? []);
      for (const a of members) weightOf.set(a, weight);
      strata.push(members);
    }
    // Respondents without a band (unknown population) keep weight 1, in a stratum of their own.
    const unplaced = atomsOf.get('') ?? [];
    for (const a of unplaced) weightOf.set(a, 1);
    if (unplaced.length > 0) strata.push(unplaced);
    return { weightOf, strata };
  });
}
