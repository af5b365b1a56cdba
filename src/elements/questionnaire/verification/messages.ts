import { createCatalog } from '../../../core/i18n/catalog.js';
import { typesetting } from '../../../core/i18n/typography.js';

const attempts = (n: number, fr: boolean) =>
  fr
    ? n > 1
      ? `Il reste ${n} essais avant que les codes de cette réponse soient bloqués pendant une heure.`
      : 'Il reste 1 essai avant que les codes de cette réponse soient bloqués pendant une heure.'
    : n > 1
      ? `${n} attempts are left before codes for this answer are locked for an hour.`
      : '1 attempt is left before codes for this answer are locked for an hour.';

/**
 * The words of who may answer: signing in with ProConnect, the attestation in force, a refused
 * edit code and its choices, an attestation or a review queue that says no. They load with the
 * steps' code, never with the first screen.
 */
export const v = typesetting(createCatalog({
  fr: {
    proconnect_offer:
      'Agent public ? Identifiez-vous avec ProConnect : votre réponse sera vérifiée, et le SIRET de votre organisation rempli pour vous. Vos réponses déjà saisies sont conservées.',
    proconnect_button: 'Se connecter avec ProConnect',
    proconnect_failed:
      'La connexion avec ProConnect n’a pas abouti. Vos réponses sont conservées : réessayez, ou continuez sans vous identifier.',
    proconnect_no_siret:
      'ProConnect n’a pas donné le SIRET de votre organisation. Vos réponses sont conservées : saisissez le SIRET vous-même (votre réponse ne sera pas vérifiée).',
    identified: 'Vous répondez pour le SIRET {siret}, attesté par {portal} : votre réponse sera vérifiée.',
    identified_any: 'Votre identité est attestée par {portal} : votre réponse sera vérifiée.',
    proconnect: 'ProConnect',

    code_label: 'Code de modification',
    code_wrong: (p) =>
      `Ce code de modification n’est pas celui de la réponse de votre collectivité.${
        p.remaining === undefined || p.remaining === '' ? '' : ` ${attempts(Number(p.remaining), true)}`
      }`,
    code_malformed:
      'Ce code n’a pas la bonne forme : 16 caractères, chiffres et lettres, en quatre groupes de quatre, par exemple 7KQ4-M2XD-9HCT-R0FB.',
    code_choices:
      'Deux possibilités : corrigez le code et envoyez à nouveau, ou transmettez vos réponses pour examen par l’équipe du Baromètre, en sachant qu’elles ne remplaceront pas la réponse existante.',
    code_locked:
      'Trop de codes erronés ont été essayés pour la réponse de votre collectivité : aucun code n’est vérifié jusqu’à {until} ({wait}).',
    code_locked_choice:
      'Vous pouvez transmettre vos réponses pour examen dès maintenant : elles ne remplaceront pas la réponse existante. Vous pouvez aussi revenir après {until} avec votre code ; vos réponses restent enregistrées sur cet appareil.',
    wait_minutes: (p) => (Number(p.n) > 1 ? `dans ${p.n} minutes` : 'dans 1 minute'),
    wait_hours: (p) => (Number(p.n) > 1 ? `dans environ ${p.n} heures` : 'dans environ une heure'),
    send_with_code: 'Envoyer avec ce code',
    send_for_review: 'Transmettre pour examen',

    attestation_expired:
      'L’attestation de votre portail a expiré avant l’envoi. Vos réponses sont conservées sur cet appareil : elles partiront dès que la page en aura fourni une nouvelle. Si rien ne se passe, rechargez la page.',
    attestation_replayed:
      'L’attestation de votre portail a déjà servi pour un envoi. Vos réponses sont conservées sur cet appareil : elles partiront dès que la page en aura fourni une nouvelle. Si rien ne se passe, rechargez la page.',
    proconnect_expired:
      'Votre connexion ProConnect n’est plus valable (elle sert 15 minutes, pour un envoi). Vos réponses sont conservées sur cet appareil : reconnectez-vous pour les envoyer.',
    attestation_invalid:
      'Le Baromètre n’a pas reconnu l’attestation de votre portail. Vos réponses sont conservées sur cet appareil. Rechargez la page ; si cela persiste, signalez-le à votre portail.',
    attestation_siret_mismatch:
      'L’attestation de votre portail concerne le SIRET {attested}, pas celui de cet envoi. Vos réponses sont conservées : rechargez la page pour répondre pour la collectivité attestée.',
    attestation_role_mismatch:
      'Votre portail vous présente avec une autre qualité que celle choisie. Corrigez « Vous répondez en tant que », puis envoyez à nouveau.',
    attestation_keys_unavailable:
      'Le Baromètre n’a pas pu vérifier l’attestation de votre portail pour le moment. Vos réponses sont conservées sur cet appareil : envoyez-les à nouveau dans quelques minutes.',
    pending_limit_reached:
      'Plusieurs réponses de votre collectivité attendent déjà l’examen de l’équipe du Baromètre : aucune autre ne peut être mise de côté avant qu’elles soient traitées. Vos réponses sont conservées sur cet appareil : envoyez-les avec le code de modification, ou plus tard.',
    pending_queue_full:
      'Trop de réponses attendent l’examen de l’équipe du Baromètre : aucune autre ne peut être reçue pour le moment. Vos réponses sont conservées sur cet appareil : envoyez-les à nouveau {wait}.',
    later: 'plus tard',
  },
  en: {
    proconnect_offer:
      'Public servant? Sign in with ProConnect: your answer will be verified, and your organisation’s SIRET filled in for you. The answers you already gave are kept.',
    proconnect_button: 'Sign in with ProConnect',
    proconnect_failed: 'Signing in with ProConnect did not succeed. Your answers are kept: try again, or go on without signing in.',
    proconnect_no_siret:
      'ProConnect did not give your organisation’s SIRET. Your answers are kept: enter the SIRET yourself (your answer will not be verified).',
    identified: 'You answer for SIRET {siret}, vouched for by {portal}: your answer will be verified.',
    identified_any: 'Your identity is vouched for by {portal}: your answer will be verified.',
    proconnect: 'ProConnect',

    code_label: 'Edit code',
    code_wrong: (p) =>
      `This edit code is not the one of your local authority’s answer.${
        p.remaining === undefined || p.remaining === '' ? '' : ` ${attempts(Number(p.remaining), false)}`
      }`,
    code_malformed: 'This code does not have the right form: 16 characters, digits and letters, in four groups of four, for example 7KQ4-M2XD-9HCT-R0FB.',
    code_choices:
      'Two choices: correct the code and send again, or send your answers for review by the Baromètre team, knowing that they will not replace the existing answer.',
    code_locked:
      'Too many wrong codes were tried for your local authority’s answer: no code is checked until {until} ({wait}).',
    code_locked_choice:
      'You can send your answers for review now: they will not replace the existing answer. You can also come back after {until} with your code; your answers stay saved on this device.',
    wait_minutes: (p) => (Number(p.n) > 1 ? `in ${p.n} minutes` : 'in 1 minute'),
    wait_hours: (p) => (Number(p.n) > 1 ? `in about ${p.n} hours` : 'in about an hour'),
    send_with_code: 'Send with this code',
    send_for_review: 'Send for review',

    attestation_expired:
      'Your portal’s attestation expired before sending. Your answers are kept on this device: they will be sent as soon as the page provides a new one. If nothing happens, reload the page.',
    attestation_replayed:
      'Your portal’s attestation was already used for a submission. Your answers are kept on this device: they will be sent as soon as the page provides a new one. If nothing happens, reload the page.',
    proconnect_expired:
      'Your ProConnect sign-in is no longer valid (it serves 15 minutes, for one submission). Your answers are kept on this device: sign in again to send them.',
    attestation_invalid:
      'The Baromètre did not recognise your portal’s attestation. Your answers are kept on this device. Reload the page; if it persists, tell your portal.',
    attestation_siret_mismatch:
      'Your portal’s attestation is for SIRET {attested}, not the one of this submission. Your answers are kept: reload the page to answer for the attested local authority.',
    attestation_role_mismatch:
      'Your portal presents you in another role than the one chosen. Correct “You are answering as”, then send again.',
    attestation_keys_unavailable:
      'The Baromètre could not check your portal’s attestation right now. Your answers are kept on this device: send them again in a few minutes.',
    pending_limit_reached:
      'Several answers of your local authority are already waiting for review by the Baromètre team: no other can be set aside until they are dealt with. Your answers are kept on this device: send them with the edit code, or later.',
    pending_queue_full:
      'Too many answers are waiting for review by the Baromètre team: no other can be received right now. Your answers are kept on this device: send them again {wait}.',
    later: 'later',
  },
}));
