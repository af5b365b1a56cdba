import { createCatalog } from '../../core/i18n/catalog.js';

/** Words of `<barometre-synthese>`, in French and English; the states of figures are the results' own. */
export const syntheseMessages = createCatalog({
  fr: {
    title: 'Synthèse du Baromètre numérique : {territory}',
    participationTitle: 'Participation',
    participationCaption: 'Nombre de collectivités ayant répondu, par thème',
    themeColumn: 'Thème',
    questionColumn: 'Question',
    answerColumn: 'Réponse',
    themeCaption: '{theme} : part des collectivités ayant répondu à chaque question, pour chaque réponse (données brutes)',
    participationRegion: 'Tableau de la participation',
    themeRegion: 'Tableau des chiffres clés : {theme}',
    empty: 'Aucun thème n’est publié pour ce territoire.',
  },
  en: {
    title: 'Baromètre numérique summary: {territory}',
    participationTitle: 'Participation',
    participationCaption: 'Number of responding authorities, by theme',
    themeColumn: 'Theme',
    questionColumn: 'Question',
    answerColumn: 'Answer',
    themeCaption: '{theme}: share of the authorities that answered each question, for each answer (raw data)',
    participationRegion: 'Participation table',
    themeRegion: 'Key figures table: {theme}',
    empty: 'No theme is published for this territory.',
  },
});
