import { ParticipationResponse } from '../../core/schema/participation.js';
import type { Lang } from '../../core/schema/text.js';
import { fetchContract } from '../shared/fetch-contract.js';

/** What the element asks: the API, the territory, the edition if one is named. */
export interface ParticipationRequest {
  api: string;
  territoire: string;
  edition?: string;
  lang: Lang;
}

/** `{api}/participation?territoire=…[&edition=…]`. */
export function participationUrl(api: string, territoire: string, edition?: string): string {
  const query = new URLSearchParams({ territoire });
  if (edition) query.set('edition', edition);
  return `${api}/participation?${query.toString()}`;
}

/** Fetches the participation of a territory, validated against the contract. */
export function fetchParticipation(request: ParticipationRequest, signal: AbortSignal): Promise<ParticipationResponse> {
  return fetchContract(participationUrl(request.api, request.territoire, request.edition), ParticipationResponse, { lang: request.lang, signal });
}
