import type { Lang } from '../../core/schema/text.js';
import { drawnColumns, type ShareCell, type ShareTable } from '../shared/results/share-table.js';
import { chartMessages } from './messages.js';

type HiddenKind = Exclude<ShareCell['kind'], 'value'>;

const REASON_KEYS = {
  masque: 'hiddenMasque',
  insuffisant: 'hiddenInsuffisant',
  aucune: 'hiddenAucune',
  missing: 'hiddenMissing',
} as const satisfies Record<HiddenKind, string>;

/**
 * One sentence for every single figure left out of the drawn series ("11 valeurs ne figurent pas
 * sur le graphique (secret statistique) : le tableau indique lesquelles."), or `undefined` when
 * every figure is drawn. A line per cell before the chart buried it on questions with many
 * answers; the table says which figure is missing and why, in its own cell.
 */
export function hiddenCellsSentence(lang: Lang, table: ShareTable): string | undefined {
  const kinds = new Set<HiddenKind>();
  let count = 0;
  for (const column of drawnColumns(table)) {
    for (const cell of column.cells) {
      if (cell.kind === 'value') continue;
      kinds.add(cell.kind);
      count += 1;
    }
  }
  if (count === 0) return undefined;
  // Reasons in a fixed order, whatever order the cells came in.
  const reasons = (Object.keys(REASON_KEYS) as HiddenKind[])
    .filter((kind) => kinds.has(kind))
    .map((kind) => chartMessages(lang, REASON_KEYS[kind], { minCell: String(table.minCell) }))
    .join(', ');
  return count === 1
    ? chartMessages(lang, 'hiddenOne', { reasons })
    : chartMessages(lang, 'hiddenMany', { count: String(count), reasons });
}
