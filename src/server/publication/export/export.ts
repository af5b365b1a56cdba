import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { definitions as builtInDefinitions } from '../../../questionnaires/all.js';
import type { QuestionnaireDefinition, ThemeId } from '../../../core/schema/questionnaire.js';
import { defaultReferential } from '../../referential/adapter.js';
import type { ServerReferential } from '../../referential/port.js';
import type { ContributionStore } from '../../store/types.js';
import type { PublicationFigures } from '../figures.js';
import { PublicationReader } from '../read.js';
import { openDataCsv, openDataFileName, openDataSchema } from './open-data.js';
import { openDataReadme } from './open-data-readme.js';
import { participationFiles } from './participation-files.js';
import { loadPublication } from './source.js';
import { staticFiles, type StaticFile } from './static-files.js';
import { writeFileInPlace, writeFiles } from './write.js';

/**
 * A publication exported as static files: the JSON files elements read with a `publication`
 * attribute (results, maps, syntheses, participation), the open-data CSV with its description, and last `publication.json`, which says
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
  /**
   * The script-tag build's loader the synthesis pages load (an absolute URL, or relative to the
   * pages' folder `synthese/`); without one, no pages are written.
   */
  loader?: string;
}

/** The open-data files: the CSV, its column description and its French read-me. */
export function* openDataFiles(publication: PublicationFigures, sources: Required<Omit<ExportSources, 'loader'>>): Generator<StaticFile> {
  yield { path: `donnees/${openDataFileName(publication.id)}`, content: [...openDataCsv(publication, sources)].join('') };
  yield { path: 'donnees/colonnes.json', content: `${JSON.stringify(openDataSchema(), null, 2)}\n` };
  yield { path: 'donnees/LISEZMOI.md', content: openDataReadme(publication) };
}

/** Every file of the export but `publication.json`. */
export function* publicationFiles(publication: PublicationFigures, sources: ExportSources = {}): Generator<StaticFile> {
  const referential = sources.referential ?? defaultReferential();
  const definitions = sources.definitions ?? builtInDefinitions;
  yield* staticFiles(publication, {
    reader: new PublicationReader(referential),
    referential,
    definitions,
    ...(sources.loader !== undefined ? { loader: sources.loader } : {}),
  });
  yield* openDataFiles(publication, { referential, definitions });
}

/** The script-tag build's loader, at the root of its folder. */
export const LOADER_FILE = 'barometre-widgets.js';

/**
 * The script-tag build's code, copied under `cdn/` so that the synthesis pages work on any static
 * host with nothing else: its JavaScript files (source maps stay behind).
 */
export function* scriptBuildFiles(folder: string): Generator<StaticFile> {
  for (const entry of readdirSync(folder, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.js')) continue;
    const path = relative(folder, join(entry.parentPath, entry.name)).split(sep).join('/');
    yield { path: `cdn/${path}`, content: readFileSync(join(entry.parentPath, entry.name), 'utf8') };
  }
}

export interface ExportOptions extends Omit<ExportSources, 'loader'> {
  store: ContributionStore;
  /** The folder to write into, created when missing. */
  out: string;
  /** A publication's id; the latest when left out. */
  publicationId?: string;
  /**
   * What the synthesis pages load: a loader's URL (`script`), or a script-tag build to copy
   * under `cdn/` (`build`, the folder holding `barometre-widgets.js`); neither, no pages.
   */
  pages?: { script: string } | { build: string };
}

/** Writes a stored publication's static files under `out`; throws a `NoPublicationError` when there is none. */
export async function exportPublication(options: ExportOptions): Promise<PublicationManifest> {
  const publication = await loadPublication(options.store, options.publicationId);
  const { pages } = options;
  const loader = pages === undefined ? undefined : 'script' in pages ? pages.script : `../cdn/${LOADER_FILE}`;
  // Participation is read from the publications' ledgers in the store, before anything is written.
  const participation = await participationFiles(publication, {
    store: options.store,
    referential: options.referential ?? defaultReferential(),
    definitions: options.definitions ?? builtInDefinitions,
  });
  const everything = function* () {
    if (pages !== undefined && 'build' in pages) yield* scriptBuildFiles(pages.build);
    yield* publicationFiles(publication, { ...options, ...(loader !== undefined ? { loader } : {}) });
    yield* participation;
  };
  const files = await writeFiles(options.out, everything());
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
