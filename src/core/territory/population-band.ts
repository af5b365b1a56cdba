/**
 * Population bands, as used to compare a collectivité with "similar population sizes". The ids are
 * stable: stored results and URLs refer to them. Each band runs from its lower bound to the next
 * band's lower bound minus one; the last one is open.
 */
export const POPULATION_BAND_IDS = [
  '0-499',
  '500-999',
  '1000-3499',
  '3500-4999',
  '5000-9999',
  '10000-19999',
  '20000-49999',
  '50000-99999',
  '100000+',
] as const;
export type PopulationBandId = (typeof POPULATION_BAND_IDS)[number];

/** Bounds of a band, in inhabitants; `max` is `null` for the open-ended last band. */
export interface PopulationBandBounds {
  readonly min: number;
  readonly max: number | null;
}

/** The bounds of every band, in order. */
export const POPULATION_BAND_BOUNDS: Readonly<Record<PopulationBandId, PopulationBandBounds>> = {
  '0-499': { min: 0, max: 499 },
  '500-999': { min: 500, max: 999 },
  '1000-3499': { min: 1000, max: 3499 },
  '3500-4999': { min: 3500, max: 4999 },
  '5000-9999': { min: 5000, max: 9999 },
  '10000-19999': { min: 10000, max: 19999 },
  '20000-49999': { min: 20000, max: 49999 },
  '50000-99999': { min: 50000, max: 99999 },
  '100000+': { min: 100000, max: null },
};

/**
 * The band a population falls in. Throws a `RangeError` for a negative or non-finite number,
 * which can only come from a bug upstream: a population is never guessed.
 */
export function bandOf(population: number): PopulationBandId {
  if (!Number.isFinite(population) || population < 0) {
    throw new RangeError(`Not a population: ${population}`);
  }
  // Walk down from the largest band: the first lower bound reached is the band.
  for (let i = POPULATION_BAND_IDS.length - 1; i > 0; i--) {
    const id = POPULATION_BAND_IDS[i]!;
    if (population >= POPULATION_BAND_BOUNDS[id].min) return id;
  }
  return POPULATION_BAND_IDS[0];
}
