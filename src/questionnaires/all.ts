import type { QuestionnaireDefinition, ThemeId } from '../core/schema/questionnaire.js';
import { communicationDefinition } from './communication.js';
import { cybersecuriteDefinition } from './cybersecurite.js';
import { dematerialisationDefinition } from './dematerialisation.js';
import { donneesDefinition } from './donnees.js';
import { inclusionDefinition } from './inclusion.js';
import { infrastructuresDefinition } from './infrastructures.js';
import { outilsInternesDefinition } from './outils-internes.js';
import { servicesEnLigneDefinition } from './services-en-ligne.js';
import { strategieDefinition } from './strategie.js';

/**
 * Every theme's definition, imported statically. For the server, scripts and tests; browser code
 * should call `loadDefinition` instead so it downloads only the theme it shows.
 */
export const definitions: Readonly<Record<ThemeId, QuestionnaireDefinition>> = {
  inclusion: inclusionDefinition,
  cybersecurite: cybersecuriteDefinition,
  communication: communicationDefinition,
  infrastructures: infrastructuresDefinition,
  'outils-internes': outilsInternesDefinition,
  donnees: donneesDefinition,
  dematerialisation: dematerialisationDefinition,
  'services-en-ligne': servicesEnLigneDefinition,
  strategie: strategieDefinition,
};
