import type { Lang } from '../../core/schema/text.js';
import { publicationDateText } from '../shared/publication-date.js';
import { buildCsv } from '../shared/results/csv.js';
import { resultsMessages } from '../shared/results/messages.js';
import { formatPercentNumber } from '../shared/results/percent.js';
import { ponderationText } from '../shared/results/wording.js';
import type { MapEntry, MapModel } from './map-model.js';
import { mapMessages } from './messages.js';

/** The `statut` of a territory's share: its status in the data, empty when the data has no figure for it. */
function statusOf(entry: MapEntry): string {
  if (entry.state === 'value') return 'publie';
  return entry.state === 'missing' ? '' : entry.state;
}

/**
 * The map's table as CSV, in the shape of the charts' file: lines of context first (question,
 * answer counted, weighting, source, publication and its date), a blank line, then one row per
 * territory in the map's order with its code, its share, its margin of error in points (empty
 * without a published interval), `1` when the figure is fragile and `0` when not, its respondents
 * and its `statut` (`publie`, `aucune`, `insuffisant`, `masque`), as the charts' file has them.
 * Numeric columns stay numeric: a figure or count that is not published is an empty cell, never
 * a zero nor words.
 */
export function mapTableCsv(lang: Lang, model: MapModel): string {
  const rows: (string | number | null)[][] = [
    [resultsMessages(lang, 'questionLabel'), model.questionLabel],
    [mapMessages(lang, 'answerLabel'), model.answerLabel],
    [resultsMessages(lang, 'ponderationLabel'), ponderationText(lang, model.ponderation)],
    [resultsMessages(lang, 'sourceLabel'), model.source],
    [resultsMessages(lang, 'publicationLabel'), model.publication.id],
    [resultsMessages(lang, 'dateLabel'), publicationDateText(lang, model.publication.publishedAt)],
    [],
    [
      mapMessages(lang, model.level === 'region' ? 'region' : 'departement'),
      mapMessages(lang, 'codeColumn'),
      mapMessages(lang, 'shareCsvColumn', { answer: model.answerLabel }),
      mapMessages(lang, 'marginCsvColumn'),
      mapMessages(lang, 'fragileCsvColumn'),
      mapMessages(lang, 'nColumn'),
      mapMessages(lang, 'statusColumn'),
    ],
  ];
  for (const entry of model.entries) {
    const percent = entry.state === 'value' ? entry.percent : undefined;
    const share = percent === undefined ? '' : formatPercentNumber(lang, percent, model.decimals);
    const fragile = percent === undefined ? '' : entry.fragile ? 1 : 0;
    rows.push([entry.name, entry.code, share, entry.margin ?? '', fragile, entry.n, statusOf(entry)]);
  }
  return buildCsv(rows);
}
