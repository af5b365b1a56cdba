/** What `<barometre-evolution>` asks the API. */
export interface EvolutionRequest {
  api: string;
  theme: string;
  question: string;
  code: string;
  territoire?: string;
  /** Roles of the comparison series: `departement`, `region`, `france`, `similaires`. */
  comparer: readonly string[];
  ponderation: 'brute' | 'redressee';
}

/**
 * `{api}/resultats/:theme/evolution?question=…&code=…&territoire=…&comparer=a,b&ponderation=…`.
 * On its own, without the contract's code, so that a page's loader can build it too.
 */
export function evolutionUrl(request: EvolutionRequest): string {
  const params = new URLSearchParams({ question: request.question, code: request.code });
  if (request.territoire) params.set('territoire', request.territoire);
  if (request.comparer.length > 0) params.set('comparer', request.comparer.join(','));
  params.set('ponderation', request.ponderation);
  return `${request.api}/resultats/${encodeURIComponent(request.theme)}/evolution?${params.toString()}`;
}
