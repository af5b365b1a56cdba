import { lazy } from '../shared/lazy.js';

/**
 * The one door to the map's geometry (about 40 kB gzipped of outlines), downloaded when a map
 * nears the viewport. Nothing else in the element may import the geometry statically.
 */
export type MapGeometry = typeof import('./map-geometry.js');

export const loadMapGeometry = lazy<MapGeometry>(() => import('./map-geometry.js'));
