import { html, nothing, type TemplateResult } from 'lit';
import { formatNumber } from '../../core/i18n/catalog.js';
import type { Lang } from '../../core/schema/text.js';
import { resultsMessages } from '../shared/results/messages.js';
import type { ShareColumn, ShareTable } from '../shared/results/share-table.js';
import { baseText, cellText, publicationText } from '../shared/results/wording.js';
import { columnStateText } from './column-state.js';
import { chartMessages } from './messages.js';

/** A column's respondents: the count when published (0 when nobody answered), else the state in words. */
function countCell(lang: Lang, column: ShareColumn, table: ShareTable): TemplateResult {
  if (column.n === null) return html`<td class="note">${columnStateText(lang, column, table)}</td>`;
  return html`<td class="number">${formatNumber(lang, column.n)}</td>`;
}

/**
 * The figures of the chart as a real table: one row per answer, one column per territory, the
 * number of respondents, and the median of a number question when published. It is the chart's
 * text alternative: a figure that is not published says its state in words there, and the CSV
 * has exactly its cells.
 */
export function dataTable(lang: Lang, table: ShareTable): TemplateResult {
  const caption = chartMessages(lang, 'tableCaption', {
    question: table.questionLabel,
    base: baseText(lang, table.base),
    publication: publicationText(lang, table.publication),
  });
  const medians = table.columns.some((column) => column.median !== undefined);
  return html`
    <table part="table">
      <caption>${caption}</caption>
      <thead>
        <tr>
          <th scope="col">${resultsMessages(lang, 'answerLabel')}</th>
          ${table.columns.map((column) => html`<th scope="col">${column.name}</th>`)}
        </tr>
      </thead>
      <tbody>
        ${table.rows.map(
          (row, index) => html`
            <tr>
              <th scope="row">${row.label}</th>
              ${table.columns.map((column) => {
                const cell = column.cells[index] ?? { kind: 'missing' as const };
                return html`<td class=${cell.kind === 'value' ? 'number' : 'note'} data-state=${cell.kind}>${cellText(lang, cell, table)}</td>`;
              })}
            </tr>
          `,
        )}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">${resultsMessages(lang, 'respondentsLabel')}</th>
          ${table.columns.map((column) => countCell(lang, column, table))}
        </tr>
        ${medians
          ? html`<tr>
              <th scope="row">${resultsMessages(lang, 'medianLabel')}</th>
              ${table.columns.map(
                (column) => html`<td class="number">${column.median === undefined ? '' : formatNumber(lang, column.median)}</td>`,
              )}
            </tr>`
          : nothing}
      </tfoot>
    </table>
  `;
}
