import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { visibleLength } from '../../core/i18n/text-length.js';
import { isRequired } from '../../core/questionnaire/answers.js';
import type { Question } from '../../core/schema/questionnaire.js';
import type { Lang } from '../../core/schema/text.js';
import { countParams } from './format.js';
import { errorId, extraId, fieldId, helpId } from './ids.js';
import { t } from './messages.js';
import type { QuestionView } from './question-view.js';
import { describedBy, renderError, renderOptional } from './render-parts.js';
import { renderQuestionChange } from './render-change.js';

type TextQuestion = Extract<Question, { kind: 'text' }>;

/** Texts up to this length fit on one line; longer ones get a text area. */
const SINGLE_LINE_MAX = 200;

/**
 * "12 caractères sur 300", or "5 caractères en trop": characters as a person sees them (an emoji
 * is one), counted trimmed, as the engine and the server count them.
 */
export function characterCount(lang: Lang, text: string, max: number): { count: string; over: boolean } {
  const length = visibleLength(text.trim());
  const over = length - max;
  return over > 0
    ? { count: t(lang, 'char_over', countParams(lang, 'over', over)), over: true }
    : { count: t(lang, 'char_count', { ...countParams(lang, 'count', length), max }), over: false };
}

/**
 * A text answer with a character count. The limit is not enforced by `maxlength`: a pasted text
 * would be cut without notice (and `maxlength` counts UTF-16 units, five for 👩‍💻), whereas the
 * count and the error let the respondent choose what to remove.
 */
export function renderTextQuestion(view: QuestionView, question: TextQuestion): TemplateResult {
  const { lang } = view;
  const id = question.id;
  const errors = view.errors(id);
  const help = question.help?.[lang];
  const text = view.text(id);
  const { count, over } = characterCount(lang, text, question.maxLength);
  const describedIds = describedBy(help !== undefined && helpId(id), extraId(id), errors.length > 0 && errorId(id));
  const onInput = (event: Event) => {
    const value = (event.target as HTMLInputElement | HTMLTextAreaElement).value;
    view.handlers.answer(id, value === '' ? undefined : value);
  };

  return html`<div class="field" part="field">
    <label for=${fieldId(id)}>${question.label[lang]}${renderOptional(lang, isRequired(question))}${renderQuestionChange(view.mark)}</label>
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
    <p class="count ${over ? 'over' : ''}" id=${extraId(id)}>${count}</p>
  </div>`;
}
