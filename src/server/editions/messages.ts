import { createCatalog } from '../../core/i18n/index.js';

/** The words of the editions' refusals, in the request's language. */
export const editionMessages = createCatalog({
  fr: {
    wave_not_open:
      'Le volet « {title} » de l’édition {edition} du Baromètre ouvre le {opens} : les réponses ne sont pas encore recueillies. Revenez à partir de cette date ; rien n’a été enregistré.',
    wave_closed:
      'Le volet « {title} » de l’édition {edition} du Baromètre a fermé le {closes} : les réponses ne sont plus recueillies et rien n’a été enregistré.',
    edition_unknown: 'Aucune édition « {id} » : les éditions du Baromètre sont {editions}.',
    edition_unpublished: 'Aucun résultat de l’édition {edition} n’a encore été publié.',
  },
  en: {
    wave_not_open:
      'The “{title}” questionnaire of the Baromètre’s {edition} edition opens on {opens}: answers are not collected yet. Come back from that date; nothing was saved.',
    wave_closed:
      'The “{title}” questionnaire of the Baromètre’s {edition} edition closed on {closes}: answers are no longer collected and nothing was saved.',
    edition_unknown: 'There is no edition “{id}”: the Baromètre’s editions are {editions}.',
    edition_unpublished: 'No results of the {edition} edition have been published yet.',
  },
});
