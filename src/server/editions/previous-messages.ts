import { createCatalog } from '../../core/i18n/index.js';

/** The words of the refusals of `GET /contributions/:siret/:theme/precedente`, in the request's language. */
export const previousMessages = createCatalog({
  fr: {
    previous_credentials_required:
      'Pour reprendre les réponses de l’édition {edition}, donnez le code de modification reçu alors, ou identifiez-vous par le portail de votre OPSN ou ProConnect.',
    previous_absent: 'Votre collectivité n’a pas répondu à ce volet lors de l’édition précédente : il n’y a pas de réponses à reprendre.',
    previous_code_wrong: (p) =>
      `Ce code n’est pas celui des réponses de votre collectivité à l’édition ${p.edition}. Vérifiez-le. ${
        Number(p.remaining) > 1 ? `Encore ${p.remaining} essais` : 'Encore 1 essai'
      } avant le blocage temporaire des codes pour ces réponses.`,
    previous_code_locked:
      'Trop de codes erronés ont été essayés pour les réponses de votre collectivité à l’édition {edition} : aucun code n’est vérifié avant {until}. Vous pouvez répondre sans les reprendre.',
  },
  en: {
    previous_credentials_required:
      'To take up the answers of the {edition} edition, give the edit code received then, or sign in through your OPSN’s portal or ProConnect.',
    previous_absent: 'Your local authority did not answer this questionnaire in the previous edition: there are no answers to take up.',
    previous_code_wrong: (p) =>
      `This code is not the one of your local authority’s answers to the ${p.edition} edition. Check it. ${
        Number(p.remaining) > 1 ? `${p.remaining} more tries` : '1 more try'
      } before codes are locked for a while for these answers.`,
    previous_code_locked:
      'Too many wrong codes were tried for your local authority’s answers to the {edition} edition: no code is checked before {until}. You can answer without taking them up.',
  },
});
