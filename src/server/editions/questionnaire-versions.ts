import type { QuestionnaireDefinition, ThemeId } from '../../core/schema/questionnaire.js';
import type { ServerContext } from '../context.js';

/**
 * The definition a contribution was answered with, by its version: the one served, or one an
 * earlier edition asked (`questionnaires/earlier.ts`); `undefined` when this server holds neither.
 */
export function definitionOfVersion(
  context: Pick<ServerContext, 'definitions' | 'earlierDefinitions'>,
  theme: ThemeId,
  version: string,
): QuestionnaireDefinition | undefined {
  const served = context.definitions[theme];
  if (served.version === version) return served;
  return context.earlierDefinitions.find((definition) => definition.theme === theme && definition.version === version);
}
