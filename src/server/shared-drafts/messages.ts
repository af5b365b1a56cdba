import { createCatalog } from '../../core/i18n/index.js';

/** What the shared-draft routes say to people, in French and English; each key is also the `error` code. */
export const sharedDraftMessages = createCatalog({
  fr: {
    sharing_disabled:
      'Le partage de brouillons n’est pas activé sur ce serveur. Votre brouillon reste enregistré sur cet appareil. (Exploitant : définissez BAROMETRE_SHARED_DRAFT_KEY.)',
    shared_draft_exists:
      'Un brouillon partagé existe déjà pour votre collectivité sur ce thème. Demandez son code à la personne qui l’a partagé.',
    shared_draft_absent: 'Aucun brouillon partagé n’existe pour votre collectivité sur ce thème.',
    shared_draft_sent: 'Ce brouillon partagé a été envoyé : la contribution de votre collectivité est enregistrée.',
    shared_draft_expired: 'Ce brouillon partagé a expiré et ses réponses ont été effacées.',
    shared_draft_deleted: 'Ce brouillon partagé a été supprimé.',
    share_code_required: 'Indiquez le code du brouillon partagé (en-tête Authorization: Bearer <code>).',
    share_code_malformed:
      'Ce code n’a pas la bonne forme : il compte 8 caractères (chiffres et lettres, sans I, L, O ni U), en deux groupes de quatre, par exemple 7KQ4-M2XD.',
    share_code_wrong: (p) =>
      `Ce code n’est pas celui du brouillon partagé de votre collectivité. ${
        Number(p.remaining) > 1 ? `Encore ${p.remaining} essais` : 'Encore 1 essai'
      } avant le blocage temporaire des codes de ce brouillon.`,
    share_code_locked: 'Trop de codes erronés : le brouillon partagé ne peut plus être ouvert par code jusqu’à {until}.',
    shared_draft_unknown_answer: 'Le questionnaire « {theme} » ne contient pas de question « {key} ».',
    shared_draft_version: 'Ce brouillon suit la version {sent} du questionnaire, mais la version en service est la {current}.',
  },
  en: {
    sharing_disabled:
      'Shared drafts are not enabled on this server. Your draft stays saved on this device. (Operator: set BAROMETRE_SHARED_DRAFT_KEY.)',
    shared_draft_exists: 'A shared draft already exists for your collectivité on this theme. Ask the person who shared it for its code.',
    shared_draft_absent: 'There is no shared draft for your collectivité on this theme.',
    shared_draft_sent: 'This shared draft has been sent: your collectivité’s contribution is saved.',
    shared_draft_expired: 'This shared draft has expired and its answers have been erased.',
    shared_draft_deleted: 'This shared draft has been deleted.',
    share_code_required: 'Give the shared draft’s code (header Authorization: Bearer <code>).',
    share_code_malformed:
      'This code is not in the right form: it has 8 characters (digits and letters, without I, L, O or U), in two groups of four, such as 7KQ4-M2XD.',
    share_code_wrong: (p) =>
      `This is not the code of your collectivité’s shared draft. ${
        Number(p.remaining) > 1 ? `${p.remaining} more tries` : '1 more try'
      } before this draft’s codes are locked for a while.`,
    share_code_locked: 'Too many wrong codes: the shared draft cannot be opened by code until {until}.',
    shared_draft_unknown_answer: 'The “{theme}” questionnaire has no question “{key}”.',
    shared_draft_version: 'This draft follows version {sent} of the questionnaire, but the version in service is {current}.',
  },
});

export type SharedDraftMessageKey = Parameters<typeof sharedDraftMessages>[1];
