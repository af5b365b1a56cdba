import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileReferential } from '../compile.js';
import { asReferentialData } from '../format.js';
import { Referential } from '../referential.js';
import { DEFAULT_OUT_DIR, FULL_ARTEFACT } from './generate.js';
import { loadDecoupageSource } from './source.js';

/**
 * The referential for a Node process (the server): read from the generated full artefact, or, when
 * it has not been generated yet, compiled from the installed geography package (a second slower).
 */
export function loadReferential(dir: string = DEFAULT_OUT_DIR): Referential {
  const file = join(dir, FULL_ARTEFACT);
  const data = existsSync(file) ? asReferentialData(JSON.parse(readFileSync(file, 'utf8'))) : compileReferential(loadDecoupageSource());
  return new Referential(data);
}
