import * as z from 'zod/mini';
import type { EpciLegalForm } from '../core/territory/epci-form.js';

/**
 * The full referential as the server loads it: every commune, EPCI, département and région, in
 * rows of positional fields rather than objects, so 35,000 communes do not repeat 35,000 sets of keys.
 * Everything derivable (a commune's département from its INSEE code, populations above the commune,
 * member lists) is left out and recomputed on load.
 */

/** Bumped whenever a row changes shape, so a stale generated file is refused rather than misread. */
export const REFERENTIAL_FORMAT = 1;

/** `[code, name, siren of the collectivité governing it]` */
export type RegionRow = [code: string, name: string, siren: string];

/** `[code, name, région code, siren of the collectivité governing it]` */
export type DepartementRow = [code: string, name: string, regionCode: string, siren: string];

/** `[siren, name, legal form, INSEE code of its seat commune]` */
export type EpciRow = [siren: string, name: string, form: EpciLegalForm, seatInsee: string];

/** `[INSEE code, name, siren, legal population, index of its EPCI in `epcis` or -1]` */
export type CommuneRow = [insee: string, name: string, siren: string, population: number, epci: number];

/** The whole referential. Rows are sorted by code, so two generations of the same data are identical. */
export interface ReferentialData {
  format: typeof REFERENTIAL_FORMAT;
  /** Where the data comes from, e.g. `@etalab/decoupage-administratif 6.0.0`. */
  source: string;
  regions: RegionRow[];
  departements: DepartementRow[];
  epcis: EpciRow[];
  communes: CommuneRow[];
}

// Only the envelope is checked when loading: the rows come from our own generator, and checking
// 35,000 tuples one by one would cost more than the rest of the load.
const Envelope = z.object({
  format: z.literal(REFERENTIAL_FORMAT),
  source: z.string(),
  regions: z.array(z.unknown()),
  departements: z.array(z.unknown()),
  epcis: z.array(z.unknown()),
  communes: z.array(z.unknown()),
});

/** Accepts parsed JSON as referential data, or throws if it is not a referential of this format. */
export function asReferentialData(value: unknown): ReferentialData {
  const result = Envelope.safeParse(value);
  if (!result.success) {
    throw new TypeError(`Not a referential of format ${REFERENTIAL_FORMAT}: ${z.prettifyError(result.error)}`);
  }
  return value as ReferentialData;
}
