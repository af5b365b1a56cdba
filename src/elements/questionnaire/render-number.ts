import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { isRequired } from '../../core/questionnaire/answers.js';
import type { Question } from '../../core/schema/questionnaire.js';
import { errorId, extraId, fieldId, helpId } from './ids.js';
import type { QuestionView } from './question-view.js';
import { describedBy, renderError, renderOptional } from './render-parts.js';

type NumberQuestion = Extract<Question, { kind: 'number' }>;

/**
 * A native number input with its unit beside it. What the browser cannot read as a number
 * (it then reports an empty value) is flagged rather than silently dropped.
 */
export function renderNumberQuestion(view: QuestionView, question: NumberQuestion): TemplateResult {
  const { lang } = view;
  const id = question.id;
  const errors = view.errors(id);
  const help = question.help?.[lang];
  const unit = question.unit?.[lang];

  const onInput = (event: Event) => {
    const input = event.target as HTMLInputElement;
    const bad = input.validity.badInput;
    view.handlers.badNumber(id, bad);
    const number = input.value === '' ? undefined : Number(input.value);
    view.handlers.answer(id, number !== undefined && Number.isFinite(number) ? number : undefined, input.value);
  };

  return html`<div class="field" part="field">
    <label for=${fieldId(id)}>${question.label[lang]}${renderOptional(lang, isRequired(question))}</label>
    ${help !== undefined ? html`<p class="help" id=${helpId(id)}>${help}</p>` : nothing}
    ${renderError(lang, errorId(id), errors)}
    <div class="number-row">
      <input
        type="number"
        id=${fieldId(id)}
        inputmode=${question.integer ? 'numeric' : 'decimal'}
        step=${question.integer ? '1' : 'any'}
        min=${question.min ?? nothing}
        max=${question.max ?? nothing}
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
