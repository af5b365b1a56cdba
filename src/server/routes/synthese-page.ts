import type { FastifyInstance } from 'fastify';
import { parseTerritoryId, type TerritoryId } from '../../core/territory/territory-id.js';
import type { ServerContext } from '../context.js';
import { ApiError } from '../http/errors.js';
import { SYNTHESE_STYLESHEET, synthesePage } from '../pages/synthese-page.js';

/**
 * `GET /synthese/:territoire`: a shareable page per territory (`/synthese/departement-35`,
 * `/synthese/france`) holding `<barometre-synthese>`, which reads this server's API (see
 * `pages/synthese-page.ts`; the static publication writes the same pages).
 */

/** The page names only the territory: it changes with a release, not with a publication. */
const PAGE_CACHE = 'public, max-age=300';

/** Where the script-tag build is served (see the static files), and the pages' stylesheet. */
const ASSETS = { loader: '/cdn/barometre-widgets.js', stylesheet: '/synthese/synthese.css' };

/** `departement-35` → `departement:35`: a page's path writes the id's colon as a hyphen, like the static files. */
function territoryIdOfPath(segment: string): TerritoryId | undefined {
  // One address per page: the id as written in the API is not another spelling of it.
  if (segment.includes(':')) return undefined;
  const id = segment === 'france' ? segment : segment.replace('-', ':');
  return parseTerritoryId(id) === null ? undefined : (id as TerritoryId);
}

/** Registers the pages and their stylesheet; `api` is where this server's API is mounted. */
export function synthesePageRoutes(app: FastifyInstance, context: ServerContext, api: string): void {
  app.get(ASSETS.stylesheet, async (_request, reply) => reply.type('text/css; charset=utf-8').header('cache-control', PAGE_CACHE).send(SYNTHESE_STYLESHEET));

  app.get<{ Params: { territoire: string } }>('/synthese/:territoire', async (request, reply) => {
    const id = territoryIdOfPath(request.params.territoire);
    const place = id === undefined ? undefined : context.referential.territory(id);
    if (!place) throw new ApiError(404, 'territory_not_found', { params: { id: request.params.territoire.slice(0, 60) } });
    return reply.type('text/html; charset=utf-8').header('cache-control', PAGE_CACHE).send(synthesePage(place, { api }, ASSETS));
  });
}
