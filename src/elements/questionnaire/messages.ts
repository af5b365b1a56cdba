import { createCatalog, type Message } from '../../core/i18n/catalog.js';
import { lazy } from '../shared/lazy.js';
import { typesetting } from '../../core/i18n/typography.js';

/**
 * Every sentence of `<barometre-questionnaire>`, in French; the English ones (`messages-en.ts`)
 * download only when an element speaks English ({@link loadEnglish}): most pages never need them,
 * and they would weigh on every first screen. Guillemets hold their quotation with no-break spaces
 * (U+00A0), so a line never breaks just inside them.
 */
const fr = {
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
} satisfies Record<string, Message>;

/** A key of the questionnaire's messages. */
export type MessageKey = keyof typeof fr;

/** The English table once loaded; until then, and for any key it lacks, French is said. */
const en: Partial<Record<MessageKey, Message>> = {};

export const t = typesetting(createCatalog({ fr, en: en as Record<MessageKey, Message> }));

/**
 * Loads the English sentences (once per page). An element speaking English waits for them
 * before it draws; should they fail to download, it speaks French rather than nothing.
 */
export const loadEnglish = lazy(() => import('./messages-en.js').then((module) => void Object.assign(en, module.en)));
