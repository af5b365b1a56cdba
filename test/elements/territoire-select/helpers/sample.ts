// A small piece of the real referential — three départements with their communes and EPCI, and
// every région and département — built in the browser with the project's own builders, so the
// fake API and the fake artefact server answer exactly what the real ones would for these places.
// It reads the full referential that `npm run referential` generates (`npm test` does it first).
import { buildBrowserArtefacts } from '../../../../src/referential/browser/artefacts.js';
import { ARTEFACT_PATHS } from '../../../../src/referential/browser/format.js';
import { asReferentialData, type ReferentialData } from '../../../../src/referential/format.js';
import { departementOfInsee } from '../../../../src/referential/insee.js';
import { Referential } from '../../../../src/referential/referential.js';

/** Ille-et-Vilaine (Rennes), Loire (Saint-Étienne), Seine-Maritime (Saint-Étienne-du-Rouvray). */
export const SAMPLE_DEPARTEMENTS: readonly string[] = ['35', '42', '76'];

/** Where the wtr server serves the generated referential. */
const GENERATED = '/generated/referential/';

export interface Sample {
  referential: Referential;
  /** Browser artefacts by path relative to their folder (`index.json`, `search/ren.json`…). */
  artefacts: Map<string, unknown>;
}

/** The départements' rows only; EPCI whose seat lies elsewhere are dropped and their members left without one. */
function restrict(data: ReferentialData, departements: readonly string[]): ReferentialData {
  const kept = new Set(departements);
  const epciIndex = new Map<number, number>();
  const epcis = data.epcis.filter((row, index) => {
    if (!kept.has(departementOfInsee(row[3]))) return false;
    epciIndex.set(index, epciIndex.size);
    return true;
  });
  const communes = data.communes
    .filter((row) => kept.has(departementOfInsee(row[0])))
    .map(([insee, name, siren, population, epci]): ReferentialData['communes'][number] => [insee, name, siren, population, epciIndex.get(epci) ?? -1]);
  return { ...data, epcis, communes };
}

let loading: Promise<Sample> | undefined;

/** The sample, built once per test file. */
export function loadSample(): Promise<Sample> {
  loading ??= (async () => {
    const response = await fetch(`${GENERATED}referential.json`);
    if (!response.ok) throw new Error(`No generated referential at ${GENERATED} (HTTP ${response.status}): run \`npm run referential\` first.`);
    const referential = new Referential(restrict(asReferentialData(await response.json()), SAMPLE_DEPARTEMENTS));
    // Small shards, so a search reads one of many files as it does on the whole country.
    const built = buildBrowserArtefacts(referential, 100);
    const artefacts = new Map<string, unknown>([[ARTEFACT_PATHS.index, built.index]]);
    for (const [code, file] of built.departements) artefacts.set(ARTEFACT_PATHS.departement(code), file);
    for (const [key, shard] of built.shards) artefacts.set(ARTEFACT_PATHS.shard(key), shard);
    return { referential, artefacts };
  })();
  return loading;
}

/** The generated index of the whole country, as browsers download it. */
export async function loadGeneratedIndex(): Promise<{ departements: [string, string, ...unknown[]][] }> {
  const response = await fetch(`${GENERATED}index.json`);
  if (!response.ok) throw new Error(`No generated referential at ${GENERATED}: run \`npm run referential\` first.`);
  return (await response.json()) as { departements: [string, string, ...unknown[]][] };
}
