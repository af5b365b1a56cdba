import { createCatalog } from '../../core/i18n/catalog.js';

/** Words of `<barometre-territoire-chart>`, in French and English. */
export const chartMessages = createCatalog({
  fr: {
    table: 'Tableau',
    tableHint: 'Afficher les valeurs sous forme de tableau',
    csv: 'Télécharger (CSV)',
    png: 'Image (PNG)',
    barres: 'Graphique en barres horizontales',
    'barres-empilees': 'Graphique en barres empilées',
    colonnes: 'Graphique en colonnes',
    summary: '{kind} : {question} Territoires comparés : {series}. Les valeurs figurent dans le tableau de données.',
    seriesItem: '{name} ({n})',
    seriesState: '{name} : {state}',
    notDrawn: '{name} : {reason}, non représenté sur le graphique.',
    cellNotDrawn: '{answer}, {name} : {reason}.',
    chartFailed: 'Le graphique n’a pas pu être affiché ; les valeurs figurent dans le tableau.',
    tableCaption: '{question} {base}, en pourcentage. {publication}.',
    tooltip: '{name} : {value}',
  },
  en: {
    table: 'Table',
    tableHint: 'Show the values as a table',
    csv: 'Download (CSV)',
    png: 'Image (PNG)',
    barres: 'Horizontal bar chart',
    'barres-empilees': 'Stacked bar chart',
    colonnes: 'Column chart',
    summary: '{kind}: {question} Territories compared: {series}. The values are in the data table.',
    seriesItem: '{name} ({n})',
    seriesState: '{name}: {state}',
    notDrawn: '{name}: {reason}, not drawn on the chart.',
    cellNotDrawn: '{answer}, {name}: {reason}.',
    chartFailed: 'The chart could not be displayed; the values are in the table.',
    tableCaption: '{question} {base}, in percent. {publication}.',
    tooltip: '{name}: {value}',
  },
});
