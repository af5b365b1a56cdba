import type { SeriesRole } from '../../../core/schema/results.js';
import { SERIES_COLOURS } from './palette.js';

/**
 * Each role keeps one colour and texture in every chart of a page, whatever else the chart shows:
 * the chosen territory always the first, the région, France, similar collectivités and the
 * département theirs. A series that is not drawn leaves its slot empty, so the others do not
 * shift: Nouvelle-Aquitaine is vermillion and striped in every chart beside Gironde.
 */
const ROLE_SLOTS: Record<SeriesRole, number> = {
  territoire: 0,
  region: 1,
  france: 2,
  similaires: 3,
  departement: 4,
};

/**
 * The slot (colour and texture) of each series, in order. A role met twice (a results file may
 * hold anything the contract allows) gives its later series the first slot no role uses, then
 * any still free, so two series never look alike while slots remain.
 */
export function seriesSlots(columns: readonly { role: SeriesRole }[]): number[] {
  const used = new Set<number>();
  let reused = 0;
  const spare = () => {
    for (let slot = Object.keys(ROLE_SLOTS).length; slot < SERIES_COLOURS; slot += 1) if (!used.has(slot)) return slot;
    for (let slot = 0; slot < SERIES_COLOURS; slot += 1) if (!used.has(slot)) return slot;
    // More series than slots: colours repeat, and the names beside the bars still tell them apart.
    return reused++ % SERIES_COLOURS;
  };
  return columns.map((column) => {
    const own = ROLE_SLOTS[column.role];
    const slot = used.has(own) ? spare() : own;
    used.add(slot);
    return slot;
  });
}
