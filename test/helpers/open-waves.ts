import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { WAVE_KEYS, type EditionDefinition } from '../../src/core/schema/edition.js';
import { BUILT_IN_EDITIONS } from '../../src/server/editions/catalogue.js';

/**
 * The calendar test servers run on: the release's, with the current edition's waves kept open
 * for decades, so that a test sending answers passes whatever day it runs on — its subject is
 * what happens to the answers, not the calendar. Tests of the waves themselves give their own
 * calendar or clock.
 */
const FAR_AWAY = '2099-12-31';

const current = BUILT_IN_EDITIONS.at(-1)!;

/** What `BAROMETRE_EDITIONS_FILE` says to keep the current edition's waves open. */
const OPEN_WAVES = {
  [current.id]: { waves: Object.fromEntries(WAVE_KEYS.map((key) => [key, { opens: current.waves[key].opens, closes: FAR_AWAY }])) },
};

/** The editions of a test server started in this process. */
export const OPEN_EDITIONS: readonly EditionDefinition[] = BUILT_IN_EDITIONS.map((edition) =>
  edition === current ? { ...edition, waves: { ...edition.waves, ...OPEN_WAVES[current.id]!.waves } } : edition,
);

/** Writes the editions file of a test server started as a process, in `dir`; returns its path. */
export function writeOpenWavesFile(dir: string): string {
  const path = join(dir, 'editions.json');
  writeFileSync(path, JSON.stringify(OPEN_WAVES));
  return path;
}
