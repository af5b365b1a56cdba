// The referential the tests run against: built in memory from the installed official geography,
// through the same functions as the generator, so no generated file is needed.
import { loadDecoupageSource } from '../../../src/referential/build/source.js';
import { compileReferential } from '../../../src/referential/compile.js';
import { Referential } from '../../../src/referential/referential.js';

/** The raw package data, for checking the referential against its source. */
export const source = loadDecoupageSource();

/** The compact data, as written to `referential.json`. */
export const data = compileReferential(source);

/** The referential over the real data. */
export const referential = new Referential(data);

/** The raw entry of a current commune, by INSEE code. */
export function rawCommune(insee: string) {
  const found = source.communes.find((c) => c.code === insee && c.type === 'commune-actuelle');
  if (!found) throw new Error(`No commune ${insee} in the source`);
  return found;
}
