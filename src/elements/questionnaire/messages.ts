import { createCatalog } from '../../core/i18n/catalog.js';
import { typesetting } from '../../core/i18n/typography.js';

/**
 * Every sentence of `<barometre-questionnaire>`, in French and English. Guillemets hold their
 * quotation with no-break spaces (U+00A0), so a line never breaks just inside them.
 */
export const t = typesetting(createCatalog({
  fr: {
    loading: 'Chargement du questionnaire…',
    unavailable: 'Le questionnaire n’a pas pu être chargé.',
    unknown_theme: 'Aucun questionnaire ne porte le nom «\u00a0{theme}\u00a0».',
    invalid_definition: 'Le questionnaire reçu n’est pas valide.',
    retry: 'Réessayer',
    estimated: (p) => `Environ ${p.minutes} minute${Number(p.minutes) > 1 ? 's' : ''}.`,
    step_of: 'Étape {index} sur {total}',
    answered_of: (p) => `Questions répondues\u00a0: ${p.answered} sur ${p.total}`,
    previous: 'Précédent',
    next: 'Suivant',
    to_review: 'Vérifier mes réponses',
    submit: 'Envoyer mes réponses',
    optional: '(facultatif)',
    error_prefix: 'Erreur\u00a0:',
    summary_title: (p) =>
      Number(p.count) > 1 ? `Il y a ${p.count} problèmes à corriger` : 'Il y a 1 problème à corriger',
    summary_item: '{label}\u00a0: {message}',

    identification_title: 'Votre collectivité',
    identification_intro:
      'Une seule contribution est conservée par collectivité et par thème : coordonnez-vous avec vos collègues avant de répondre.',
    siret_label: 'Numéro SIRET de votre collectivité',
    siret_help:
      '14 chiffres, ceux de la collectivité elle-même (mairie, siège de l’intercommunalité, du département ou de la région). Il figure sur l’avis de situation Sirene et sur les factures.',
    siret_looking_up: 'Recherche de la collectivité…',
    siret_unknown:
      'Ce SIRET est bien formé, mais ne correspond à aucune collectivité connue du Baromètre. Vérifiez qu’il s’agit du SIRET de la collectivité elle-même.',
    siret_offline:
      'Impossible de vérifier ce SIRET pour le moment. Vous pouvez continuer : il sera vérifié à l’envoi de vos réponses.',
    origin_refused:
      'Le service du Baromètre n’accepte pas encore les échanges avec ce site : ce n’est pas un problème de connexion. Vous pouvez continuer ; vos réponses restent enregistrées sur cet appareil et partiront dès que ce site sera autorisé. Signalez-le au responsable du site.',
    found_title: 'Collectivité trouvée',
    found_hint: 'Ce n’est pas votre collectivité ? Corrigez le numéro SIRET.',
    field_name: 'Nom',
    field_kind: 'Type',
    field_departement: 'Département',
    field_region: 'Région',
    field_population: 'Population',
    population: (p) => `${p.n} habitant${Number(p.raw) > 1 ? 's' : ''}`,
    role_legend: 'Vous répondez en tant que',
    role_agent: 'Agent de la collectivité',
    role_elu: 'Élu ou élue',
    role_required: 'Indiquez si vous répondez en tant qu’agent ou qu’élu.',
    existing: 'Votre collectivité a déjà répondu à ce questionnaire.',
    existing_dated: 'Votre collectivité a déjà répondu à ce questionnaire (dernière mise à jour le {date}).',
    existing_how: 'Pour modifier cette réponse, saisissez le code de modification reçu lors du premier envoi.',
    edit_code_label: 'Code de modification',
    without_code:
      'Sans ce code, votre réponse sera transmise pour examen à l’équipe du Baromètre : elle ne remplacera pas la réponse existante.',
    with_code: 'Avec ce code, votre réponse remplacera la réponse existante.',

    other_label: 'Précisez votre réponse «\u00a0{option}\u00a0»',
    char_count: (p) => `${p.count} caractère${Number(p.raw) > 1 ? 's' : ''} sur ${p.max}`,
    char_over: (p) => `${p.over} caractère${Number(p.raw) > 1 ? 's' : ''} en trop`,
    yes: 'Oui',
    no: 'Non',
    dont_know: 'Je ne sais pas',
    exclusive_alone: 'La réponse «\u00a0{option}\u00a0» exclut les autres\u00a0: elles ont été décochées.',
    exclusive_dropped: 'La réponse «\u00a0{option}\u00a0» a été décochée\u00a0: elle ne se combine pas avec d’autres réponses.',

    review_title: 'Vérifiez vos réponses',
    review_intro: 'Relisez vos réponses avant de les envoyer : vous pouvez encore les modifier.',
    review_identity: 'Votre collectivité',
    review_siret: 'SIRET',
    review_role: 'Vous répondez en tant que',
    no_answer: 'Pas de réponse',
    edit: 'Modifier',
    edit_hidden: 'la réponse «\u00a0{label}\u00a0»',

    draft_saved: 'Brouillon enregistré à {time}',
    draft_restored: 'Brouillon du {date} restauré',
    draft_unavailable: 'Brouillon non enregistré : ce navigateur refuse le stockage local.',
    start_again: 'Recommencer',
    start_again_question: 'Effacer toutes vos réponses et recommencer ?',
    start_again_detail: 'Le brouillon enregistré sur cet appareil sera supprimé.',
    start_again_confirm: 'Oui, tout effacer',
    cancel: 'Annuler',
    started_again: 'Réponses effacées : vous pouvez recommencer.',

    sending: 'Envoi de votre contribution…',
    waiting_status: 'Contribution en attente d’envoi : elle partira dès que possible.',
    submit_refused: 'Votre contribution n’a pas été acceptée.',
    invalid_answers: 'Certaines réponses n’ont pas été acceptées. Corrigez-les, puis envoyez à nouveau.',
    no_api: 'Aucune adresse de service n’est configurée pour ce questionnaire : vos réponses ne peuvent pas être envoyées.',

    sent_status: 'Contribution envoyée.',
  },
  en: {
    loading: 'Loading the questionnaire…',
    unavailable: 'The questionnaire could not be loaded.',
    unknown_theme: 'There is no questionnaire called “{theme}”.',
    invalid_definition: 'The questionnaire received is not valid.',
    retry: 'Try again',
    estimated: (p) => `About ${p.minutes} minute${Number(p.minutes) > 1 ? 's' : ''}.`,
    step_of: 'Step {index} of {total}',
    answered_of: (p) => `Questions answered: ${p.answered} of ${p.total}`,
    previous: 'Previous',
    next: 'Next',
    to_review: 'Check my answers',
    submit: 'Send my answers',
    optional: '(optional)',
    error_prefix: 'Error:',
    summary_title: (p) => (Number(p.count) > 1 ? `There are ${p.count} problems to fix` : 'There is 1 problem to fix'),
    summary_item: '{label}: {message}',

    identification_title: 'Your local authority',
    identification_intro:
      'Only one contribution is kept per local authority and theme: agree with your colleagues before answering.',
    siret_label: 'SIRET number of your local authority',
    siret_help:
      '14 digits, those of the authority itself (town hall, head office of the inter-municipal body, département or region). It appears on the Sirene registration notice and on invoices.',
    siret_looking_up: 'Looking up the local authority…',
    siret_unknown:
      'This SIRET is well formed but matches no local authority known to the Baromètre. Check that it is the SIRET of the authority itself.',
    siret_offline:
      'This SIRET cannot be checked right now. You can go on: it will be checked when your answers are sent.',
    origin_refused:
      'The Baromètre service does not accept exchanges with this site yet: this is not a connection problem. You can go on; your answers are kept on this device and will be sent once this site is allowed. Please tell the site’s administrator.',
    found_title: 'Local authority found',
    found_hint: 'Not your local authority? Correct the SIRET number.',
    field_name: 'Name',
    field_kind: 'Kind',
    field_departement: 'Département',
    field_region: 'Region',
    field_population: 'Population',
    population: (p) => `${p.n} inhabitant${Number(p.raw) === 1 ? '' : 's'}`,
    role_legend: 'You are answering as',
    role_agent: 'A member of staff',
    role_elu: 'An elected official',
    role_required: 'Say whether you are answering as a member of staff or as an elected official.',
    existing: 'Your local authority has already answered this questionnaire.',
    existing_dated: 'Your local authority has already answered this questionnaire (last updated on {date}).',
    existing_how: 'To change that answer, enter the edit code received when it was first sent.',
    edit_code_label: 'Edit code',
    without_code:
      'Without this code, your answer will be sent to the Baromètre team for review: it will not replace the existing answer.',
    with_code: 'With this code, your answer will replace the existing one.',

    other_label: 'Specify your “{option}” answer',
    char_count: (p) => `${p.count} character${Number(p.raw) === 1 ? '' : 's'} of ${p.max}`,
    char_over: (p) => `${p.over} character${Number(p.raw) === 1 ? '' : 's'} too many`,
    yes: 'Yes',
    no: 'No',
    dont_know: 'I don’t know',
    exclusive_alone: 'The answer “{option}” excludes the others: they have been unticked.',
    exclusive_dropped: 'The answer “{option}” has been unticked: it cannot be combined with other answers.',

    review_title: 'Check your answers',
    review_intro: 'Read your answers again before sending them: you can still change them.',
    review_identity: 'Your local authority',
    review_siret: 'SIRET',
    review_role: 'You are answering as',
    no_answer: 'No answer',
    edit: 'Change',
    edit_hidden: 'the answer to “{label}”',

    draft_saved: 'Draft saved at {time}',
    draft_restored: 'Draft of {date} restored',
    draft_unavailable: 'Draft not saved: this browser refuses local storage.',
    start_again: 'Start again',
    start_again_question: 'Clear all your answers and start again?',
    start_again_detail: 'The draft saved on this device will be deleted.',
    start_again_confirm: 'Yes, clear everything',
    cancel: 'Cancel',
    started_again: 'Answers cleared: you can start again.',

    sending: 'Sending your contribution…',
    waiting_status: 'Contribution waiting to be sent: it will go as soon as possible.',
    submit_refused: 'Your contribution was not accepted.',
    invalid_answers: 'Some answers were not accepted. Correct them, then send again.',
    no_api: 'No service address is configured for this questionnaire: your answers cannot be sent.',

    sent_status: 'Contribution sent.',
  },
}));

/** A key of the questionnaire's messages. */
export type MessageKey = Parameters<typeof t>[1];
