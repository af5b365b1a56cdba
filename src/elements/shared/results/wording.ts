import { formatNumber } from '../../../core/i18n/catalog.js';
import type { PublicationRef, Ponderation } from '../../../core/schema/results.js';
import type { Lang } from '../../../core/schema/text.js';
import { publicationDateText } from '../publication-date.js';
import { resultsMessages } from './messages.js';
import { formatPercentValue } from './percent.js';
import type { Base, ShareCell, ShareTable, ShareValue, UnpublishedStatus } from './share-table.js';

/**
 * The base in words, e.g. "Part des collectivités ayant répondu à la question". A reweighted
 * figure is not a share of respondents but an estimate for every collectivité of the territory,
 * and says so.
 */
export function baseText(lang: Lang, base: Base, ponderation: Ponderation = 'brute'): string {
  if (ponderation === 'redressee') return resultsMessages(lang, base === 'toutes' ? 'baseToutesRedressee' : 'baseConcerneesRedressee');
  return resultsMessages(lang, base === 'toutes' ? 'baseToutes' : 'baseConcernees');
}

/** The weighting in words. */
export function ponderationText(lang: Lang, ponderation: Ponderation): string {
  return resultsMessages(lang, ponderation);
}

/**
 * Why a figure is not shown, in the words every element, table, file and sentence use:
 * "aucune réponse", "moins de 5 réponses", "masqué (secret statistique)".
 */
export function statusText(lang: Lang, status: UnpublishedStatus, minCell: number): string {
  return resultsMessages(lang, status, { minCell: String(minCell) });
}

/** "n = 2 729", with the reader's thousands separator. */
export function nText(lang: Lang, n: number): string {
  return resultsMessages(lang, 'n', { n: formatNumber(lang, n) });
}

/** "Résultats arrêtés au 6 décembre 2026 à 14 h" / "Results as of 6 December 2026, 2 pm (Paris time)". */
export function publicationText(lang: Lang, publication: PublicationRef): string {
  return resultsMessages(lang, 'publication', { date: publicationDateText(lang, publication.publishedAt) });
}

/**
 * "Édition 2026 : Résultats arrêtés au 6 décembre 2026 à 14 h" / "2026 edition: Results as of …":
 * every figure names the edition it counts; a publication made before editions, its date alone.
 */
export function editionPublicationText(lang: Lang, publication: PublicationRef): string {
  const dated = publicationText(lang, publication);
  return publication.edition === undefined ? dated : resultsMessages(lang, 'editionPublication', { edition: publication.edition, publication: dated });
}

/** The context lines of a CSV naming the publication it comes from: its edition (when it has one), id and date. */
export function publicationCsvLines(lang: Lang, publication: PublicationRef): [string, string][] {
  return [
    ...(publication.edition === undefined ? [] : [[resultsMessages(lang, 'editionLabel'), publication.edition] as [string, string]]),
    [resultsMessages(lang, 'publicationLabel'), publication.id],
    [resultsMessages(lang, 'dateLabel'), publicationDateText(lang, publication.publishedAt)],
  ];
}

/** "Source : …. Édition 2026 : Résultats arrêtés au 6 décembre 2026 à 14 h." */
export function sourceText(lang: Lang, table: Pick<ShareTable, 'source' | 'publication'>): string {
  return resultsMessages(lang, 'source', { source: table.source, publication: editionPublicationText(lang, table.publication) });
}

/** A cell as a reader sees it in the table: "26 %", the state of a figure not published, or "pas de données". */
export function cellText(lang: Lang, cell: ShareCell, table: Pick<ShareTable, 'decimals' | 'minCell'>): string {
  switch (cell.kind) {
    case 'value':
      return formatPercentValue(lang, cell.percent, table.decimals);
    case 'missing':
      return resultsMessages(lang, 'notAsked');
    default:
      return statusText(lang, cell.kind, table.minCell);
  }
}

/** A published figure with its margin of error when it has one: "28 % ± 9 pts", else "28 %". */
export function valueWithMarginText(lang: Lang, cell: ShareValue, decimals: number, margin: number | null): string {
  const value = formatPercentValue(lang, cell.percent, decimals);
  return margin === null ? value : resultsMessages(lang, 'valueWithMargin', { value, points: formatNumber(lang, margin) });
}
