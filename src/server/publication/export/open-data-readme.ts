import type { PublicationFigures } from '../figures.js';
import { OPEN_DATA_COLUMNS, openDataFileName } from './open-data.js';

/**
 * `donnees/LISEZMOI.md`: the open-data file explained to its readers, in French — what a row
 * is, each column, what each status means, the threshold the publication was computed with, and
 * the licence.
 */

/** The licence of the published data. */
export const DATA_LICENCE = 'Licence Ouverte / Open Licence version 2.0 (Etalab)';
export const DATA_LICENCE_URL = 'https://www.etalab.gouv.fr/licence-ouverte-open-licence/';

function tableCell(text: string): string {
  return text.replaceAll('|', '\\|').replaceAll('\n', ' ');
}

export function openDataReadme(publication: PublicationFigures): string {
  const k = publication.minCell;
  const columns = OPEN_DATA_COLUMNS.map(
    (column) => `| \`${column.name}\` | ${column.type === 'string' ? 'texte' : column.type === 'integer' ? 'entier' : 'décimal'} | ${tableCell(column.description)} |`,
  );
  return `# Baromètre numérique des collectivités — résultats publiés

Ce dossier contient les résultats agrégés de la publication \`${publication.id}\`, calculée le
${publication.publishedAt} (UTC) à partir de ${publication.contributions} contributions, tous thèmes confondus.

- \`${openDataFileName(publication.id)}\` : tous les chiffres publiés, tous thèmes confondus ;
- \`colonnes.json\` : la description des colonnes, lisible par un programme (format Table Schema) ;
- \`LISEZMOI.md\` : ce fichier.

Ce sont les mêmes chiffres que ceux de l’API et des graphiques : une publication est calculée une
fois, puis ne change plus. Les publications suivantes ont un autre identifiant, donc un autre fichier.

## Format

CSV (RFC 4180) encodé en UTF-8 sans BOM, séparateur virgule, fin de ligne CRLF, point décimal,
une ligne d’en-tête. Chaque ligne correspond à un thème, une pondération, une série (la France, une
région, un département ou un groupe de collectivités comparables), une question et une réponse.
Toutes les combinaisons sont présentes, y compris celles dont le chiffre n’est pas publié.

Les communes et intercommunalités n’ont pas de série propre : elles sont comptées dans leur
département, leur région, la France et leur groupe. Les réponses en texte libre ne sont jamais
publiées, ni aucun identifiant de collectivité ou de personne (SIRET, adresse électronique).

Pour l’ouvrir dans un tableur réglé en français : Données > À partir d’un fichier texte/CSV, origine
UTF-8, séparateur virgule.

## Colonnes

| colonne | type | description |
| --- | --- | --- |
${columns.join('\n')}

Les parts sont des fractions entre 0 et 1, jamais des pourcentages.

## Statuts

Un chiffre non publié est une cellule **vide**, jamais un zéro ; la colonne \`statut\` dit pourquoi :

- \`publie\` : le chiffre est publié ;
- \`aucune\` : aucune collectivité de la série n’a répondu (au thème, ou à cette question) ;
- \`insuffisant\` : moins de ${k} collectivités ont répondu ; rien d’autre n’est publié ;
- \`masque\` : le chiffre est caché par le secret statistique : il permettrait de retrouver, par
  différence avec d’autres chiffres publiés, une valeur qui repose sur moins de ${k} collectivités ;
  ou il porte sur une réponse sensible (attaque subie, plainte, montant…) donnée par moins de ${k}
  collectivités ; ou, en pondération « redressee », la part n’est pas repondérée pour cette série
  (les régions et départements n’ont que des chiffres bruts) ou le serait à partir de chiffres
  eux-mêmes masqués.

Le statut d’une ligne est celui de la série quand elle n’est pas publiée, sinon celui de la question,
sinon celui de la réponse : \`n_serie\` reste rempli pour une série publiée même quand la question ne
l’est pas, et \`n_question\` pour une question publiée même quand une de ses réponses est masquée.

## Seuil

Aucun chiffre publié ne repose sur moins de **k = ${k}** collectivités répondantes, et aucun chiffre
masqué ne peut être retrouvé en soustrayant des chiffres publiés les uns des autres.

## Licence

Données : ${DATA_LICENCE}, ${DATA_LICENCE_URL}.
Source à citer : « Baromètre numérique des collectivités », avec l’identifiant de la publication.
`;
}
