import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { isRequired } from '../../core/questionnaire/answers.js';
import type { Question } from '../../core/schema/questionnaire.js';
import { countParams } from './format.js';
import { errorId, extraId, fieldId, helpId } from './ids.js';
import { t } from './messages.js';
import type { QuestionView } from './question-view.js';
import { describedBy, renderError, renderOptional } from './render-parts.js';

type TextQuestion = Extract<Question, { kind: 'text' }>;

/** Texts up to this length fit on one line; longer ones get a text area. */
const SINGLE_LINE_MAX = 200;

/**
 * A text answer with a character count. The limit is not enforced by `maxlength`: a pasted text
 * would be cut without notice, whereas the count and the error let the respondent choose what
 * to remove. Lengths are counted trimmed, as the answer is stored.
 */
export function renderTextQuestion(view: QuestionView, question: TextQuestion): TemplateResult {
  const { lang } = view;
  const id = question.id;
  const errors = view.errors(id);
  const help = question.help?.[lang];
  const text = view.text(id);
  const length = text.trim().length;
  const over = length - question.maxLength;
  const count =
    over > 0
      ? t(lang, 'char_over', countParams(lang, 'over', over))
      : t(lang, 'char_count', { ...countParams(lang, 'count', length), max: question.maxLength });
  const describedIds = describedBy(help !== undefined && helpId(id), extraId(id), errors.length > 0 && errorId(id));
  const onInput = (event: Event) => {
    const value = (event.target as HTMLInputElement | HTMLTextAreaElement).value;
    view.handlers.answer(id, value === '' ? undefined : value);
  };

  return html`<div class="field" part="field">
    <label for=${fieldId(id)}>${question.label[lang]}${renderOptional(lang, isRequired(question))}</label>
    ${help !== undefined ? html`<p class="help" id=${helpId(id)}>${help}</p>` : nothing}
    ${renderError(lang, errorId(id), errors)}
    ${question.maxLength > SINGLE_LINE_MAX
      ? html`<textarea
          id=${fieldId(id)}
          rows="5"
          .value=${live(text)}
          aria-describedby=${describedIds}
          aria-invalid=${errors.length > 0 ? 'true' : nothing}
          @input=${onInput}
          @focusout=${() => view.handlers.leave(id)}
        ></textarea>`
      : html`<input
          type="text"
          id=${fieldId(id)}
          .value=${live(text)}
          aria-describedby=${describedIds}
          aria-invalid=${errors.length > 0 ? 'true' : nothing}
          @input=${onInput}
          @focusout=${() => view.handlers.leave(id)}
        />`}
    <p class="count ${over > 0 ? 'over' : ''}" id=${extraId(id)}>${count}</p>
  </div>`;
}
