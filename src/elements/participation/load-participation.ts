import { ParticipationResponse } from '../../core/schema/participation.js';
import type { Lang } from '../../core/schema/text.js';
import { fetchContract } from '../shared/fetch-contract.js';
import { participationUrl } from './participation-url.js';

export { participationUrl };

/** What the element asks: the API, the territory, the edition if one is named. */
export interface ParticipationRequest {
  api: string;
  territoire: string;
  edition?: string;
  lang: Lang;
}


/** Fetches the participation of a territory, validated against the contract. */
export function fetchParticipation(request: ParticipationRequest, signal: AbortSignal): Promise<ParticipationResponse> {
  return fetchContract(participationUrl(request.api, request.territoire, request.edition), ParticipationResponse, { lang: request.lang, signal });
}
