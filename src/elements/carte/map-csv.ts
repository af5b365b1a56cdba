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
 * territory in the map's order with its code, its share, its respondents and its `statut`
 * (`publie`, `aucune`, `insuffisant`, `masque`). Numeric columns stay numeric: a share or count
 * that is not published is an empty cell, never a zero nor words.
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
      mapMessages(lang, 'nColumn'),
      mapMessages(lang, 'statusColumn'),
    ],
  ];
  for (const entry of model.entries) {
    const share = entry.state === 'value' && entry.percent !== undefined ? formatPercentNumber(lang, entry.percent, model.decimals) : '';
    rows.push([entry.name, entry.code, share, entry.n, statusOf(entry)]);
  }
  return buildCsv(rows);
}
