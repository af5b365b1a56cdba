import { formatNumber } from '../../core/i18n/catalog.js';
import type { Lang } from '../../core/schema/text.js';
import { publicationDateText } from '../shared/publication-date.js';
import { buildCsv } from '../shared/results/csv.js';
import { resultsMessages } from '../shared/results/messages.js';
import { formatPercentNumber } from '../shared/results/percent.js';
import { ponderationText } from '../shared/results/wording.js';
import type { EvolutionCell, EvolutionView } from './evolution-view.js';
import { evolutionMessages } from './messages.js';

/** The `statut` of a cell: the figure's status in the data, empty when the edition has no figure for the series. */
function cellStatus(cell: EvolutionCell): string {
  if (cell.kind === 'missing') return '';
  return cell.kind === 'value' ? 'publie' : cell.kind;
}

/**
 * The CSV of what the table shows, one row per edition. Context lines come first (question,
 * answer, base, weighting, source, then each edition's publication and date), since a file
 * travels without the page. Numeric columns stay numeric: a percentage is a plain number in the
 * reader's decimal mark, a figure not published an empty cell — never a zero, never words — and
 * each series has its percentage, margin of error in points, `1`/`0` for fragile, respondents
 * and a `statut` column (`publie`, `aucune`, `insuffisant`, `masque`; empty without a figure).
 * A series break is named by its reason's code (`codes_changed`…) in a column of its own.
 */
export function evolutionCsv(lang: Lang, view: EvolutionView): string {
  const t = (key: Parameters<typeof resultsMessages>[1]) => resultsMessages(lang, key);
  const rows: (string | number | null)[][] = [
    [t('questionLabel'), view.questionLabel],
    [t('answerLabel'), view.answerLabel],
    [t('baseLabel'), evolutionMessages(lang, view.ponderation === 'redressee' ? 'subtitleRedressee' : 'subtitle', { answer: view.answerLabel })],
    [t('ponderationLabel'), ponderationText(lang, view.ponderation)],
    [t('sourceLabel'), view.source],
    ...view.editions.map((edition) => [
      evolutionMessages(lang, 'editionLabel'),
      edition.id,
      edition.publication?.id ?? '',
      edition.publication ? publicationDateText(lang, edition.publication.publishedAt) : evolutionMessages(lang, 'noPublication'),
    ]),
    [],
    [
      evolutionMessages(lang, 'editionLabel'),
      t('publicationLabel'),
      evolutionMessages(lang, 'breakColumn'),
      ...view.series.flatMap((series) => [
        resultsMessages(lang, 'percentColumn', { name: series.name }),
        resultsMessages(lang, 'marginColumn', { name: series.name }),
        resultsMessages(lang, 'fragileColumn', { name: series.name }),
        evolutionMessages(lang, 'nColumn', { name: series.name }),
        resultsMessages(lang, 'statusColumn', { name: series.name }),
      ]),
    ],
  ];
  view.editions.forEach((edition, index) => {
    rows.push([
      edition.id,
      edition.publication?.id ?? '',
      edition.breakBefore?.reason ?? '',
      ...view.series.flatMap((series) => {
        const cell = series.cells[index] ?? { kind: 'missing' as const };
        const n = cell.kind === 'missing' || cell.n === null ? '' : formatNumber(lang, cell.n, { useGrouping: false });
        if (cell.kind !== 'value') return ['', '', '', n, cellStatus(cell)];
        return [formatPercentNumber(lang, cell.percent, view.decimals), cell.margin ?? '', cell.fragile ? 1 : 0, n, cellStatus(cell)];
      }),
    ]);
  });
  return buildCsv(rows);
}
