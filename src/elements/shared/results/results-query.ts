import type { FiguresAsked } from './figures-element.js';

/** What a chart or key figure asks the data for: what every figures element asks, about a territory and its comparisons. */
export interface ResultsRequest extends FiguresAsked {
  territoire?: string;
  /** Roles of the comparison series: `region`, `france`, `similaires`. */
  comparer: readonly string[];
}

/**
 * Splits a list attribute. Authors write `comparer="region france"` in HTML and
 * `region,france` in the URL; both spellings are accepted, duplicates dropped.
 */
export function parseList(value: string | null | undefined): string[] {
  const items = (value ?? '').split(/[\s,]+/).filter(Boolean);
  return [...new Set(items)];
}

/** The API URL of a results request: `{api}/resultats/:theme?territoire=…&comparer=a,b&question=…&ponderation=…`. */
export function resultsUrl(api: string, request: ResultsRequest): string {
  const params = new URLSearchParams();
  if (request.territoire) params.set('territoire', request.territoire);
  if (request.comparer.length > 0) params.set('comparer', request.comparer.join(','));
  if (request.question) params.set('question', request.question);
  params.set('ponderation', request.ponderation);
  return `${api}/resultats/${encodeURIComponent(request.theme ?? '')}?${params.toString()}`;
}

/** The API URL of a questionnaire definition. */
export function definitionUrl(api: string, theme: string): string {
  return `${api}/questionnaires/${encodeURIComponent(theme)}`;
}

/** A `src` attribute made absolute against the page, as `<img src>` would be. */
export function resolveSrc(src: string): string {
  return new URL(src, document.baseURI).href;
}
