import { API, installFakeApi, json, type FakeApi, type Route } from '../../charts/helpers/fake-api.js';
import { departementResults, regionResults, reweighted } from '../fixtures/map-results.js';
import { levelParticipation } from '../fixtures/participation.js';

export { API, json };
export type { FakeApi, Route };

/**
 * The proposed map route as the element sees it:
 * `GET {api}/resultats/:theme/carte?niveau=departement|region&question=…&ponderation=…`, for
 * the inclusion theme's `lieu_mediation`. Definitions are not served (404), so the element
 * falls back to the bundled ones.
 */
export const mapRoute: Route = (url) => {
  const match = /^\/v1\/resultats\/([^/]+)\/carte$/.exec(url.pathname);
  if (!match) return json({ error: 'introuvable', message: 'Ressource introuvable.' }, 404);
  if (match[1] !== 'inclusion') return json({ error: 'theme_inconnu', message: `Thème inconnu : ${match[1]}.` }, 404);
  if (url.searchParams.get('question') !== 'lieu_mediation') {
    return json({ error: 'question_not_found', message: 'Question inconnue.' }, 404);
  }
  const results = url.searchParams.get('niveau') === 'region' ? regionResults() : departementResults();
  return json(url.searchParams.get('ponderation') === 'redressee' ? reweighted(results) : results);
};

/**
 * The participation route as a participation map sees it: `GET {api}/participation?niveau=…&edition=…`,
 * every territory of the level with every theme; the results map's route beside it.
 */
export const participationRoute: Route = (url) => {
  if (url.pathname !== '/v1/participation') return mapRoute(url);
  const niveau = url.searchParams.get('niveau');
  if (niveau !== 'departement' && niveau !== 'region') return json({ error: 'invalid_query', message: 'Requête invalide.' }, 400);
  const edition = url.searchParams.get('edition') ?? '2026';
  if (edition !== '2025' && edition !== '2026') return json({ error: 'edition_not_found', message: 'Édition inconnue.' }, 404);
  return json(levelParticipation(niveau, edition));
};

/** Installs the fake API with the map route; call `restore()` in `afterEach`. */
export function installMapApi(route: Route = mapRoute): FakeApi {
  return installFakeApi(route);
}

/** The map requests seen so far. */
export function mapRequests(api: FakeApi): URL[] {
  return api.requests.filter((url) => url.pathname.endsWith('/carte'));
}
