import type { TemplateResult } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import type { QuestionView } from './question-view.js';
import { renderChoiceQuestion } from './render-choices.js';
import { renderNumberQuestion } from './render-number.js';
import { renderTextQuestion } from './render-text.js';

/**
 * The field of one question, by kind, drawn in controls of its own. Were the controls of the
 * previous step's question in the same place reused, a radio still checked there would, on taking
 * this question's name, uncheck this question's answer (a radio group keeps one checked).
 */
export function renderQuestion(view: QuestionView): unknown {
  return keyed(view.question.id, fieldOf(view));
}

function fieldOf(view: QuestionView): TemplateResult {
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
