import { html, nothing, type TemplateResult } from 'lit';
import { formatNumber } from '../../core/i18n/catalog.js';
import { answerOf, choosesOther, hasOtherText, isAnswered, otherTextKey } from '../../core/questionnaire/answers.js';
import type { VisibleSection } from '../../core/questionnaire/visibility.js';
import type { CollectiviteSummary } from '../../core/api/schemas.js';
import type { Role } from '../../core/schema/contribution.js';
import type { Answers, Question } from '../../core/schema/questionnaire.js';
import type { Lang } from '../../core/schema/text.js';
import { fieldId, ROLE_FIELD, SIRET_FIELD } from './ids.js';
import { t } from './messages.js';
import { renderQuestionChange } from './render-change.js';

/** What the review page lists, and how its "change" links report. */
export interface ReviewView {
  lang: Lang;
  sections: readonly VisibleSection[];
  answers: Answers;
  siretText: string;
  collectivite: CollectiviteSummary | undefined;
  role: Role | undefined;
  /** Go back to a step and focus a field there. */
  onEdit(step: string, field: string): void;
  /** What a refused edit code or attestation leaves the respondent to choose, above the answers. */
  refusal?: TemplateResult | typeof nothing;
  /** Words marking a question new or changed since the edition whose answers were taken up. */
  mark?(questionId: string): string | undefined;
}

const YES_NO_KEYS: Record<string, 'yes' | 'no' | 'dont_know'> = { oui: 'yes', non: 'no', nsp: 'dont_know' };

function optionLabel(question: Question, code: string, lang: Lang): string {
  if (question.kind === 'yesno') return YES_NO_KEYS[code] ? t(lang, YES_NO_KEYS[code]) : code;
  if (question.kind === 'single' || question.kind === 'multiple') {
    return question.options.find((option) => option.code === code)?.label[lang] ?? code;
  }
  return code;
}

/** An answer as the respondent gave it, in words. */
function answerText(question: Question, answers: Answers, lang: Lang): TemplateResult | string {
  const value = answerOf(answers, question.id);
  if (!isAnswered(value)) return html`<span class="muted">${t(lang, 'no_answer')}</span>`;
  const other = hasOtherText(question) && choosesOther(value) ? answerOf(answers, otherTextKey(question.id)) : undefined;
  const label = (code: string) =>
    code === 'autre' && typeof other === 'string' && other.trim() !== ''
      ? `${optionLabel(question, code, lang)} (${other.trim()})`
      : optionLabel(question, code, lang);
  switch (question.kind) {
    case 'multiple':
      return Array.isArray(value)
        ? html`<ul>
            ${value.map((code) => html`<li>${label(String(code))}</li> `)}
          </ul>`
        : String(value);
    case 'number': {
      const unit = question.unit?.[lang];
      const number = typeof value === 'number' ? formatNumber(lang, value) : String(value);
      return unit === undefined ? number : `${number} ${unit}`;
    }
    case 'text':
      return html`<span class="long-text">${String(value).trim()}</span>`;
    default:
      return label(String(value));
  }
}

function editLink(view: ReviewView, step: string, field: string, label: string): TemplateResult {
  const { lang } = view;
  return html`<a
    class="edit"
    href="#${field}"
    @click=${(event: Event) => {
      event.preventDefault();
      view.onEdit(step, field);
    }}
    >${t(lang, 'edit')}<span class="visually-hidden"> ${t(lang, 'edit_hidden', { label })}</span></a
  >`;
}

/** Every answer on one page, each with a link back to its field, before sending. */
export function renderReview(view: ReviewView, identificationStep: string): TemplateResult {
  const { lang } = view;
  const roleLabel = view.role === 'agent' ? t(lang, 'role_agent') : view.role === 'elu' ? t(lang, 'role_elu') : '';
  return html`<p class="intro">${t(lang, 'review_intro')}</p>
    ${view.refusal ?? nothing}
    <div class="review-group">
      <h4>${t(lang, 'review_identity')}</h4>
      <dl class="review">
        <div>
          <dt>${t(lang, 'review_siret')}</dt>
          <dd>
            ${view.siretText}${view.collectivite ? html` — ${view.collectivite.name}` : nothing}
            ${editLink(view, identificationStep, SIRET_FIELD, t(lang, 'review_siret'))}
          </dd>
        </div>
        <div>
          <dt>${t(lang, 'review_role')}</dt>
          <dd>${roleLabel} ${editLink(view, identificationStep, ROLE_FIELD, t(lang, 'review_role'))}</dd>
        </div>
      </dl>
    </div>
    ${view.sections.map(
      ({ section, questions }) => html`<div class="review-group">
        <h4>${section.title[lang]}</h4>
        <dl class="review">
          ${questions.map(
            (question) => html`<div>
              <dt>${question.label[lang]}${renderQuestionChange(view.mark?.(question.id))}</dt>
              <dd>
                ${answerText(question, view.answers, lang)}
                ${editLink(view, section.id, fieldId(question.id), question.label[lang])}
              </dd>
            </div>`,
          )}
        </dl>
      </div>`,
    )}`;
}
