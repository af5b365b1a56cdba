import { SynthesisResponse } from '../../core/schema/synthesis.js';
import type { Lang } from '../../core/schema/text.js';
import { fetchContract } from '../shared/fetch-contract.js';
import { territoireFile } from '../shared/results/static-publication.js';
import { synthesisUrl } from './synthesis-url.js';

export { synthesisUrl };

/** Where a synthesis is read: the API, or a static publication's file. */
export type SynthesisSource = { api: string } | { publication: string };

/** What a synthesis is asked for: its source, the territory, and the language it is worded in. */
export type SynthesisRequest = SynthesisSource & {
  territoire: string;
  lang: Lang;
};


/** `{publication}/synthese/{territoire-file}.json`, resolved against the page as the other static files are. */
export function staticSynthesisUrl(publication: string, territoire: string): string {
  const base = publication.replace(/\/+$/, '');
  return new URL(`${base}/synthese/${encodeURIComponent(territoireFile(territoire))}.json`, document.baseURI).href;
}

/** Fetches a synthesis, validated against the contract: figures from a broken body are never shown. */
export function fetchSynthesis(request: SynthesisRequest, signal: AbortSignal): Promise<SynthesisResponse> {
  const url = 'api' in request ? synthesisUrl(request.api, request.territoire) : staticSynthesisUrl(request.publication, request.territoire);
  return fetchContract(url, SynthesisResponse, { lang: request.lang, signal });
}
