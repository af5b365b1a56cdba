import { html, nothing, type TemplateResult } from 'lit';
import { formatNumber } from '../../core/i18n/catalog.js';
import type { Lang } from '../../core/schema/text.js';
import { FRAGILE_BELOW, FRAGILE_MARGIN_POINTS } from '../../core/stats/margin.js';
import { resultsMessages } from '../shared/results/messages.js';
import { cellPrecision, hasFragile, hasMargin, territoryColumn } from '../shared/results/precision.js';
import type { ShareColumn, ShareTable } from '../shared/results/share-table.js';
import { baseText, cellText, editionPublicationText, valueWithMarginText } from '../shared/results/wording.js';
import { columnStateText } from './column-state.js';
import { chartMessages } from './messages.js';

/** A column's respondents: the count when published (0 when nobody answered), else the state in words. */
function countCell(lang: Lang, column: ShareColumn, table: ShareTable): TemplateResult {
  if (column.n === null) return html`<td class="note">${columnStateText(lang, column, table)}</td>`;
  return html`<td class="number">${formatNumber(lang, column.n)}</td>`;
}

/**
 * One figure: "28 % ± 9 pts", a visible "fragile" mark when it rests on few respondents, and for
 * the other series a sentence when it cannot be told apart from the chosen territory's figure.
 */
function figureCell(lang: Lang, table: ShareTable, column: ShareColumn, rowIndex: number): TemplateResult {
  const cell = column.cells[rowIndex] ?? { kind: 'missing' as const };
  const precision = cellPrecision(table, column, rowIndex);
  if (cell.kind !== 'value' || !precision) {
    return html`<td class="note" data-state=${cell.kind}>${cellText(lang, cell, table)}</td>`;
  }
  const reference = territoryColumn(table);
  return html`<td class="number" data-state="value" data-fragile=${precision.fragile ? 'true' : nothing}>
    <span class="figure">${valueWithMarginText(lang, cell, table.decimals, precision.margin)}</span>${precision.fragile
      ? html` <span class="fragile">${resultsMessages(lang, 'fragile')}</span>`
      : nothing}${reference && precision.versusTerritory === 'indistinct'
      ? html` <span class="comparison">${resultsMessages(lang, 'notDistinct', { name: reference.name })}</span>`
      : nothing}
  </td>`;
}

/** The notes that explain the marks the table uses, each only when the table uses it. */
function tableNotes(lang: Lang, table: ShareTable): string[] {
  const notes: string[] = [];
  if (hasMargin(table)) notes.push(resultsMessages(lang, 'marginNote'));
  if (hasFragile(table)) {
    notes.push(resultsMessages(lang, 'fragileNote', { below: String(FRAGILE_BELOW), points: String(FRAGILE_MARGIN_POINTS) }));
  }
  const reference = territoryColumn(table);
  const compared = table.columns.some((column) =>
    column.cells.some((_, index) => cellPrecision(table, column, index)?.versusTerritory !== undefined),
  );
  if (reference && compared) notes.push(resultsMessages(lang, 'comparisonNote', { name: reference.name }));
  return notes;
}

/**
 * The figures of the chart as a real table: one row per answer, one column per territory, the
 * number of respondents, and the median of a number question when published. It is the chart's
 * text alternative: a figure that is not published says its state in words there, each figure
 * carries its margin of error, and the notes under it explain the marks. The CSV has exactly its
 * cells, with margins in columns of their own.
 */
export function dataTable(lang: Lang, table: ShareTable): TemplateResult {
  const caption = chartMessages(lang, 'tableCaption', {
    question: table.questionLabel,
    base: baseText(lang, table.base, table.ponderation),
    publication: editionPublicationText(lang, table.publication),
  });
  const medians = table.columns.some((column) => column.median !== undefined);
  const notes = tableNotes(lang, table);
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
              ${table.columns.map((column) => figureCell(lang, table, column, index))}
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
    ${notes.length > 0 ? html`<ul part="table-notes" class="table-notes">${notes.map((note) => html`<li>${note}</li>`)}</ul>` : nothing}
  `;
}
