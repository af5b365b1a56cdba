import { kishEffectiveN } from './effective-size.js';

/**
 * Post-stratification weights. Respondents over-represent some regions and kinds of
 * collectivité, so raw shares are biased; reweighting each stratum (kind × population band) to
 * its known number of collectivités in the territory corrects what the strata can explain.
 */

/**
 * The stratum key of a kind of collectivité and a population band, e.g. `commune|0-499`. Keys
 * are plain strings so that a deployment may stratify otherwise.
 */
export function stratumKey(kind: string, band: string): string {
  return `${kind}|${band}`;
}

/**
 * How one stratum was weighted:
 * - `weighted`: respondents and a known population; each weighs N_h / n_h;
 * - `unknown-population`: respondents but no population (missing or 0); each keeps weight 1,
 *   which makes them count for little beside reweighted strata: the stratum is reported so
 *   that the gap in the population table can be fixed;
 * - `uncovered`: a population but no respondent; those collectivités are not represented at all.
 */
export type StratumStatus = 'weighted' | 'unknown-population' | 'uncovered';

/** The weighting of one stratum. */
export interface StratumWeighting {
  stratum: string;
  status: StratumStatus;
  /** n_h, respondents in the stratum. */
  respondents: number;
  /** N_h, collectivités of the stratum in the territory; `null` when unknown. */
  population: number | null;
  /** The weight of each of its respondents; `null` when it has none. */
  weight: number | null;
}

/** Weights of respondents and what the weighting could not correct. */
export interface PostStratification {
  /** One weight per respondent, in the order given. */
  weights: number[];
  /** Kish's effective sample size of the weights (0 without respondents). */
  effectiveN: number;
  /** Every stratum met among respondents or in the population table, sorted by key. */
  strata: StratumWeighting[];
  /**
   * Share of the territory's collectivités (of known population) whose stratum has at least
   * one respondent: 1 when every stratum is represented; `null` when the population table is empty.
   */
  coverage: number | null;
  /** Keys of strata with respondents but no known population (weight 1). */
  unknownPopulationStrata: string[];
  /** Keys of strata with a population but no respondent. */
  uncoveredStrata: string[];
  /** Respondents without a stratum: they keep weight 1. */
  unstratifiedRespondents: number;
}

function checkPopulation(stratum: string, population: number): void {
  if (!Number.isFinite(population) || population < 0) {
    throw new RangeError(`Population of stratum ${stratum} is not a count: ${population}`);
  }
}

/** How each stratum is weighted, from how many respondents each has and the population table. */
function weighStrata(
  respondentsOf: ReadonlyMap<string, number>,
  population: Readonly<Record<string, number>>,
): { report: StratumWeighting[]; coverage: number | null } {
  const populationOf = new Map<string, number>();
  for (const stratum of Object.keys(population)) {
    const size = population[stratum]!;
    checkPopulation(stratum, size);
    populationOf.set(stratum, size);
  }

  const keys = [...new Set([...respondentsOf.keys(), ...populationOf.keys()])].sort();
  const report: StratumWeighting[] = [];
  let knownPopulation = 0;
  let coveredPopulation = 0;
  for (const stratum of keys) {
    const respondents = respondentsOf.get(stratum) ?? 0;
    const size = populationOf.get(stratum);
    const known = size !== undefined && size > 0;
    if (known) knownPopulation += size;
    if (respondents === 0) {
      // Only reached for strata of the population table; a zero population is no gap.
      if (known) report.push({ stratum, status: 'uncovered', respondents, population: size, weight: null });
      continue;
    }
    if (known) {
      coveredPopulation += size;
      report.push({ stratum, status: 'weighted', respondents, population: size, weight: size / respondents });
    } else {
      report.push({ stratum, status: 'unknown-population', respondents, population: size ?? null, weight: 1 });
    }
  }
  return { report, coverage: knownPopulation > 0 ? coveredPopulation / knownPopulation : null };
}

/**
 * The weight of each stratum's respondents, N_h / n_h, from how many respondents each stratum
 * has: what {@link postStratificationWeights} gives every respondent, for callers that keep
 * counts rather than respondents. A stratum without known population weighs 1.
 */
export function stratumWeights(
  respondentsOf: ReadonlyMap<string, number>,
  population: Readonly<Record<string, number>>,
): Map<string, number> {
  const weights = new Map<string, number>();
  for (const { stratum, weight } of weighStrata(respondentsOf, population).report) {
    if (weight !== null) weights.set(stratum, weight);
  }
  return weights;
}

/**
 * Post-stratification weights: a respondent of stratum h weighs N_h / n_h, so that the
 * respondents of each stratum together stand for its N_h collectivités.
 *
 * @param strata the stratum of each respondent (`undefined` when unknown), in order
 * @param population N_h, the number of collectivités of each stratum in the series' territory
 * @throws RangeError when a population is negative or not finite (a bug upstream)
 */
export function postStratificationWeights(
  strata: readonly (string | undefined)[],
  population: Readonly<Record<string, number>>,
): PostStratification {
  const respondentsOf = new Map<string, number>();
  let unstratifiedRespondents = 0;
  for (const stratum of strata) {
    if (stratum === undefined) unstratifiedRespondents += 1;
    else respondentsOf.set(stratum, (respondentsOf.get(stratum) ?? 0) + 1);
  }
  const { report, coverage } = weighStrata(respondentsOf, population);
  const weightOf = new Map(report.map((s) => [s.stratum, s.weight ?? 1]));
  const weights = strata.map((stratum) => (stratum === undefined ? 1 : (weightOf.get(stratum) ?? 1)));
  return {
    weights,
    effectiveN: kishEffectiveN(weights),
    strata: report,
    coverage,
    unknownPopulationStrata: report.filter((s) => s.status === 'unknown-population').map((s) => s.stratum),
    uncoveredStrata: report.filter((s) => s.status === 'uncovered').map((s) => s.stratum),
    unstratifiedRespondents,
  };
}

/**
 * Respondents with their post-stratification weight set, and the weighting report.
 * The input is not changed.
 */
export function applyPostStratification<R extends { stratum?: string }>(
  respondents: readonly R[],
  population: Readonly<Record<string, number>>,
): { respondents: (R & { weight: number })[]; weighting: PostStratification } {
  const weighting = postStratificationWeights(
    respondents.map((respondent) => respondent.stratum),
    population,
  );
  return {
    respondents: respondents.map((respondent, index) => ({ ...respondent, weight: weighting.weights[index]! })),
    weighting,
  };
}
