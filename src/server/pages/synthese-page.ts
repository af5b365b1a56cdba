import type { Territory } from '../../core/territory/territory.js';

/**
 * The page of a territory's synthesis, shareable and printable: its name in the title and the
 * description, `<barometre-synthese>` for the figures, a stylesheet for the paper. The same page
 * is served by the server (reading its API) and written by the static publication (reading the
 * files beside it): the page says only the territory's name, and the figures and their date
 * arrive with the element.
 */

/**
 * Where the element reads the synthesis: this server's API, or a static publication's base URL
 * with the synthesis file's address from the page (for readers without JavaScript).
 */
export type PageSource = { api: string } | { publication: string; file: string };

/** The addresses of the script-tag build's loader and of the page's stylesheet. */
export interface PageAssets {
  loader: string;
  stylesheet: string;
}

/** The page's own stylesheet: the element styles itself; the page sets the paper and the frame. */
export const SYNTHESE_STYLESHEET = `@page { size: A4; margin: 14mm 12mm; }
html { font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; color: #1e1e1e; background: #fff; }
body { margin: 0 auto; padding: 1.5rem 1rem 3rem; max-width: 64rem; line-height: 1.5; }
h1 { font-size: 1.75rem; line-height: 1.2; margin: 0 0 0.5rem; }
header p { margin: 0 0 1.5rem; color: #545454; }
@media print { body { padding: 0; max-width: none; } header p { display: none; } }
`;

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

/** The element's source attribute, and where a reader without JavaScript finds the figures. */
function sourceOf(territory: Territory, source: PageSource): { attribute: string; data: string } {
  if ('api' in source) {
    return { attribute: `api="${escapeHtml(source.api)}"`, data: `${source.api}/synthese?territoire=${territory.id}` };
  }
  return { attribute: `publication="${escapeHtml(source.publication)}"`, data: source.file };
}

/** The page of one territory. Names are escaped: they come from the referential, not the request, but stay text. */
export function synthesePage(territory: Territory, source: PageSource, assets: PageAssets): string {
  const name = escapeHtml(territory.name);
  const description = escapeHtml(
    `Synthèse du Baromètre numérique des collectivités pour ${territory.name} : les chiffres clés des neuf thèmes${comparedWith(territory)}, et la participation, publiés sous secret statistique.`,
  );
  const { attribute, data } = sourceOf(territory, source);
  return `<!doctype html>
<html lang="fr">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${name} — Synthèse du Baromètre numérique des collectivités</title>
    <meta name="description" content="${description}" />
    <link rel="stylesheet" href="${escapeHtml(assets.stylesheet)}" />
    <script type="module" src="${escapeHtml(assets.loader)}"></script>
  </head>
  <body>
    <header>
      <h1>Le numérique des collectivités : ${name}</h1>
      <p>Les chiffres sont ceux de la dernière publication des résultats ; « Imprimer » les met en page sur A4.</p>
    </header>
    <main>
      <barometre-synthese ${attribute} territoire="${escapeHtml(territory.id)}"></barometre-synthese>
      <noscript>La synthèse s’affiche avec JavaScript ; ses chiffres sont aussi dans ${escapeHtml(data)}.</noscript>
    </main>
  </body>
</html>
`;
}
