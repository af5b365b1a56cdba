import type { FastifyInstance } from 'fastify';
import { parseTerritoryId, type TerritoryId } from '../../core/territory/territory-id.js';
import type { Territory } from '../../core/territory/territory.js';
import type { ServerContext } from '../context.js';
import { ApiError } from '../http/errors.js';

/**
 * `GET /synthese/:territoire`: a shareable page per territory (`/synthese/departement-35`,
 * `/synthese/france`) holding `<barometre-synthese>`, which reads this server's API. The page
 * itself says only the territory's name, so it is the same until the referential changes; the
 * figures and their date arrive with the element.
 */

/** The page names only the territory: it changes with a release, not with a publication. */
const PAGE_CACHE = 'public, max-age=300';

/** Where the script-tag build is served (see the static files). */
const LOADER = '/cdn/barometre-widgets.js';

/** The page's own stylesheet: the element styles itself; the page sets the paper and the frame. */
const STYLESHEET_PATH = '/synthese/synthese.css';

const STYLESHEET = `@page { size: A4; margin: 14mm 12mm; }
html { font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; color: #1e1e1e; background: #fff; }
body { margin: 0 auto; padding: 1.5rem 1rem 3rem; max-width: 64rem; line-height: 1.5; }
h1 { font-size: 1.75rem; line-height: 1.2; margin: 0 0 0.5rem; }
header p { margin: 0 0 1.5rem; color: #545454; }
@media print { body { padding: 0; max-width: none; } header p { display: none; } }
`;

/** `departement-35` → `departement:35`: a page's path writes the id's colon as a hyphen, like the static files. */
function territoryIdOfPath(segment: string): TerritoryId | undefined {
  // One address per page: the id as written in the API is not another spelling of it.
  if (segment.includes(':')) return undefined;
  const id = segment === 'france' ? segment : segment.replace('-', ':');
  return parseTerritoryId(id) === null ? undefined : (id as TerritoryId);
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** What the territory is set against, as the element's columns will show. */
function comparedWith(territory: Territory): string {
  switch (territory.kind) {
    case 'france':
      return '';
    case 'region':
      return ', comparés à la France';
    case 'departement':
      return ', comparés à sa région, à la France et aux collectivités semblables';
    default:
      return ', comparés à son département, à sa région, à la France et aux collectivités semblables';
  }
}

/** The page of one territory. Names are escaped: they come from the referential, not the request, but stay text. */
export function synthesePage(territory: Territory, api: string): string {
  const name = escapeHtml(territory.name);
  const description = escapeHtml(
    `Synthèse du Baromètre numérique des collectivités pour ${territory.name} : les chiffres clés des neuf thèmes${comparedWith(territory)}, et la participation, publiés sous secret statistique.`,
  );
  return `<!doctype html>
<html lang="fr">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${name} — Synthèse du Baromètre numérique des collectivités</title>
    <meta name="description" content="${description}" />
    <link rel="stylesheet" href="${STYLESHEET_PATH}" />
    <script type="module" src="${LOADER}"></script>
  </head>
  <body>
    <header>
      <h1>Le numérique des collectivités : ${name}</h1>
      <p>Les chiffres sont ceux de la dernière publication des résultats ; « Imprimer » les met en page sur A4.</p>
    </header>
    <main>
      <barometre-synthese api="${api}" territoire="${escapeHtml(territory.id)}"></barometre-synthese>
      <noscript>La synthèse s’affiche avec JavaScript ; ses chiffres sont aussi servis par ${api}/synthese?territoire=${escapeHtml(territory.id)}.</noscript>
    </main>
  </body>
</html>
`;
}

/** Registers the pages and their stylesheet; `api` is where this server's API is mounted. */
export function synthesePageRoutes(app: FastifyInstance, context: ServerContext, api: string): void {
  app.get(STYLESHEET_PATH, async (_request, reply) => reply.type('text/css; charset=utf-8').header('cache-control', PAGE_CACHE).send(STYLESHEET));

  app.get<{ Params: { territoire: string } }>('/synthese/:territoire', async (request, reply) => {
    const id = territoryIdOfPath(request.params.territoire);
    const place = id === undefined ? undefined : context.referential.territory(id);
    if (!place) throw new ApiError(404, 'territory_not_found', { params: { id: request.params.territoire.slice(0, 60) } });
    return reply.type('text/html; charset=utf-8').header('cache-control', PAGE_CACHE).send(synthesePage(place, api));
  });
}
