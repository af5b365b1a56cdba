import { html, nothing, type TemplateResult } from 'lit';

/**
 * Beside a question's label, in words that are part of its accessible name: "Nouvelle question",
 * "Question modifiée depuis l'édition 2025" (see `previous/controller.ts`); nothing otherwise.
 */
export function renderQuestionChange(mark: string | undefined): TemplateResult | typeof nothing {
  return mark === undefined ? nothing : html` <span class="question-change" part="question-change">${mark}</span>`;
}
