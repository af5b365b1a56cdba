import type { Lang } from '../../core/schema/text.js';
import { buildCsv } from '../shared/results/csv.js';
import { formatPercentNumber } from '../shared/results/percent.js';
import type { MapEntry, MapModel } from './map-model.js';
import { mapMessages } from './messages.js';

/** The `statut` of a territory's share: its status in the data, empty when the data has no figure for it. */
function statusOf(entry: MapEntry): string {
  if (entry.state === 'value') return 'publie';
  return entry.state === 'missing' ? '' : entry.state;
}

type Cell = string | number | null;

/** The columns of a measure after the share: margin and fragility for results, the collectivités held for participation. */
function measureColumns(lang: Lang, model: MapModel): { header: string[]; cells: (entry: MapEntry, shown: boolean) => Cell[] } {
  if (model.measure === 'participation') {
    return {
      header: [mapMessages(lang, 'nColumn'), model.words.totalColumn ?? ''],
      cells: (entry) => [entry.n, entry.total ?? ''],
    };
  }
  return {
    header: [mapMessages(lang, 'marginCsvColumn'), mapMessages(lang, 'fragileCsvColumn'), mapMessages(lang, 'nColumn')],
    cells: (entry, shown) => [entry.margin ?? '', shown ? (entry.fragile ? 1 : 0) : '', entry.n],
  };
}

/**
 * The map's table as CSV, in the shape of the charts' file: lines of context first (for results
 * the question, answer counted, weighting; for participation the theme, kind counted, edition;
 * then the source, publication and its date), a blank line, then one row per territory in the
 * map's order with its code and its share. A results map then gives the margin of error in points
 * (empty without a published interval), `1` when the figure is fragile and `0` when not, and its
 * respondents; a participation map its respondents and the collectivités of the kind it holds.
 * Last, the `statut` (`publie`, `aucune`, `insuffisant`, `masque`, and `sans` for a territory
 * holding none of the kind counted), as the charts' file has them. Numeric columns stay numeric:
 * a figure or count that is not published is an empty cell, never a zero nor words.
 */
export function mapTableCsv(lang: Lang, model: MapModel): string {
  const columns = measureColumns(lang, model);
  const rows: Cell[][] = [
    ...model.csvContext,
    [],
    [
      mapMessages(lang, model.level === 'region' ? 'region' : 'departement'),
      mapMessages(lang, 'codeColumn'),
      model.words.shareCsvColumn,
      ...columns.header,
      mapMessages(lang, 'statusColumn'),
    ],
  ];
  for (const entry of model.entries) {
    const percent = entry.state === 'value' ? entry.percent : undefined;
    const share = percent === undefined ? '' : formatPercentNumber(lang, percent, model.decimals);
    rows.push([entry.name, entry.code, share, ...columns.cells(entry, percent !== undefined), statusOf(entry)]);
  }
  return buildCsv(rows);
}
