/**
 * The one door to the map's geometry. It is imported dynamically so bundlers put it (about
 * 40 kB gzipped of outlines) in a chunk of its own, which a page downloads only when a map nears
 * the viewport. Nothing else in the element may import the geometry statically.
 */
export type MapGeometry = typeof import('./map-geometry.js');

let pending: Promise<MapGeometry> | undefined;

/** Loads the geometry once per page; a failed load (offline) may be tried again later. */
export function loadMapGeometry(): Promise<MapGeometry> {
  if (!pending) {
    pending = import('./map-geometry.js');
    pending.catch(() => {
      pending = undefined;
    });
  }
  return pending;
}
