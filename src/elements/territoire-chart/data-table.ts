import { html, type TemplateResult } from 'lit';
import { formatNumber } from '../../core/i18n/catalog.js';
import type { Lang } from '../../core/schema/text.js';
import { resultsMessages } from '../shared/results/messages.js';
import type { ShareTable } from '../shared/results/share-table.js';
import { baseText, cellText } from '../shared/results/wording.js';
import { chartMessages } from './messages.js';

/**
 * The figures of the chart as a real table: one row per answer, one column per territory, and
 * the number of respondents last. It is the chart's text alternative, and the CSV has exactly
 * its cells.
 */
export function dataTable(lang: Lang, table: ShareTable): TemplateResult {
  const caption = chartMessages(lang, 'tableCaption', { question: table.questionLabel, base: baseText(lang, table.base) });
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
                return html`<td class=${cell.kind === 'value' ? 'number' : 'note'}>${cellText(lang, cell, table)}</td>`;
              })}
            </tr>
          `,
        )}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">${resultsMessages(lang, 'respondentsLabel')}</th>
          ${table.columns.map((column) => html`<td class="number">${formatNumber(lang, column.n)}</td>`)}
        </tr>
      </tfoot>
    </table>
  `;
}
