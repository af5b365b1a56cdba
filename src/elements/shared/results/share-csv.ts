import { formatNumber } from '../../../core/i18n/catalog.js';
import type { Lang } from '../../../core/schema/text.js';
import { buildCsv } from './csv.js';
import { resultsMessages } from './messages.js';
import { formatPercentNumber } from './percent.js';
import { cellPrecision } from './precision.js';
import type { ShareCell, ShareColumn, ShareTable } from './share-table.js';
import { baseText, ponderationText, publicationCsvLines } from './wording.js';

/** The `statut` of a cell: the figure's status in the data, empty for a code the series does not report. */
function cellStatus(cell: ShareCell | undefined): string {
  if (!cell || cell.kind === 'missing') return '';
  return cell.kind === 'value' ? 'publie' : cell.kind;
}

/** The `statut` of a column's count: a series without the question still publishes its own count. */
function countStatus(column: ShareColumn): string {
  return column.status === 'missing' ? 'publie' : column.status;
}

/** A plain number in the reader's decimal mark, without thousands separator, as spreadsheets read it. */
function plainNumber(lang: Lang, value: number): string {
  return formatNumber(lang, value, { useGrouping: false, maximumFractionDigits: 2 });
}

/**
 * The CSV of exactly what the table shows: the same series, base and rounding. A few lines of
 * context come first (question, base, weighting, source, publication and its date) because a
 * file travels without the page around it; the table follows a blank line. Numeric columns stay
 * numeric: percentages are plain numbers with the reader's decimal mark and no sign, counts carry
 * no thousands separator, and a figure that is not published is an empty cell — never a zero,
 * never words. Each series has four columns: the percentage, its margin of error in points
 * (empty when no interval is published), `1` when the figure is fragile and `0` when not, and a
 * `statut` column holding `publie`, `aucune`, `insuffisant` or `masque` (empty for a code the
 * series does not report).
 */
export function shareTableCsv(lang: Lang, table: ShareTable): string {
  const t = (key: Parameters<typeof resultsMessages>[1]) => resultsMessages(lang, key);
  const rows: (string | number | null)[][] = [
    [t('questionLabel'), table.questionLabel],
    [t('baseLabel'), baseText(lang, table.base, table.ponderation)],
    [t('ponderationLabel'), ponderationText(lang, table.ponderation)],
    [t('sourceLabel'), table.source],
    ...publicationCsvLines(lang, table.publication),
    [],
    [
      t('answerLabel'),
      ...table.columns.flatMap((column) => [
        resultsMessages(lang, 'percentColumn', { name: column.name }),
        resultsMessages(lang, 'marginColumn', { name: column.name }),
        resultsMessages(lang, 'fragileColumn', { name: column.name }),
        resultsMessages(lang, 'statusColumn', { name: column.name }),
      ]),
    ],
  ];
  table.rows.forEach((row, index) => {
    rows.push([
      row.label,
      ...table.columns.flatMap((column) => {
        const cell = column.cells[index];
        const precision = cellPrecision(table, column, index);
        if (cell?.kind !== 'value' || !precision) return ['', '', '', cellStatus(cell)];
        return [formatPercentNumber(lang, cell.percent, table.decimals), precision.margin ?? '', precision.fragile ? 1 : 0, cellStatus(cell)];
      }),
    ]);
  });
  rows.push([t('respondentsLabel'), ...table.columns.flatMap((column) => [column.n, '', '', countStatus(column)])]);
  if (table.columns.some((column) => column.median !== undefined)) {
    rows.push([
      t('medianLabel'),
      ...table.columns.flatMap((column) =>
        column.median === undefined ? ['', '', '', ''] : [plainNumber(lang, column.median), '', '', 'publie'],
      ),
    ]);
  }
  return buildCsv(rows);
}
