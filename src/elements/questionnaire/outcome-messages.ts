import { createCatalog } from '../../core/i18n/catalog.js';
import { typesetting } from '../../core/i18n/typography.js';

/**
 * The words of the pages after "send": waiting for the network, and the confirmation with its
 * edit code. They load with the steps' code: a first screen never shows them.
 */
export const o = typesetting(createCatalog({
  fr: {
    waiting_title: 'Votre contribution attend le réseau',
    waiting_body:
      'Elle est enregistrée sur cet appareil et partira d’elle-même dès que la connexion reviendra, même si vous fermez cette page et revenez plus tard. Elle ne sera enregistrée qu’une fois.',
    waiting_reason: 'Dernière tentative : {reason}',
    retry_now: 'Réessayer maintenant',
    confirmation_created: 'Merci, votre contribution est enregistrée',
    confirmation_updated: 'Merci, votre contribution est mise à jour',
    confirmation_pending: 'Votre réponse est transmise pour examen',
    confirmation_date: 'Enregistrée le {date}.',
    next_publication: 'Vos réponses seront prises en compte dans les résultats publiés à partir du {date}, ou dans une publication suivante si trop peu d’autres collectivités de votre territoire ont répondu entre-temps.',
    next_publication_unknown: 'Vos réponses seront prises en compte à la prochaine publication des résultats, ou à une suivante si trop peu d’autres collectivités de votre territoire ont répondu entre-temps.',
    pending_date: 'Reçue le {date}.',
    edit_code_title: 'Votre code de modification',
    edit_code_keep:
      'Conservez ce code : il vous permettra de modifier votre contribution plus tard. Il ne sera plus affiché.',
    copy: 'Copier le code',
    copied: 'Code copié.',
    copy_failed: 'La copie n’a pas fonctionné : sélectionnez le code et copiez-le.',
    updated_code: 'Votre code de modification reste le même.',
    pending_body:
      'Votre collectivité avait déjà répondu. Votre réponse ne remplace pas la réponse existante : elle a été mise de côté et sera examinée par l’équipe du Baromètre.',
    pending_reference: 'Référence : {id}',
    answer_again: 'Répondre à nouveau',
    print: 'Imprimer',
    email: 'Envoyer par e-mail',
    email_to: 'Envoyer par e-mail à {email}',
    email_subject: 'Baromètre numérique : code de modification ({theme})',
    email_body:
      'Code de modification de la contribution de la collectivité {siret} au thème « {theme} » du Baromètre numérique des collectivités : {code}\n\nIl permet de modifier cette contribution plus tard. Gardez ce message en lieu sûr.',
    code_not_kept:
      'Il n’est pas conservé sur cet appareil : copiez-le, imprimez-le ou envoyez-le par e-mail maintenant.',
    code_gone:
      'Le code de modification a été affiché lors de l’envoi ; il n’est pas conservé sur cet appareil. Sans lui, une nouvelle réponse sera transmise pour examen.',
    verified_by: 'Contribution vérifiée : attestée par {portal}.',
    replaced_unverified:
      'Elle prend la place d’une réponse non vérifiée de votre collectivité, transmise pour examen à l’équipe du Baromètre.',
  },
  en: {
    waiting_title: 'Your contribution is waiting for the network',
    waiting_body:
      'It is saved on this device and will be sent by itself as soon as the connection returns, even if you close this page and come back later. It will be recorded only once.',
    waiting_reason: 'Last attempt: {reason}',
    retry_now: 'Try again now',
    confirmation_created: 'Thank you, your contribution is recorded',
    confirmation_updated: 'Thank you, your contribution is updated',
    confirmation_pending: 'Your answer has been sent for review',
    confirmation_date: 'Recorded on {date}.',
    next_publication: 'Your answers will be included in the results published from {date}, or in a later publication if too few other local authorities of your area answered in the meantime.',
    next_publication_unknown: 'Your answers will be included at the next publication of the results, or a later one if too few other local authorities of your area answered in the meantime.',
    pending_date: 'Received on {date}.',
    edit_code_title: 'Your edit code',
    edit_code_keep: 'Keep this code: you will need it to change your contribution later. It will not be shown again.',
    copy: 'Copy the code',
    copied: 'Code copied.',
    copy_failed: 'Copying did not work: select the code and copy it.',
    updated_code: 'Your edit code stays the same.',
    pending_body:
      'Your local authority had already answered. Your answer does not replace the existing one: it has been set aside for review by the Baromètre team.',
    pending_reference: 'Reference: {id}',
    answer_again: 'Answer again',
    print: 'Print',
    email: 'Send by e-mail',
    email_to: 'Send by e-mail to {email}',
    email_subject: 'Baromètre numérique: edit code ({theme})',
    email_body:
      'Edit code of the contribution of local authority {siret} to the “{theme}” theme of the Baromètre numérique des collectivités: {code}\n\nIt lets you change this contribution later. Keep this message safe.',
    code_not_kept: 'It is not kept on this device: copy it, print it or send it by e-mail now.',
    code_gone:
      'The edit code was shown when the contribution was sent; it is not kept on this device. Without it, a new answer will be sent for review.',
    verified_by: 'Verified contribution: vouched for by {portal}.',
    replaced_unverified:
      'It takes the place of an unverified answer of your local authority, sent for review to the Baromètre team.',
  },
}));
