import type { ResultsResponse } from '../../../core/schema/results.js';

/**
 * The layout of a static publication: the files a publication writes under its base URL, which
 * elements read instead of the API when given a `publication` attribute.
 *
 * - `{publication}/resultats/{theme}/{ponderation}/{territoire-file}.json`: a results response
 *   holding the territory's series, every comparison series available and every question;
 * - `{publication}/resultats/{theme}/{ponderation}/carte/{niveau}/{question}.json`: a map response;
 * - `{publication}/questionnaires/{theme}.json`: the questionnaire definition (labels);
 * - `{publication}/participation/{territoire-file}.json` and `{publication}/participation/carte/{niveau}.json`:
 *   the participation of a territory, and of every territory of a map's level, in the edition the
 *   folder's publication counts; `{publication}/participation/{edition}/…` the same for a named
 *   edition (each edition's latest publication).
 *
 * Communes and intercommunalités have no file: their figures are not published separately.
 */

/** Territory kinds a static publication has no file for. */
const UNPUBLISHED_KINDS = ['commune', 'epci'];

/** A base URL without its trailing slashes. */
function trimBase(base: string): string {
  return base.replace(/\/+$/, '');
}

/** A relative path under a publication, made absolute against the page as `<img src>` would be. */
function fileUrl(publication: string, segments: readonly string[]): string {
  const path = segments.map((segment) => encodeURIComponent(segment)).join('/');
  return new URL(`${trimBase(publication)}/${path}`, document.baseURI).href;
}

/** The file name of a territory: its id with `:` replaced by `-` (`departement:35` → `departement-35`). */
export function territoireFile(territoire: string): string {
  return territoire.replaceAll(':', '-');
}

/** Whether a static publication holds a file for this territory (not for communes nor EPCI). */
export function hasStaticFile(territoire: string | undefined): boolean {
  if (!territoire) return true;
  const colon = territoire.indexOf(':');
  return !UNPUBLISHED_KINDS.includes(colon < 0 ? territoire : territoire.slice(0, colon));
}

/** `{publication}/resultats/{theme}/{ponderation}/{territoire-file}.json`; France without a territory. */
export function staticResultsUrl(publication: string, theme: string, ponderation: string, territoire: string | undefined): string {
  return fileUrl(publication, ['resultats', theme, ponderation, `${territoireFile(territoire ?? 'france')}.json`]);
}

/** `{publication}/resultats/{theme}/{ponderation}/carte/{niveau}/{question}.json`. */
export function staticMapUrl(publication: string, theme: string, ponderation: string, niveau: string, question: string): string {
  return fileUrl(publication, ['resultats', theme, ponderation, 'carte', niveau, `${question}.json`]);
}

/** The folder of an edition's participation files: the publication's own edition without one. */
function participationFolder(edition: string | undefined): string[] {
  return edition ? ['participation', edition] : ['participation'];
}

/** `{publication}/participation[/{edition}]/{territoire-file}.json`; France without a territory. */
export function staticParticipationUrl(publication: string, territoire: string | undefined, edition?: string): string {
  return fileUrl(publication, [...participationFolder(edition), `${territoireFile(territoire ?? 'france')}.json`]);
}

/** `{publication}/participation[/{edition}]/carte/{niveau}.json`. */
export function staticParticipationMapUrl(publication: string, niveau: string, edition?: string): string {
  return fileUrl(publication, [...participationFolder(edition), 'carte', `${niveau}.json`]);
}

/** `{publication}/questionnaires/{theme}.json`. */
export function staticDefinitionUrl(publication: string, theme: string): string {
  return fileUrl(publication, ['questionnaires', `${theme}.json`]);
}

/**
 * What the API would have answered from a publication's file: the territory's series, then the
 * comparisons asked for, in the order asked, each once, with the one question shown.
 */
export function selectFromPublication(results: ResultsResponse, comparer: readonly string[], question: string | undefined): ResultsResponse {
  const territoire = results.series.find((series) => series.role === 'territoire');
  const comparisons = comparer.flatMap((role) => {
    const found = results.series.find((series) => series.role === role);
    return found ? [found] : [];
  });
  const series = [...(territoire ? [territoire] : []), ...comparisons].map((one) => {
    if (!question) return one;
    const kept = one.questions[question];
    return { ...one, questions: kept ? { [question]: kept } : {} };
  });
  return { ...results, series };
}
