import { EvolutionResponse } from '../../core/schema/evolution.js';
import type { Lang } from '../../core/schema/text.js';
import { fetchContract } from '../shared/fetch-contract.js';
import { evolutionUrl, type EvolutionRequest } from './evolution-url.js';

/** Fetches a question's evolution across editions, validated against the contract before anything is drawn. */
export function fetchEvolution(request: EvolutionRequest & { lang: Lang }, signal: AbortSignal): Promise<EvolutionResponse> {
  return fetchContract(evolutionUrl(request), EvolutionResponse, { lang: request.lang, signal });
}
