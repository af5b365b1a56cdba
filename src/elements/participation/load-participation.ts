import { ParticipationResponse } from '../../core/schema/participation.js';
import type { Lang } from '../../core/schema/text.js';
import { fetchContract } from '../shared/fetch-contract.js';
import { staticParticipationUrl } from '../shared/results/static-publication.js';
import { participationUrl } from './participation-url.js';

export { participationUrl };

/** What the element asks: the API or a static publication, the territory, the edition if one is named. */
export type ParticipationRequest = ({ api: string } | { publication: string }) & {
  territoire: string;
  edition?: string;
  lang: Lang;
};

/** The API's route, or the static publication's file (`participation[/{edition}]/{territoire-file}.json`). */
function participationLocation(request: ParticipationRequest): string {
  if ('publication' in request) return staticParticipationUrl(request.publication, request.territoire, request.edition);
  return participationUrl(request.api, request.territoire, request.edition);
}

/** Fetches the participation of a territory, validated against the contract. */
export function fetchParticipation(request: ParticipationRequest, signal: AbortSignal): Promise<ParticipationResponse> {
  return fetchContract(participationLocation(request), ParticipationResponse, { lang: request.lang, signal });
}
