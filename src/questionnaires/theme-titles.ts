import type { ThemeId } from '../core/schema/questionnaire.js';
import type { LocalizedText } from '../core/schema/text.js';
import { loc } from './builders.js';

/** What a menu needs to list a theme without loading its questionnaire. */
export interface ThemeTitle {
  title: LocalizedText;
  wave: 1 | 2 | 3;
}

/**
 * Title and wave of every theme, in publication order. Kept small on purpose: menus import it,
 * and must not pull in the definitions themselves. The titles are the definitions' own titles.
 */
export const themeTitles: Readonly<Record<ThemeId, ThemeTitle>> = {
  inclusion: { wave: 1, title: loc('Inclusion numérique', 'Digital inclusion') },
  cybersecurite: { wave: 1, title: loc('Cybersécurité', 'Cybersecurity') },
  communication: {
    wave: 1,
    title: loc('Communication avec les administrés', 'Communicating with residents'),
  },
  infrastructures: {
    wave: 2,
    title: loc('Infrastructures numériques du territoire', 'Digital infrastructure of the territory'),
  },
  'outils-internes': { wave: 2, title: loc('Outils numériques en interne', 'Internal digital tools') },
  donnees: { wave: 2, title: loc('Service public local de la donnée', 'Local public data service') },
  dematerialisation: {
    wave: 3,
    title: loc('Dématérialisation des démarches', 'Paperless procedures'),
  },
  'services-en-ligne': {
    wave: 3,
    title: loc('Services en ligne pour les habitants et usagers', 'Online services for residents and users'),
  },
  strategie: { wave: 3, title: loc('Stratégie numérique', 'Digital strategy') },
};
