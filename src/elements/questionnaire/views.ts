/**
 * What the questionnaire needs only once its definition is there: drawing each section, the
 * review, the waiting and confirmation pages with the controller loading the confirmation's
 * comparison figures, sharing the draft with colleagues (its panel loads on first use), checking answers and saying what is wrong, walking the definition (visible
 * sections, the steps' order, progress, refusals per field), who may answer (the ProConnect
 * offer, a refused edit code or attestation and its choices), and the drafts' homes. The element
 * imports it at the same time as it fetches the definition (itself a further request or module in
 * every case), so it never delays the form. The identification step (SIRET, role) is the
 * element's own code: it shows before the definition is here.
 */
export { problemMessage } from '../../core/questionnaire/messages.js';
export { normalizeAnswers } from '../../core/questionnaire/normalize.js';
export { validateSection } from '../../core/questionnaire/validation.js';
export { renderConfirmation, renderWaiting } from './render-outcome.js';
export { FeedbackController } from './feedback/controller.js';
export { VerificationController } from './verification/controller.js';
export { PreviousAnswersController } from './previous/controller.js';
export { renderProgress } from './render-parts.js';
export { renderQuestion } from './render-question.js';
export { renderReview } from './render-review.js';
export { fieldsOnScreen } from './fields-on-screen.js';
export { sectionFieldProblems } from '../../core/questionnaire/field-problems.js';
export { findQuestion } from '../../core/questionnaire/question-index.js';
export { progress } from '../../core/questionnaire/progress.js';
export { firstRefusedSection, refusedFields, withoutField } from '../../core/questionnaire/server-problems.js';
export { nextStep, previousStep, stepKeys, stepKind, stepPlace } from '../../core/questionnaire/step-keys.js';
export { visibleSections } from '../../core/questionnaire/visibility.js';
export { forgetDraftCopies, loadDraft, saveDraftCopies } from './draft-refs.js';
export { answerOf, parseAnswerKey } from '../../core/questionnaire/answers.js';
export { ApiError, answerProblemsOf } from '../../core/api/errors.js';
export { forgetOwnAnswers, headlineQuestions, keepOwnAnswers, loadOwnAnswers } from './feedback/own-answers.js';
export { clearReceipt, loadReceipt, receiptOf } from './draft.js';
export { typesetDefinition } from './typeset-definition.js';
export { writeNumber } from './read-number.js';
export { renderFeedback } from './feedback/shell.js';
export { adoptLateParts } from './late-parts.js';
export { DraftNotice } from './draft-notice.js';
