import type { EditionCatalogue, ThemeWave } from '../../core/editions/catalogue.js';

/**
 * When a shared draft created at `now` in `wave` ends: after the deployment's lifetime
 * (`BAROMETRE_SHARED_DRAFT_DAYS`), or when the theme's wave of the next edition opens if that
 * comes first. A draft belongs to the edition whose wave was open when it was shared: it outlives
 * that wave's close (a refused late submission loses nothing), never into the next edition.
 */
export function sharedDraftEnd(editions: EditionCatalogue, wave: ThemeWave, now: Date, lifetimeMs: number): Date {
  const end = now.getTime() + lifetimeMs;
  const index = editions.editions.findIndex((edition) => edition.id === wave.edition);
  const next = editions.editions[index + 1];
  const nextOpening = next === undefined ? Infinity : editions.wave(next, wave.theme).opensAt.getTime();
  return new Date(Math.min(end, nextOpening));
}
