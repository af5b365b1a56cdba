import { html, nothing, type TemplateResult } from 'lit';
import type { SynthesisResponse, SynthesisTheme } from '../../core/schema/synthesis.js';
import type { Lang } from '../../core/schema/text.js';
import { typeset } from '../../core/i18n/typography.js';
import { tableRegion } from '../shared/results/table-region.js';
import { cellOf, cellWords, participationWords, type SynthesisCell } from './cells.js';
import { seriesOf, type SynthesisColumn } from './columns.js';
import { syntheseMessages } from './messages.js';

/** Column headers after the row headers. */
function seriesHeaders(columns: readonly SynthesisColumn[]): TemplateResult[] {
  return columns.map((column) => html`<th scope="col" data-role=${column.role}>${column.name}</th>`);
}

/** How many collectivités answered each theme in each territory: one row per theme. */
export function participationTable(lang: Lang, synthesis: SynthesisResponse, columns: readonly SynthesisColumn[]): TemplateResult {
  const table = html`<table part="table participation">
    <caption>${syntheseMessages(lang, 'participationCaption')}</caption>
    <thead>
      <tr>
        <th scope="col">${syntheseMessages(lang, 'themeColumn')}</th>
        ${seriesHeaders(columns)}
      </tr>
    </thead>
    <tbody>
      ${synthesis.themes.map(
        (theme) => html`<tr>
          <th scope="row">${theme.title[lang]}</th>
          ${columns.map((column) => html`<td class="number">${participationWords(lang, seriesOf(theme, column), synthesis.minCell)}</td>`)}
        </tr>`,
      )}
    </tbody>
  </table>`;
  return tableRegion({ id: 'participation-table', label: syntheseMessages(lang, 'participationRegion'), shown: true, content: table });
}

/** Every figure of a theme's table, so the element can tell whether any is fragile. */
export function themeCells(theme: SynthesisTheme, columns: readonly SynthesisColumn[]): SynthesisCell[][][] {
  return theme.questions.map((question) =>
    question.answers.map((answer) => columns.map((column) => cellOf(seriesOf(theme, column), question.id, answer.code))),
  );
}

/**
 * One theme's headline figures: a group of rows per question, its wording heading the group
 * (`scope="rowgroup"`), a row per answer shown, a cell per territory. Every cell is read with its
 * question, its answer and its territory.
 */
export function themeTable(lang: Lang, theme: SynthesisTheme, columns: readonly SynthesisColumn[], minCell: number): TemplateResult {
  const cells = themeCells(theme, columns);
  const title = theme.title[lang];
  const table = html`<table part="table theme-table">
    <caption>${syntheseMessages(lang, 'themeCaption', { theme: title })}</caption>
    <thead>
      <tr>
        <th scope="col">${syntheseMessages(lang, 'questionColumn')}</th>
        <th scope="col">${syntheseMessages(lang, 'answerColumn')}</th>
        ${seriesHeaders(columns)}
      </tr>
    </thead>
    ${theme.questions.map(
      (question, q) => html`<tbody data-question=${question.id}>
        ${question.answers.map(
          (answer, a) => html`<tr>
            ${a === 0 ? html`<th scope="rowgroup" rowspan=${question.answers.length} class="question">${typeset(lang, question.label[lang])}</th>` : nothing}
            <th scope="row" class="answer">${typeset(lang, answer.label[lang])}</th>
            ${columns.map((column, c) => {
              const cell = cells[q]![a]![c]!;
              return html`<td class="number" data-role=${column.role} data-state=${cell.cell.kind}>${cellWords(lang, cell, minCell)}</td>`;
            })}
          </tr>`,
        )}
      </tbody>`,
    )}
  </table>`;
  return tableRegion({ id: `theme-${theme.theme}`, label: syntheseMessages(lang, 'themeRegion', { theme: title }), shown: true, content: table });
}
