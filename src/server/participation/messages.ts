import { createCatalog } from '../../core/i18n/index.js';

/** The words of the participation routes' errors, in the request's language. */
export const participationMessages = createCatalog({
  fr: {
    portal_token_missing:
      'Liste réservée au portail OPSN : présentez un jeton signé par la clé du portail (Authorization: Bearer …), d’audience « {audience} ».',
    portal_token_expired: 'Le jeton du portail a expiré : signez-en un nouveau (15 minutes au plus).',
    portal_token_invalid: 'Le jeton du portail est refusé ({reason}).',
    portal_keys_unavailable: 'Les clés du portail n’ont pas pu être lues pour l’instant. Réessayez dans un moment.',
    portal_members_unknown: 'Aucune liste d’adhérents n’est configurée pour le portail « {portal} ».',
  },
  en: {
    portal_token_missing:
      'This list is for the OPSN portal only: present a token signed with the portal’s key (Authorization: Bearer …), with audience “{audience}”.',
    portal_token_expired: 'The portal’s token has expired: sign a new one (15 minutes at most).',
    portal_token_invalid: 'The portal’s token is refused ({reason}).',
    portal_keys_unavailable: 'The portal’s keys could not be read for now. Try again in a moment.',
    portal_members_unknown: 'No member list is configured for the portal “{portal}”.',
  },
});
