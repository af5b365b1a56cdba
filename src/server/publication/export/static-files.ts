import type { QuestionnaireDefinition, ThemeId } from '../../../core/schema/questionnaire.js';
import { PONDERATIONS } from '../../../core/schema/results.js';
import { publishedQuestions } from '../../../core/stats/tally.js';
import type { Territory } from '../../../core/territory/territory.js';
import type { ServerReferential } from '../../referential/port.js';
import type { PublicationFigures } from '../figures.js';
import { COMPARISONS, type PublicationReader } from '../read.js';
import { composeSynthesis } from '../synthesis.js';
import { SYNTHESE_STYLESHEET, synthesePage } from '../../pages/synthese-page.js';

/**
 * The files of a static publication, which elements given a `publication` base URL read instead
 * of the API (the same layout as `src/elements/shared/results/static-publication.ts`):
 *
 * - `resultats/{theme}/{ponderation}/{territoire-file}.json`: France, each région and each
 *   département, with every comparison it has (département, région, France) and every question;
 * - `resultats/{theme}/{ponderation}/carte/{niveau}/{question}.json`: each published question
 *   for every département, and for every région;
 * - `questionnaires/{theme}.json`: the questionnaire definition;
 * - `synthese/{territoire-file}.json`: the synthesis of France, each région and each département,
 *   as `/synthese?territoire=…` gives it;
 * - with a loader to point at, `synthese/{territoire-file}.html` and `synthese/synthese.css`: the
 *   page of each of those syntheses, as the server serves it at `/synthese/{territoire-file}`,
 *   reading the file beside it.
 *
 * Every response is the one the API gives for the same request from the same publication, in
 * French (names of territories and groups, credit line). Communes and intercommunalités have no
 * file: the publication holds no series of their own.
 */

/** One file to write, by its path under the publication's folder (`/`-separated). */
export interface StaticFile {
  path: string;
  content: string;
}

/** What the files are built with besides the publication. */
export interface StaticFilesSources {
  reader: PublicationReader;
  referential: ServerReferential;
  definitions: Readonly<Record<ThemeId, QuestionnaireDefinition>>;
  /** The script-tag build's loader as the pages load it (relative to `synthese/`); no pages without it. */
  loader?: string;
}


const MAP_LEVELS = ['departement', 'region'] as const;

/** A territory's file name without `.json`: its id with `:` replaced by `-` (`departement:2A` → `departement-2A`). */
export function territoireFile(id: string): string {
  return id.replaceAll(':', '-');
}

function json(value: unknown): string {
  return JSON.stringify(value);
}

/** The themes of a publication that still have a definition, in the definitions' order. */
export function exportedThemes(
  publication: PublicationFigures,
  definitions: Readonly<Record<ThemeId, QuestionnaireDefinition>>,
): [ThemeId, QuestionnaireDefinition][] {
  return (Object.entries(definitions) as [ThemeId, QuestionnaireDefinition][]).filter(([theme]) =>
    Object.hasOwn(publication.themes, theme),
  );
}

/** France, then the régions, then the départements: the territories a static publication has a file for. */
export function fileTerritories(referential: ServerReferential): Territory[] {
  const france = referential.territory('france');
  if (france === undefined) throw new Error('The referential has no France');
  return [france, ...referential.territoriesOfLevel('region'), ...referential.territoriesOfLevel('departement')];
}

/** Every JSON file of a static publication, theme by theme. */
export function* staticFiles(publication: PublicationFigures, sources: StaticFilesSources): Generator<StaticFile> {
  const { reader, referential, definitions } = sources;
  const territories = fileTerritories(referential);
  for (const [theme, definition] of exportedThemes(publication, definitions)) {
    yield { path: `questionnaires/${theme}.json`, content: json(definition) };
    const questions = publishedQuestions(definition);
    for (const ponderation of PONDERATIONS) {
      const base = `resultats/${theme}/${ponderation}`;
      for (const territory of territories) {
        const results = reader.results(publication, {
          theme,
          definition,
          territory,
          // Every comparison the API can give for France, a région or a département.
          comparisons: COMPARISONS,
          ponderation,
          lang: 'fr',
        });
        yield { path: `${base}/${territoireFile(territory.id)}.json`, content: json(results) };
      }
      for (const niveau of MAP_LEVELS) {
        for (const question of questions) {
          const map = reader.map(publication, { theme, definition, niveau, questionId: question.id, ponderation });
          yield { path: `${base}/carte/${niveau}/${question.id}.json`, content: json(map) };
        }
      }
    }
  }
  for (const territory of territories) {
    const synthesis = composeSynthesis(reader, publication, { territory, definitions, lang: 'fr' });
    yield { path: `synthese/${territoireFile(territory.id)}.json`, content: json(synthesis) };
    if (sources.loader === undefined) continue;
    // The page sits beside its file: the publication's base is the folder above.
    const file = territoireFile(territory.id);
    const page = synthesePage(territory, { publication: '..', file: `${file}.json` }, { loader: sources.loader, stylesheet: 'synthese.css' });
    yield { path: `synthese/${file}.html`, content: page };
  }
  if (sources.loader !== undefined) yield { path: 'synthese/synthese.css', content: SYNTHESE_STYLESHEET };
}
