import type { Lang } from '../../../core/schema/text.js';
import { buildCsv } from './csv.js';
import { resultsMessages } from './messages.js';
import { formatPercentNumber } from './percent.js';
import type { ShareTable } from './share-table.js';
import { baseText, ponderationText, suppressedText } from './wording.js';

/**
 * The CSV of exactly what the table shows: the same series, base and rounding. A few lines of
 * context come first (question, base, weighting, source, date) because a file travels without
 * the page around it; the table follows a blank line. Percentages are plain numbers with the
 * reader's decimal mark and no sign, so spreadsheets read them as numbers; counts carry no
 * thousands separator for the same reason. A suppressed cell holds its notice, never a zero; a
 * figure the series does not report stays empty.
 */
export function shareTableCsv(lang: Lang, table: ShareTable): string {
  const t = (key: Parameters<typeof resultsMessages>[1]) => resultsMessages(lang, key);
  const suppressed = suppressedText(lang, table.minCell);
  const rows: (string | number)[][] = [
    [t('questionLabel'), table.questionLabel],
    [t('baseLabel'), baseText(lang, table.base)],
    [t('ponderationLabel'), ponderationText(lang, table.ponderation)],
    [t('sourceLabel'), table.source],
    [t('dateLabel'), table.generatedAt.slice(0, 10)],
    [],
    [t('answerLabel'), ...table.columns.map((column) => resultsMessages(lang, 'percentColumn', { name: column.name }))],
  ];
  table.rows.forEach((row, index) => {
    rows.push([
      row.label,
      ...table.columns.map((column) => {
        const cell = column.cells[index];
        if (cell?.kind === 'value') return formatPercentNumber(lang, cell.percent, table.decimals);
        return cell?.kind === 'suppressed' ? suppressed : '';
      }),
    ]);
  });
  rows.push([t('respondentsLabel'), ...table.columns.map((column) => column.n)]);
  return buildCsv(rows);
}
