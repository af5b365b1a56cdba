import { formatNumber } from '../../core/i18n/catalog.js';
import type { Lang } from '../../core/schema/text.js';
import { resultsMessages } from '../shared/results/messages.js';
import { formatPercentValue } from '../shared/results/percent.js';
import { publicationText, statusText } from '../shared/results/wording.js';
import type { EvolutionCell, EvolutionEditionView, EvolutionView } from './evolution-view.js';
import { evolutionMessages } from './messages.js';

/** A published figure with its margin: "28 % ± 9 pts", else "28 %". */
export function valueText(lang: Lang, cell: Extract<EvolutionCell, { kind: 'value' }>, decimals: number): string {
  const value = formatPercentValue(lang, cell.percent, decimals);
  return cell.margin === null ? value : resultsMessages(lang, 'valueWithMargin', { value, points: formatNumber(lang, cell.margin) });
}

/**
 * A cell as a reader sees it everywhere — table, sentences, tooltips: the figure, the state of a
 * figure not published ("moins de 5 réponses", with that edition's threshold), or why the edition
 * has none ("pas encore publiée", "question non posée").
 */
export function cellText(lang: Lang, cell: EvolutionCell, edition: EvolutionEditionView, view: Pick<EvolutionView, 'decimals'>): string {
  switch (cell.kind) {
    case 'value':
      return valueText(lang, cell, view.decimals);
    case 'missing':
      if (edition.publication === null) return evolutionMessages(lang, 'noPublication');
      if (!edition.asked) return evolutionMessages(lang, 'notAskedInEdition');
      return resultsMessages(lang, 'notAsked');
    default:
      return statusText(lang, cell.kind, edition.minCell ?? 0);
  }
}

/** "Édition 2025 : Résultats arrêtés au 1er décembre 2025 à 10 h", or that it has none yet. */
export function editionText(lang: Lang, edition: EvolutionEditionView): string {
  return edition.publication === null
    ? evolutionMessages(lang, 'editionUnpublished', { edition: edition.id })
    : evolutionMessages(lang, 'editionLine', { edition: edition.id, publication: publicationText(lang, edition.publication) });
}

/** "Source : … . Édition 2025 : … ; édition 2026 : …." — every publication the figures come from. */
export function sourcesText(lang: Lang, view: EvolutionView): string {
  const editions = view.editions.map((edition) => editionText(lang, edition)).join(lang === 'fr' ? ' ; ' : '; ');
  return evolutionMessages(lang, 'sources', { source: view.source, editions });
}
