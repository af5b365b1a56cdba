import { createCatalog } from '../../core/i18n/catalog.js';

/**
 * What the confirmation says about the respondent's key answers beside published figures, in
 * French and English. Kept apart from the questionnaire's catalogue: the feedback is one job,
 * and its words travel with it, loaded with its tables. The frame's few words (heading, loading,
 * failure, retry) are in `feedback-shell.ts`, which the questionnaire loads from the start.
 */
export const feedbackText = createCatalog({
  fr: {
    intro:
      'Pour les questions clés de ce thème, voici votre réponse à côté de la part des collectivités qui ont donné chaque réponse\u00a0: collectivités semblables, collectivités de votre département (de votre région pour une région) et de toute la France.',
    peers_intro: '«\u00a0Collectivités semblables\u00a0»\u00a0: les {kind} de {band}, dans toute la France.',
    peers_commune: 'communes',
    peers_epci: 'intercommunalités',
    peers_departement: 'départements',
    peers_region: 'régions',
    peers_csp: 'collectivités à statut particulier',
    collectivite_unreadable: 'La description de votre collectivité reçue du service n’est pas lisible.',
    answer_column: 'Réponse',
    own_column: 'Votre réponse',
    own_mark: 'votre réponse',
    peers_column: 'Collectivités semblables',
    france_column: 'France',
    suppressed: 'données insuffisantes',
    missing: 'pas de données',
    not_answered: 'Vous n’avez pas répondu à cette question\u00a0: elle ne vous a pas été posée ou était facultative.',
    own_unknown:
      'Vos propres réponses ne sont plus disponibles sur cet appareil\u00a0: seuls les chiffres publiés sont affichés.',
    suppressed_note:
      '«\u00a0Données insuffisantes\u00a0»\u00a0: moins de {minCell} collectivités sont derrière ce chiffre, qui n’est donc pas publié pour préserver la confidentialité des réponses.',
    base_note:
      'Les parts sont calculées parmi les collectivités à qui la question a été posée.',
    source: 'Source\u00a0: {source}. Chiffres du {date}.',
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
    collectivite_unreadable: 'The description of your local authority received from the service cannot be read.',
    answer_column: 'Answer',
    own_column: 'Your answer',
    own_mark: 'your answer',
    peers_column: 'Similar local authorities',
    france_column: 'France',
    suppressed: 'not enough data',
    missing: 'no data',
    not_answered: 'You did not answer this question: it was not asked of you, or it was optional.',
    own_unknown: 'Your own answers are no longer available on this device: only the published figures are shown.',
    suppressed_note:
      '“Not enough data”: fewer than {minCell} local authorities are behind this figure, so it is not published, to keep answers confidential.',
    base_note:
      'Shares are among the local authorities that were asked the question.',
    source: 'Source: {source}. Figures of {date}.',
  },
});

/** A key of {@link feedbackText}. */
export type FeedbackTextKey = Parameters<typeof feedbackText>[1];
