import type { Block } from './types.js';

/** The block a placed contribution is counted in: its département (else its région alone) and band. */
export function blockOf(placement: Block): Block {
  return { regionCode: placement.regionCode, departementCode: placement.departementCode, band: placement.band };
}

/** A stable text identity of a block, for maps and cache keys. */
export function blockKey(block: Block): string {
  return `${block.regionCode ?? '-'}/${block.departementCode ?? '-'}/${block.band ?? '-'}`;
}

/** Whether two placements fall in the same block. */
export function sameBlock(a: Block, b: Block): boolean {
  return a.regionCode === b.regionCode && a.departementCode === b.departementCode && a.band === b.band;
}
