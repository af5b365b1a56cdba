import * as z from 'zod/mini';
import { POPULATION_BAND_IDS } from './population-band.js';

/**
 * Schema of a population band id. Kept apart from the bands themselves so that code showing a
 * band's label does not bring zod into a browser bundle.
 */
export const PopulationBandId = z.enum(POPULATION_BAND_IDS);
export type PopulationBandId = z.infer<typeof PopulationBandId>;
