import { definitions as builtInDefinitions } from '../../../questionnaires/all.js';
import type { QuestionnaireDefinition, ThemeId } from '../../../core/schema/questionnaire.js';
import { defaultReferential } from '../../referential/adapter.js';
import type { ServerReferential } from '../../referential/port.js';
import type { ContributionStore } from '../../store/types.js';
import type { PublicationFigures } from '../figures.js';
import { PublicationReader } from '../read.js';
import { openDataCsv, openDataFileName, openDataSchema } from './open-data.js';
import { openDataReadme } from './open-data-readme.js';
import { loadPublication } from './source.js';
import { staticFiles, type StaticFile } from './static-files.js';
import { writeFileInPlace, writeFiles } from './write.js';

/**
 * A publication exported as static files: the JSON files elements read with a `publication`
 * attribute, the open-data CSV with its description, and last `publication.json`, which says
 * which publication the folder holds once every other file is in place.
 */

/** `publication.json`: what the folder holds. */
export interface PublicationManifest {
  id: string;
  publishedAt: string;
  contributions: number;
  minCell: number;
  /** Files written besides this one. */
  files: number;
}

export const MANIFEST_PATH = 'publication.json';

/** What the files are built from besides the publication; the server's defaults when left out. */
export interface ExportSources {
  referential?: ServerReferential;
  definitions?: Readonly<Record<ThemeId, QuestionnaireDefinition>>;
}

/** The open-data files: the CSV, its column description and its French read-me. */
export function* openDataFiles(publication: PublicationFigures, sources: Required<ExportSources>): Generator<StaticFile> {
  yield { path: `donnees/${openDataFileName(publication.id)}`, content: [...openDataCsv(publication, sources)].join('') };
  yield { path: 'donnees/colonnes.json', content: `${JSON.stringify(openDataSchema(), null, 2)}\n` };
  yield { path: 'donnees/LISEZMOI.md', content: openDataReadme(publication) };
}

/** Every file of the export but `publication.json`. */
export function* publicationFiles(publication: PublicationFigures, sources: ExportSources = {}): Generator<StaticFile> {
  const referential = sources.referential ?? defaultReferential();
  const definitions = sources.definitions ?? builtInDefinitions;
  yield* staticFiles(publication, { reader: new PublicationReader(referential), referential, definitions });
  yield* openDataFiles(publication, { referential, definitions });
}

export interface ExportOptions extends ExportSources {
  store: ContributionStore;
  /** The folder to write into, created when missing. */
  out: string;
  /** A publication's id; the latest when left out. */
  publicationId?: string;
}

/** Writes a stored publication's static files under `out`; throws a `NoPublicationError` when there is none. */
export async function exportPublication(options: ExportOptions): Promise<PublicationManifest> {
  const publication = await loadPublication(options.store, options.publicationId);
  const files = await writeFiles(options.out, publicationFiles(publication, options));
  const manifest: PublicationManifest = {
    id: publication.id,
    publishedAt: publication.publishedAt,
    contributions: publication.contributions,
    minCell: publication.minCell,
    files,
  };
  await writeFileInPlace(options.out, { path: MANIFEST_PATH, content: `${JSON.stringify(manifest, null, 2)}\n` });
  return manifest;
}
