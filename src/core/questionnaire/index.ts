/**
 * The questionnaire engine: pure, DOM-free rules over questionnaire definitions, shared by the
 * browser element and the server so that both accept exactly the same contributions.
 */
export {
  OTHER_TEXT_MAX_LENGTH,
  answerOf,
  choosesOther,
  hasOtherText,
  isAnswered,
  isAnswerValue,
  isRequired,
  otherTextKey,
  parseAnswerKey,
} from './answers.js';
export type { AnswerInput, ParsedAnswerKey } from './answers.js';
export { askedOf, conditionQuestions, evaluateCondition } from './conditions.js';
export type { CollectiviteProfile } from './conditions.js';
export { checkDefinition } from './definition-check.js';
export type { DefinitionIssue, DefinitionIssueCode } from './definition-check.js';
export { problemMessage } from './messages.js';
export { normalizeAnswers } from './normalize.js';
export { PROBLEM_CODES } from './problems.js';
export type { Problem, ProblemCode } from './problems.js';
export { adjacentSectionId, progress, stepIndex, steps } from './progress.js';
export type { Progress, Step } from './progress.js';
export { findQuestion, questionIndex } from './question-index.js';
export type { IndexedQuestion, QuestionIndex } from './question-index.js';
export { fnv1a32, hashAnswers, serializeAnswers, stableStringify } from './serialize.js';
export { validateContribution, validateQuestion, validateSection } from './validation.js';
export { isQuestionVisible, visibleQuestionIds, visibleQuestions, visibleSections } from './visibility.js';
export type { VisibleSection } from './visibility.js';
