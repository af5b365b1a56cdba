import type { QuestionnaireDefinition } from '../core/schema/questionnaire.js';

/**
 * Definitions of questionnaire versions an earlier edition asked and the release no longer
 * serves. The server reads a collectivité's earlier answers with them, to carry over to the
 * current questionnaire those whose question is unchanged. When an edition moves a theme to a new
 * version, the version it replaces comes here, so that the next edition's respondents do not
 * start from nothing. Empty while every edition asks the versions served (2.0.0).
 */
export const earlierDefinitions: readonly QuestionnaireDefinition[] = [];
