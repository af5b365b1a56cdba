import { Collectivite } from '../../../core/schema/collectivite.js';
import type { QuestionnaireDefinition } from '../../../core/schema/questionnaire.js';
import { ResultsResponse, type Ponderation, type Series, type SeriesRole } from '../../../core/schema/results.js';
import type { Lang } from '../../../core/schema/text.js';
import { fetchContract, fetchJson } from '../../shared/fetch-contract.js';
import { ResultsLoadError, toLoadFailure } from '../../shared/results/load-error.js';
import { resultsMessages } from '../../shared/results/messages.js';
import { buildFeedbackFigures, type FeedbackFigures } from './figures.js';
import { feedbackText } from './messages.js';
import { areaResultsPath, feedbackPlan, peersResultsPath } from './plan.js';

/**
 * Fetching what the confirmation compares the respondent with. This module is loaded only once a
 * contribution is confirmed: the results contract and its messages stay out of the first screen.
 */

/** What the feedback is computed for. */
export interface FeedbackRequest {
  /** API base URL without a trailing slash. */
  api: string;
  definition: QuestionnaireDefinition;
  /** The SIRET the contribution was recorded for. */
  siret: string;
  ponderation: Ponderation;
  lang: Lang;
}

/** A GET on the API with the result elements' deadline and error handling. */
function getJson(request: FeedbackRequest, path: string, signal: AbortSignal): Promise<unknown> {
  return fetchJson(`${request.api}${path}`, { lang: request.lang, signal });
}

/**
 * The collectivité with its place and size. The questionnaire's lookup keeps only what a person
 * recognises (names), so the codes and band are asked again, in full.
 */
async function fetchCollectivite(request: FeedbackRequest, signal: AbortSignal): Promise<Collectivite> {
  const body = await getJson(request, `/collectivites/${encodeURIComponent(request.siret)}`, signal);
  const parsed = Collectivite.safeParse(body);
  if (!parsed.success) throw new ResultsLoadError('invalid_collectivite', feedbackText(request.lang, 'collectivite_unreadable'));
  return parsed.data;
}

/** One results response, refused whole when it breaks the contract or is about another theme. */
async function fetchResults(request: FeedbackRequest, path: string, signal: AbortSignal): Promise<ResultsResponse> {
  const { lang, definition } = request;
  const results = await fetchContract(`${request.api}${path}`, ResultsResponse, { lang, signal });
  if (results.theme !== definition.theme) {
    throw new ResultsLoadError('theme_mismatch', resultsMessages(lang, 'themeMismatch', { received: results.theme, expected: definition.theme }));
  }
  return results;
}

function seriesOf(results: ResultsResponse, role: SeriesRole): Series | undefined {
  return results.series.find((series) => series.role === role);
}

/**
 * Loads the published figures of the key questions: the collectivité (for its area, kind and
 * band), then its area with France and its group of similar collectivités, both at once.
 */
export async function loadFeedback(request: FeedbackRequest, signal: AbortSignal): Promise<FeedbackFigures> {
  const { definition, ponderation } = request;
  const plan = feedbackPlan(await fetchCollectivite(request, signal));
  const [areaResults, peersResults] = await Promise.all([
    fetchResults(request, areaResultsPath(definition.theme, plan, ponderation), signal),
    plan.peers ? fetchResults(request, peersResultsPath(definition.theme, plan.peers, ponderation), signal) : undefined,
  ]);
  const area = seriesOf(areaResults, 'territoire');
  if (!area) throw new ResultsLoadError('invalid_results', resultsMessages(request.lang, 'invalidResults', { detail: 'territoire' }));
  const peers = peersResults ? seriesOf(peersResults, 'territoire') : undefined;
  const france = seriesOf(areaResults, 'france');
  return buildFeedbackFigures(
    definition,
    { area, ...(peers ? { peers } : {}), ...(france ? { france } : {}) },
    {
      ...(plan.peers && peers ? { peers: plan.peers } : {}),
      minCell: Math.max(areaResults.minCell, peersResults?.minCell ?? 0),
      source: areaResults.source,
      publication: areaResults.publication,
    },
  );
}

/**
 * When the next publication of results is scheduled, from `GET {api}/publications`
 * (`{ publications: [{ id, publishedAt, contributions }, …], next: <ISO date> | null }`): the
 * date when one is announced and still to come, `undefined` otherwise. Never rejects: without
 * it the confirmation says "at the next publication", which is always true.
 */
export async function loadNextPublication(request: FeedbackRequest, signal: AbortSignal): Promise<string | undefined> {
  try {
    const body = await getJson(request, '/publications', signal);
    const next = body !== null && typeof body === 'object' ? (body as { next?: unknown }).next : undefined;
    if (typeof next !== 'string') return undefined;
    const time = new Date(next).getTime();
    return Number.isNaN(time) || time <= Date.now() ? undefined : next;
  } catch {
    return undefined;
  }
}

/** A failure in words for the respondent, keeping the API's own message when it gave one. */
export function feedbackFailureMessage(error: unknown, lang: Lang): string {
  return toLoadFailure(error, lang, false).message;
}
