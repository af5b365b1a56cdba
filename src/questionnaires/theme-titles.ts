import type { ThemeId } from '../core/schema/questionnaire.js';
import type { LocalizedText } from '../core/schema/text.js';

/** What a menu needs to list a theme without loading its questionnaire. */
export interface ThemeTitle {
  title: LocalizedText;
  wave: 1 | 2 | 3;
}

/**
 * Title and wave of every theme, in publication order. Kept small on purpose: menus import it,
 * and must not pull in the definitions themselves, nor their builders (the questionnaire's first
 * screen reads it). The titles are the definitions' own titles.
 */
export const themeTitles: Readonly<Record<ThemeId, ThemeTitle>> = {
  inclusion: { wave: 1, title: { fr: 'Inclusion numérique', en: 'Digital inclusion' } },
  cybersecurite: { wave: 1, title: { fr: 'Cybersécurité', en: 'Cybersecurity' } },
  communication: {
    wave: 1,
    title: { fr: 'Communication avec les administrés', en: 'Communicating with residents' },
  },
  infrastructures: {
    wave: 2,
    title: { fr: 'Infrastructures numériques du territoire', en: 'Digital infrastructure of the territory' },
  },
  'outils-internes': { wave: 2, title: { fr: 'Outils numériques en interne', en: 'Internal digital tools' } },
  donnees: { wave: 2, title: { fr: 'Service public local de la donnée', en: 'Local public data service' } },
  dematerialisation: {
    wave: 3,
    title: { fr: 'Dématérialisation des démarches', en: 'Paperless procedures' },
  },
  'services-en-ligne': {
    wave: 3,
    title: { fr: 'Services en ligne pour les habitants et usagers', en: 'Online services for residents and users' },
  },
  strategie: { wave: 3, title: { fr: 'Stratégie numérique', en: 'Digital strategy' } },
};
