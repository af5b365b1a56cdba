import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { DecoupageSource } from '../decoupage.js';

const PACKAGE = '@etalab/decoupage-administratif';

// The package's own entry point reads its data relative to the working directory, so the JSON
// files are resolved and read directly.
const require = createRequire(import.meta.url);

function readPackageJson<T>(file: string): T {
  return JSON.parse(readFileSync(require.resolve(`${PACKAGE}/${file}`), 'utf8')) as T;
}

/** Reads the official geography from the installed `@etalab/decoupage-administratif` package. */
export function loadDecoupageSource(): DecoupageSource {
  const { version } = readPackageJson<{ version: string }>('package.json');
  return {
    version: `${PACKAGE} ${version}`,
    communes: readPackageJson('data/communes.json'),
    epci: readPackageJson('data/epci.json'),
    departements: readPackageJson('data/departements.json'),
    regions: readPackageJson('data/regions.json'),
    arrondissements: readPackageJson('data/arrondissements.json'),
  };
}
