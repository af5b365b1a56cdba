/**
 * Everything of the feedback that is needed only once a confirmation shows it, in one module the
 * questionnaire imports on demand: loading the published figures, drawing their tables, and the
 * tables' words and styles. The first screen never downloads it.
 */
export { feedbackFailureMessage, loadFeedback, loadNextPublication } from './load.js';
export { feedbackStyles } from './styles.js';
export { renderFeedbackBody } from './view.js';
