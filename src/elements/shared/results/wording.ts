import { formatNumber } from '../../../core/i18n/catalog.js';
import type { Ponderation } from '../../../core/schema/results.js';
import type { Lang } from '../../../core/schema/text.js';
import { resultsMessages } from './messages.js';
import { formatPercentValue } from './percent.js';
import type { Base, ShareCell, ShareTable } from './share-table.js';

/** The base in words, e.g. "Part des collectivités ayant répondu à la question". */
export function baseText(lang: Lang, base: Base): string {
  return resultsMessages(lang, base === 'toutes' ? 'baseToutes' : 'baseConcernees');
}

/** The weighting in words. */
export function ponderationText(lang: Lang, ponderation: Ponderation): string {
  return resultsMessages(lang, ponderation);
}

/** "données insuffisantes (moins de 5 réponses)". */
export function suppressedText(lang: Lang, minCell: number): string {
  return resultsMessages(lang, 'suppressed', { minCell });
}

/** "n = 2 729", with the reader's thousands separator. */
export function nText(lang: Lang, n: number): string {
  return resultsMessages(lang, 'n', { n: formatNumber(lang, n) });
}

/** The day results were computed, in words ("15 octobre 2025"). UTC, so every reader sees the same day. */
export function formatDate(lang: Lang, iso: string): string {
  return new Intl.DateTimeFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', { dateStyle: 'long', timeZone: 'UTC' }).format(
    new Date(iso),
  );
}

/** "Source : … Résultats du 15 octobre 2025." */
export function sourceText(lang: Lang, table: Pick<ShareTable, 'source' | 'generatedAt'>): string {
  return resultsMessages(lang, 'source', { source: table.source, date: formatDate(lang, table.generatedAt) });
}

/** A cell as a reader sees it in the table: "26 %", the suppression notice, or "pas de données". */
export function cellText(lang: Lang, cell: ShareCell, table: Pick<ShareTable, 'decimals' | 'minCell'>): string {
  switch (cell.kind) {
    case 'value':
      return formatPercentValue(lang, cell.percent, table.decimals);
    case 'suppressed':
      return suppressedText(lang, table.minCell);
    case 'missing':
      return resultsMessages(lang, 'notAsked');
  }
}
