import type { TemplateResult } from 'lit';
import type { QuestionView } from './question-view.js';
import { renderChoiceQuestion } from './render-choices.js';
import { renderNumberQuestion } from './render-number.js';
import { renderTextQuestion } from './render-text.js';

/** The field of one question, by kind. */
export function renderQuestion(view: QuestionView): TemplateResult {
  const { question } = view;
  switch (question.kind) {
    case 'number':
      return renderNumberQuestion(view, question);
    case 'text':
      return renderTextQuestion(view, question);
    default:
      return renderChoiceQuestion(view, question);
  }
}
