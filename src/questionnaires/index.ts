import type { QuestionnaireDefinition, ThemeId } from '../core/schema/questionnaire.js';

export { themeTitles } from './theme-titles.js';
export type { ThemeTitle } from './theme-titles.js';

// One literal `import()` per theme, so bundlers split each definition into its own chunk and a
// page downloads only the questionnaire it displays.
const loaders: Record<ThemeId, () => Promise<QuestionnaireDefinition>> = {
  inclusion: () => import('./inclusion.js').then((m) => m.inclusionDefinition),
  cybersecurite: () => import('./cybersecurite.js').then((m) => m.cybersecuriteDefinition),
  communication: () => import('./communication.js').then((m) => m.communicationDefinition),
  infrastructures: () => import('./infrastructures.js').then((m) => m.infrastructuresDefinition),
  'outils-internes': () => import('./outils-internes.js').then((m) => m.outilsInternesDefinition),
  donnees: () => import('./donnees.js').then((m) => m.donneesDefinition),
  dematerialisation: () => import('./dematerialisation.js').then((m) => m.dematerialisationDefinition),
  'services-en-ligne': () => import('./services-en-ligne.js').then((m) => m.servicesEnLigneDefinition),
  strategie: () => import('./strategie.js').then((m) => m.strategieDefinition),
};

/**
 * Loads the built-in definition of one theme, fetching only that theme's module.
 * Accepts any string because theme ids often come from HTML attributes; an unknown id rejects
 * with a `RangeError` naming it.
 */
export function loadDefinition(theme: string): Promise<QuestionnaireDefinition> {
  // `Object.hasOwn` keeps inherited names such as "toString" from passing as themes.
  if (!Object.hasOwn(loaders, theme)) {
    return Promise.reject(new RangeError(`Unknown questionnaire theme: "${theme}"`));
  }
  return loaders[theme as ThemeId]();
}
