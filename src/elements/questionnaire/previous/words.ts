import { createCatalog } from '../../../core/i18n/catalog.js';
import { typesetting } from '../../../core/i18n/typography.js';

/** The words of taking up the previous edition's answers, loaded with the steps' code. */
export const p = typesetting(
  createCatalog({
    fr: {
      offer_title: 'Reprendre vos réponses de l’édition {edition}',
      offer_intro:
        'Votre collectivité a répondu à ce volet lors de l’édition {edition}. Reprenez ses réponses : seules les questions inchangées sont préremplies, et vous pourrez tout modifier avant l’envoi.',
      offer_attested: 'Vous êtes identifié : les réponses de l’édition {edition} sont reprises sans code.',
      code_label: 'Code de modification de l’édition {edition}',
      code_help: 'Le code reçu à l’envoi de ces réponses, en quatre groupes de quatre caractères, par exemple 7KQ4-M2XD-9HCT-R0FB.',
      code_required: 'Saisissez le code de modification reçu lors de l’édition {edition}.',
      take: 'Reprendre mes réponses',
      taking: 'Reprise des réponses de l’édition {edition}…',
      taken: (params) =>
        Number(params.count) === 0
          ? `Aucune réponse de l’édition ${params.edition} n’a pu être reprise : les questions ont changé depuis.`
          : `${Number(params.count) > 1 ? `${params.count} réponses de l’édition ${params.edition} ont été reprises` : `1 réponse de l’édition ${params.edition} a été reprise`}. Vérifiez-les ; les questions nouvelles ou modifiées depuis sont signalées et restent à remplir.`,
      unreachable: 'Les réponses de l’édition {edition} n’ont pas pu être reprises pour le moment. Vous pouvez répondre sans elles, ou réessayer.',
      mark_new: 'Nouvelle question',
      mark_changed: 'Question modifiée depuis l’édition {edition}',
    },
    en: {
      offer_title: 'Take up your answers from the {edition} edition',
      offer_intro:
        'Your local authority answered this questionnaire in the {edition} edition. Take up its answers: only unchanged questions are prefilled, and you can change anything before sending.',
      offer_attested: 'You are identified: the answers of the {edition} edition are taken up without a code.',
      code_label: 'Edit code of the {edition} edition',
      code_help: 'The code received when those answers were sent, in four groups of four characters, e.g. 7KQ4-M2XD-9HCT-R0FB.',
      code_required: 'Enter the edit code received in the {edition} edition.',
      take: 'Take up my answers',
      taking: 'Taking up the answers of the {edition} edition…',
      taken: (params) =>
        Number(params.count) === 0
          ? `No answer of the ${params.edition} edition could be taken up: the questions have changed since.`
          : `${Number(params.count) > 1 ? `${params.count} answers of the ${params.edition} edition were taken up` : `1 answer of the ${params.edition} edition was taken up`}. Check them; questions new or changed since are marked and left to answer.`,
      unreachable: 'The answers of the {edition} edition could not be taken up for now. You can answer without them, or try again.',
      mark_new: 'New question',
      mark_changed: 'Question changed since the {edition} edition',
    },
  }),
);
