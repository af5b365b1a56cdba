import type { Lang } from '../../core/schema/text.js';
import { resultsMessages } from '../shared/results/messages.js';
import type { ShareColumn, ShareTable } from '../shared/results/share-table.js';
import { statusText } from '../shared/results/wording.js';

/**
 * Why a whole series is not drawn, in words: "aucune réponse", "moins de 5 réponses",
 * "masqué (secret statistique)", or "pas de données" when the series does not report the question.
 */
export function columnStateText(lang: Lang, column: ShareColumn, table: Pick<ShareTable, 'minCell'>): string {
  if (column.status === 'missing' || column.status === 'publie') return resultsMessages(lang, 'notAsked');
  return statusText(lang, column.status, table.minCell);
}
