import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { hasOtherText, isRequired, OTHER_TEXT_MAX_LENGTH, otherTextKey } from '../../core/questionnaire/answers.js';
import { OTHER_CODE, YES_NO_CODES } from '../../core/schema/codes.js';
import { type AnswerOption, type Question } from '../../core/schema/questionnaire.js';
import type { Lang } from '../../core/schema/text.js';
import { errorId, extraId, fieldId, helpId, noteId, optionId } from './ids.js';
import { t } from './messages.js';
import type { QuestionView } from './question-view.js';
import { describedBy, renderError, renderOptional } from './render-parts.js';
import { characterCount } from './render-text.js';
import { renderQuestionChange } from './render-change.js';

type ChoiceQuestion = Extract<Question, { kind: 'yesno' | 'single' | 'multiple' }>;

const YES_NO_KEYS = { oui: 'yes', non: 'no', nsp: 'dont_know' } as const;

function optionsOf(question: ChoiceQuestion, lang: Lang): Array<{ code: string; label: string }> {
  if (question.kind === 'yesno') return YES_NO_CODES.map((code) => ({ code, label: t(lang, YES_NO_KEYS[code]) }));
  return question.options.map((option: AnswerOption) => ({ code: option.code, label: option.label[lang] }));
}

function renderOther(view: QuestionView, optionLabel: string): TemplateResult {
  const key = otherTextKey(view.question.id);
  const errors = view.errors(key);
  const text = view.text(key);
  // The limit shows from the start, not only once it is passed.
  const { count, over } = characterCount(view.lang, text, OTHER_TEXT_MAX_LENGTH);
  return html`<div class="other">
    <label for=${fieldId(key)}>${t(view.lang, 'other_label', { option: optionLabel })}</label>
    ${renderError(view.lang, errorId(key), errors)}
    <input
      type="text"
      id=${fieldId(key)}
      .value=${live(text)}
      aria-describedby=${describedBy(extraId(key), errors.length > 0 && errorId(key))}
      aria-invalid=${errors.length > 0 ? 'true' : nothing}
      @input=${(event: Event) => view.handlers.answer(key, (event.target as HTMLInputElement).value || undefined)}
      @focusout=${() => view.handlers.leave(key)}
    />
    <p class="count ${over ? 'over' : ''}" id=${extraId(key)}>${count}</p>
  </div>`;
}

/**
 * Yes / no / don't know and single choice as radio buttons, multiple choice as checkboxes, all
 * in a fieldset whose legend is the question. The "other, specify" text appears in place,
 * right under its option, when that option is chosen.
 */
export function renderChoiceQuestion(view: QuestionView, question: ChoiceQuestion): TemplateResult {
  const { lang } = view;
  const multiple = question.kind === 'multiple';
  const value = view.value(question.id);
  const selected: unknown[] = multiple ? (Array.isArray(value) ? value : []) : [value];
  const errors = view.errors(question.id);
  const help = question.help?.[lang];
  const options = optionsOf(question, lang);
  const offersOther = hasOtherText(question);

  const exclusive = multiple ? question.exclusive : undefined;
  const labelOf = (code: string) => options.find((option) => option.code === code)?.label ?? code;
  const toggle = (code: string, checked: boolean) => {
    if (!multiple) return view.handlers.answer(question.id, code);
    const chosen = new Set(selected.filter((item): item is string => typeof item === 'string'));
    let note = '';
    if (checked && exclusive !== undefined && code === exclusive && chosen.size > 0) {
      // The answer that excludes the others takes their place at once, rather than an error at "next".
      chosen.clear();
      note = t(lang, 'exclusive_alone', { option: labelOf(code) });
    } else if (checked && exclusive !== undefined && chosen.has(exclusive)) {
      chosen.delete(exclusive);
      note = t(lang, 'exclusive_dropped', { option: labelOf(exclusive) });
    }
    if (checked) chosen.add(code);
    else chosen.delete(code);
    // Definition order, whatever order the boxes were ticked in.
    const codes = options.map((option) => option.code).filter((candidate) => chosen.has(candidate));
    view.handlers.answer(question.id, codes.length > 0 ? codes : undefined);
    if (note !== '') view.handlers.note(question.id, note);
  };

  return html`<fieldset
    class="field"
    part="field"
    id=${fieldId(question.id)}
    role=${multiple ? nothing : 'radiogroup'}
    aria-describedby=${describedBy(help !== undefined && helpId(question.id), errors.length > 0 && errorId(question.id))}
    aria-invalid=${!multiple && errors.length > 0 ? 'true' : nothing}
  >
    <legend>${question.label[lang]}${renderOptional(lang, isRequired(question))}${renderQuestionChange(view.mark)}</legend>
    ${help !== undefined ? html`<p class="help" id=${helpId(question.id)}>${help}</p>` : nothing}
    ${renderError(lang, errorId(question.id), errors)}
    <div class="options">
      ${options.map(
        (option) => html`<div class="option">
            <input
              type=${multiple ? 'checkbox' : 'radio'}
              id=${optionId(question.id, option.code)}
              name=${fieldId(question.id)}
              .value=${option.code}
              .checked=${live(selected.includes(option.code))}
              aria-invalid=${multiple && errors.length > 0 ? 'true' : nothing}
              @change=${(event: Event) => toggle(option.code, (event.target as HTMLInputElement).checked)}
            />
            <label for=${optionId(question.id, option.code)}>${option.label}</label>
          </div>
          ${offersOther && option.code === OTHER_CODE && selected.includes(OTHER_CODE) ? renderOther(view, option.label) : nothing}`,
      )}
    </div>
    ${exclusive !== undefined
      ? html`<p class="note" role="status" id=${noteId(question.id)}>${view.note(question.id)}</p>`
      : nothing}
  </fieldset>`;
}
