import { SynthesisResponse } from '../../core/schema/synthesis.js';
import type { Lang } from '../../core/schema/text.js';
import { fetchContract } from '../shared/fetch-contract.js';

/** What a synthesis is asked for: the API, the territory, and the language its names come in. */
export interface SynthesisRequest {
  api: string;
  territoire: string;
  lang: Lang;
}

/** `{api}/synthese?territoire=…`: the whole synthesis in one response. */
export function synthesisUrl(api: string, territoire: string): string {
  return `${api}/synthese?${new URLSearchParams({ territoire }).toString()}`;
}

/** Fetches a synthesis, validated against the contract: figures from a broken body are never shown. */
export function fetchSynthesis(request: SynthesisRequest, signal: AbortSignal): Promise<SynthesisResponse> {
  return fetchContract(synthesisUrl(request.api, request.territoire), SynthesisResponse, { lang: request.lang, signal });
}
