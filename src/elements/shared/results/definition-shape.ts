import type { QuestionnaireDefinition } from '../../../core/schema/questionnaire.js';

/**
 * A quick look at a questionnaire definition served beside figures, before it words them: its
 * theme, and for every question what a figure reads (id, label, kind, the labels of its options
 * and bins). The full contract (`core/schema/questionnaire.ts`) is checked once the first frame
 * is painted, like the figures' own; a definition that fails either gives way to the bundled one.
 */

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const isText = (value: unknown): value is string => typeof value === 'string' && value.length > 0;
const isWording = (value: unknown) => isObject(value) && isText(value.fr) && isText(value.en);
const isLabelled = (item: unknown) => isObject(item) && isText(item.code) && isWording(item.label);
const listOf = (value: unknown, check: (item: unknown) => boolean) => Array.isArray(value) && value.every(check);

function isQuestion(question: unknown): boolean {
  if (!isObject(question) || !isText(question.id) || !isText(question.kind) || !isWording(question.label)) return false;
  if (question.options !== undefined && !listOf(question.options, isLabelled)) return false;
  return question.bins === undefined || listOf(question.bins, isLabelled);
}

/** Whether a body looks like the definition of `theme`, enough to word its figures. */
export function hasDefinitionShape(body: unknown, theme: string): body is QuestionnaireDefinition {
  return (
    isObject(body) &&
    body.theme === theme &&
    isText(body.version) &&
    listOf(body.sections, (section) => isObject(section) && isText(section.id) && listOf(section.questions, isQuestion))
  );
}
