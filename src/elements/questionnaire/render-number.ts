import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { isRequired } from '../../core/questionnaire/answers.js';
import type { Question } from '../../core/schema/questionnaire.js';
import { errorId, extraId, fieldId, helpId } from './ids.js';
import type { QuestionView } from './question-view.js';
import { readNumber } from './read-number.js';
import { describedBy, renderError, renderOptional } from './render-parts.js';
import { renderQuestionChange } from './render-change.js';

type NumberQuestion = Extract<Question, { kind: 'number' }>;

/**
 * A number typed as text, with a numeric keyboard and its unit beside it. Not a native number
 * input: one would read "2,5" as 25 under an English browser locale, whatever the page's
 * language. The text is read as the respondent's language writes numbers (see `read-number.ts`);
 * what cannot be read is flagged rather than dropped, and decimals where a whole number is asked
 * are refused by the engine's check, with its message tied to the field.
 */
export function renderNumberQuestion(view: QuestionView, question: NumberQuestion): TemplateResult {
  const { lang } = view;
  const id = question.id;
  const errors = view.errors(id);
  const help = question.help?.[lang];
  const unit = question.unit?.[lang];

  const onInput = (event: Event) => {
    const text = (event.target as HTMLInputElement).value;
    const read = readNumber(text, lang);
    view.handlers.badNumber(id, read.kind === 'unreadable');
    view.handlers.answer(id, read.kind === 'number' ? read.value : undefined, text);
  };

  return html`<div class="field" part="field">
    <label for=${fieldId(id)}>${question.label[lang]}${renderOptional(lang, isRequired(question))}${renderQuestionChange(view.mark)}</label>
    ${help !== undefined ? html`<p class="help" id=${helpId(id)}>${help}</p>` : nothing}
    ${renderError(lang, errorId(id), errors)}
    <div class="number-row">
      <input
        type="text"
        id=${fieldId(id)}
        class="number"
        inputmode=${question.integer ? 'numeric' : 'decimal'}
        autocomplete="off"
        spellcheck="false"
        .value=${live(view.text(id))}
        aria-describedby=${describedBy(help !== undefined && helpId(id), unit !== undefined && extraId(id), errors.length > 0 && errorId(id))}
        aria-invalid=${errors.length > 0 ? 'true' : nothing}
        @input=${onInput}
        @focusout=${() => view.handlers.leave(id)}
      />
      ${unit !== undefined ? html`<span class="unit" id=${extraId(id)}>${unit}</span>` : nothing}
    </div>
  </div>`;
}
