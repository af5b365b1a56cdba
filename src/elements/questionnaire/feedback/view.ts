import { html, nothing, type TemplateResult } from 'lit';
import { findQuestion } from '../../../core/questionnaire/question-index.js';
import type { QuestionnaireDefinition } from '../../../core/schema/questionnaire.js';
import type { Lang } from '../../../core/schema/text.js';
import { populationBandLabel } from '../../../core/territory/labels.js';
import { publicationDateText } from '../../shared/publication-date.js';
import { formatShare } from '../../shared/results/percent.js';
import { statusText } from '../../shared/results/wording.js';
import type { FeedbackState } from './state.js';
import type { FeedbackCell, FeedbackColumn, FeedbackFigures, FeedbackQuestion } from './figures.js';
import { feedbackText } from './messages.js';
import { ownCodes, type OwnAnswers } from './own-answers.js';
import { t } from '../messages.js';

/** What the feedback's body is drawn from. */
export interface FeedbackView {
  lang: Lang;
  state: FeedbackState;
  definition: QuestionnaireDefinition;
  /** The answers just sent, when this device still has them. */
  own?: OwnAnswers;
}

function answerLabel(lang: Lang, definition: QuestionnaireDefinition, questionId: string, code: string): string {
  const question = findQuestion(definition, questionId);
  if (question?.kind === 'yesno') {
    if (code === 'oui') return t(lang, 'yes');
    if (code === 'non') return t(lang, 'no');
    if (code === 'nsp') return t(lang, 'dont_know');
  }
  if (question?.kind === 'single' || question?.kind === 'multiple') {
    const option = question.options.find((candidate) => candidate.code === code);
    if (option) return option.label[lang];
  }
  return code;
}

function columnName(lang: Lang, column: FeedbackColumn): string {
  if (column.role === 'similaires') return feedbackText(lang, 'peers_column');
  if (column.role === 'france') return feedbackText(lang, 'france_column');
  return column.name;
}

function cellText(lang: Lang, cell: FeedbackCell, minCell: number): string {
  if (cell.kind === 'share') return formatShare(lang, cell.share);
  if (cell.kind === 'missing') return feedbackText(lang, 'missing');
  return statusText(lang, cell.kind, minCell);
}

/**
 * One key question as a table: a row per answer, the respondent's own answer marked by a check
 * mark and the words "your answer" (never by colour alone), then a share per comparison. Each
 * cell carries its column's name so that, on a narrow screen where rows are stacked, every
 * figure keeps its label.
 */
function renderQuestion(view: FeedbackView, figures: FeedbackFigures, question: FeedbackQuestion): TemplateResult {
  const { lang, definition, own } = view;
  const label = findQuestion(definition, question.id)?.label[lang] ?? question.id;
  const mine = ownCodes(own, question.id);
  const unanswered = own !== undefined && mine.length === 0;
  const noteId = `feedback-note-${question.id}`;
  const ownName = feedbackText(lang, 'own_column');
  return html`<table class="feedback-table" part="feedback-table" aria-describedby=${unanswered ? noteId : nothing}>
      <caption>${label}</caption>
      <thead>
        <tr>
          <th scope="col">${feedbackText(lang, 'answer_column')}</th>
          ${own ? html`<th scope="col">${ownName}</th>` : nothing}
          ${figures.columns.map((column) => html`<th scope="col" class="share">${columnName(lang, column)}</th>`)}
        </tr>
      </thead>
      <tbody>
        ${question.codes.map((code, row) => {
          const chosen = mine.includes(code);
          return html`<tr class=${chosen ? 'own' : ''}>
            <th scope="row">${answerLabel(lang, definition, question.id, code)}</th>
            ${own
              ? html`<td class="mine" data-label=${ownName}>${chosen
                  ? html`<span aria-hidden="true">✓</span> ${feedbackText(lang, 'own_mark')}`
                  : nothing}</td>`
              : nothing}
            ${figures.columns.map((column, index) => {
              const cell = question.cells[index]?.[row] ?? { kind: 'missing' };
              return html`<td class=${cell.kind === 'share' ? 'share' : 'share unavailable'} data-label=${columnName(lang, column)}>
                ${cellText(lang, cell, figures.minCell)}
              </td>`;
            })}
          </tr>`;
        })}
      </tbody>
    </table>
    ${unanswered ? html`<p class="muted" id=${noteId}>${feedbackText(lang, 'not_answered')}</p>` : nothing}`;
}

function renderFigures(view: FeedbackView, figures: FeedbackFigures): TemplateResult {
  const { lang } = view;
  const shows = (kind: FeedbackCell['kind']) =>
    figures.questions.some((question) => question.cells.some((cells) => cells.some((cell) => cell.kind === kind)));
  return html`${figures.peers
      ? html`<p>
          ${feedbackText(lang, 'peers_intro', {
            kind: feedbackText(lang, `peers_${figures.peers.kind}`),
            band: populationBandLabel(lang, figures.peers.band),
          })}
        </p>`
      : nothing}
    <p class="feedback-publication" part="feedback-publication">
      ${feedbackText(lang, 'publication_note', { date: publicationDateText(lang, figures.publication.publishedAt) })}
    </p>
    ${view.own ? nothing : html`<p>${feedbackText(lang, 'own_unknown')}</p>`}
    ${figures.questions.map((question) => renderQuestion(view, figures, question))}
    <div class="feedback-notes">
      <p>${feedbackText(lang, 'base_note')}</p>
      ${shows('insuffisant') ? html`<p>${feedbackText(lang, 'insuffisant_note', { minCell: String(figures.minCell) })}</p>` : nothing}
      ${shows('masque') ? html`<p>${feedbackText(lang, 'masque_note')}</p>` : nothing}
      <p>${feedbackText(lang, 'source', { source: figures.source[lang] })}</p>
    </div>`;
}

/**
 * The body of the feedback, inside the frame of `shell.ts`: its introduction, and the
 * figures once they are ready.
 */
export function renderFeedbackBody(view: FeedbackView): { intro: TemplateResult; figures?: TemplateResult } {
  const { lang, state } = view;
  const intro = html`<p>${feedbackText(lang, 'intro')}</p>`;
  return state.status === 'ready' ? { intro, figures: renderFigures(view, state.figures) } : { intro };
}
