import { createCatalog } from '../../../core/i18n/catalog.js';
import { typesetting } from '../../../core/i18n/typography.js';

/**
 * What the confirmation says about the respondent's key answers beside published figures, in
 * French and English. Kept apart from the questionnaire's catalogue: the feedback is one job,
 * and its words travel with it, loaded with its tables. The frame's few words (heading, loading,
 * failure, retry) are in `shell.ts`, which the questionnaire loads from the start.
 */
export const feedbackText = typesetting(createCatalog({
  fr: {
    intro:
      'Pour les questions clés de ce thème, voici votre réponse à côté de la part des collectivités qui ont donné chaque réponse\u00a0: collectivités semblables, collectivités de votre département (de votre région pour une région) et de toute la France.',
    peers_intro: '«\u00a0Collectivités semblables\u00a0»\u00a0: les {kind} de {band}, dans toute la France.',
    peers_commune: 'communes',
    peers_epci: 'intercommunalités',
    peers_departement: 'départements',
    peers_region: 'régions',
    peers_csp: 'collectivités à statut particulier',
    peers_syndicat: 'syndicats et groupements de collectivités',
    collectivite_unreadable: 'La description de votre collectivité reçue du service n’est pas lisible.',
    answer_column: 'Réponse',
    own_column: 'Votre réponse',
    own_mark: 'votre réponse',
    peers_column: 'Collectivités semblables',
    france_column: 'France',
    missing: 'pas de données',
    not_answered: 'Vous n’avez pas répondu à cette question\u00a0: elle ne vous a pas été posée ou était facultative.',
    own_unknown:
      'Vos propres réponses ne sont plus disponibles sur cet appareil\u00a0: seuls les chiffres publiés sont affichés.',
    insuffisant_note:
      '«\u00a0Moins de {minCell} réponses\u00a0»\u00a0: trop peu de collectivités sont derrière ce chiffre, qui n’est donc pas publié pour préserver la confidentialité des réponses.',
    masque_note:
      '«\u00a0Masqué (secret statistique)\u00a0»\u00a0: ce chiffre est caché pour qu’on ne puisse pas en déduire la réponse d’une collectivité.',
    base_note:
      'Les parts sont calculées parmi les collectivités à qui la question a été posée.',
    publication_note:
      'Ces chiffres sont ceux de la publication du {date}\u00a0: ils ne comprennent pas encore les réponses que vous venez d’envoyer.',
    source: 'Source\u00a0: {source}.',
  },
  en: {
    intro:
      'For the key questions of this theme, here is your answer beside the share of local authorities that gave each answer: similar local authorities, those of your département (your region, for a region) and those of all France.',
    peers_intro: '“Similar local authorities”: {kind} of {band}, across France.',
    peers_commune: 'municipalities',
    peers_epci: 'inter-municipal bodies',
    peers_departement: 'départements',
    peers_region: 'regions',
    peers_csp: 'special-status local authorities',
    peers_syndicat: 'joint authorities and groupings of local authorities',
    collectivite_unreadable: 'The description of your local authority received from the service cannot be read.',
    answer_column: 'Answer',
    own_column: 'Your answer',
    own_mark: 'your answer',
    peers_column: 'Similar local authorities',
    france_column: 'France',
    missing: 'no data',
    not_answered: 'You did not answer this question: it was not asked of you, or it was optional.',
    own_unknown: 'Your own answers are no longer available on this device: only the published figures are shown.',
    insuffisant_note:
      '“Fewer than {minCell} responses”: too few local authorities are behind this figure, so it is not published, to keep answers confidential.',
    masque_note:
      '“Hidden (statistical secrecy)”: this figure is hidden so that no local authority’s answer can be worked out from it.',
    base_note:
      'Shares are among the local authorities that were asked the question.',
    publication_note: 'These figures are those of the publication of {date}: they do not include the answers you have just sent yet.',
    source: 'Source: {source}.',
  },
}));

/** A key of {@link feedbackText}. */
export type FeedbackTextKey = Parameters<typeof feedbackText>[1];
