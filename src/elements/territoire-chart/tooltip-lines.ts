import type { Lang } from '../../core/schema/text.js';
import { resultsMessages } from '../shared/results/messages.js';
import { cellPrecision, territoryColumn } from '../shared/results/precision.js';
import type { ShareColumn, ShareTable } from '../shared/results/share-table.js';
import { valueWithMarginText } from '../shared/results/wording.js';
import { chartMessages } from './messages.js';

/** What a bar's tooltip says: the figure with its margin, then whole sentences on its precision. */
export interface TooltipText {
  label: string;
  after: string[];
}

/**
 * The tooltip of the bar of `column` for the answer in `rowIndex`, named `name` (the series in
 * grouped bars, the answer in stacked ones): "Bretagne : 34 % ± 7 pts", then whether the figure
 * is fragile and how it compares with the chosen territory's, as the table says it.
 */
export function tooltipLines(lang: Lang, table: ShareTable, column: ShareColumn, rowIndex: number, name: string): TooltipText | undefined {
  const cell = column.cells[rowIndex];
  const precision = cellPrecision(table, column, rowIndex);
  if (cell?.kind !== 'value' || !precision) return undefined;
  const label = chartMessages(lang, 'tooltip', { name, value: valueWithMarginText(lang, cell, table.decimals, precision.margin) });
  const after: string[] = [];
  if (precision.fragile) after.push(chartMessages(lang, 'tooltipFragile'));
  const reference = territoryColumn(table);
  if (reference && precision.versusTerritory) {
    const key = precision.versusTerritory === 'indistinct' ? 'notDistinct' : precision.versusTerritory === 'superieur' ? 'above' : 'below';
    after.push(resultsMessages(lang, key, { name: reference.name }));
  }
  return { label, after };
}
