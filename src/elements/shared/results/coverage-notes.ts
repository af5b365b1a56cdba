import type { Lang } from '../../../core/schema/text.js';
import { resultsMessages } from './messages.js';
import { formatPercentValue } from './percent.js';
import type { ShareTable } from './share-table.js';

/**
 * A sentence for each drawn series whose estimate stands for only part of its collectivités
 * (some kinds and sizes have no respondent to weight up): the figure is then not about the whole
 * territory, and a reader must be told so beside the chart, not only in the data.
 */
export function coverageNotes(lang: Lang, table: ShareTable): string[] {
  return table.columns
    .filter((column) => column.status === 'publie' && column.coverage !== undefined && column.coverage < 1)
    .map((column) => resultsMessages(lang, 'partialCoverage', { name: column.name, percent: coveredText(lang, column.coverage!) }));
}

/** The part covered, rounded down and never to 100 %: "only 100 %" would hide the gap it reports. */
function coveredText(lang: Lang, coverage: number): string {
  const percent = Math.floor(Number((coverage * 100).toPrecision(12)));
  return formatPercentValue(lang, Math.min(99, Math.max(1, percent)));
}
