import type { QuestionnaireDefinition, ThemeId } from '../../../core/schema/questionnaire.js';
import type { Territory } from '../../../core/territory/territory.js';
import { BUILT_IN_EDITIONS } from '../../editions/catalogue.js';
import { ParticipationReader } from '../../participation/reader.js';
import type { ServerReferential } from '../../referential/port.js';
import type { ContributionStore } from '../../store/types.js';
import type { PublicationFigures } from '../figures.js';
import { loadPublication } from './source.js';
import { exportedThemes, fileTerritories, territoireFile, type StaticFile } from './static-files.js';

/**
 * The participation files of a static publication, which `<barometre-participation publication>`
 * and `<barometre-carte mesure="participation" publication>` read instead of
 * `GET /participation` (the layout of `src/elements/shared/results/static-publication.ts`):
 *
 * - `participation/{territoire-file}.json`: France, each région and each département, in the
 *   edition the exported publication counts, from that publication — the folder's own edition,
 *   read when an element names none;
 * - `participation/carte/{niveau}.json`: every département, and every région, at once;
 * - `participation/{edition}/…`: the same for each edition of the survey that has a publication,
 *   the exported one for its own edition and the latest one for every other, so that an element
 *   naming an edition reads it from the same folder.
 *
 * Every file is what the API answers for the same request from the same publication. Communes and
 * intercommunalités have no file, as for the results.
 */

const MAP_LEVELS = ['departement', 'region'] as const;

/** What the files are built from besides the exported publication. */
export interface ParticipationSources {
  store: ContributionStore;
  referential: ServerReferential;
  definitions: Readonly<Record<ThemeId, QuestionnaireDefinition>>;
}

/** One edition's files, by their path under the edition's folder, from one publication of that edition. */
async function editionFiles(reader: ParticipationReader, publication: PublicationFigures & { edition: string }, sources: ParticipationSources): Promise<StaticFile[]> {
  const themes = exportedThemes(publication, sources.definitions).map(([theme]) => theme);
  const read = (territories: readonly Territory[], niveau?: (typeof MAP_LEVELS)[number]) =>
    reader.read(publication, { edition: { id: publication.edition }, territories, themes, ...(niveau ? { niveau } : {}) });
  const files: StaticFile[] = [];
  for (const territory of fileTerritories(sources.referential)) {
    files.push({ path: `${territoireFile(territory.id)}.json`, content: JSON.stringify(await read([territory])) });
  }
  for (const niveau of MAP_LEVELS) {
    const level = await read(sources.referential.territoriesOfLevel(niveau), niveau);
    files.push({ path: `carte/${niveau}.json`, content: JSON.stringify(level) });
  }
  return files;
}

/** Every participation file of the export: the exported publication's edition, then each other edition's latest publication. */
export async function participationFiles(exported: PublicationFigures, sources: ParticipationSources): Promise<StaticFile[]> {
  // Every stored publication names its edition; one that does not has no edition to count in.
  if (exported.edition === undefined) return [];
  const reader = new ParticipationReader(sources.store, sources.referential);
  const own = { ...exported, edition: exported.edition };
  const under = (folder: string, files: readonly StaticFile[]) => files.map((file) => ({ ...file, path: `${folder}/${file.path}` }));
  const ownFiles = await editionFiles(reader, own, sources);
  const files = [...under('participation', ownFiles), ...under(`participation/${own.edition}`, ownFiles)];
  for (const { id: edition } of BUILT_IN_EDITIONS) {
    if (edition === own.edition) continue;
    const latest = await sources.store.latestPublication(edition);
    if (latest === undefined) continue;
    const publication = await loadPublication(sources.store, latest.id);
    files.push(...under(`participation/${edition}`, await editionFiles(reader, { ...publication, edition }, sources)));
  }
  return files;
}
