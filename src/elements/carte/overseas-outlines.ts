/**
 * The outlines of the five overseas départements, drawn in the map's insets.
 *
 * The metropolitan outlines' package does not cover them. These come from the world map of the
 * same collection, by the same author and under the same licence (`@svg-maps/world` 2.0.0 by
 * Victor Cazanave, based on MapSVG, CC BY 4.0, credited under the map with the base map), from
 * its locations `gp`, `mq`, `gf`, `re` and `yt`. Changes made to them: relative coordinates
 * written as absolute ones, each territory moved to its own origin and scaled so that its
 * longer side measures 100 units, coordinates rounded to a tenth. Each inset therefore has a
 * scale of its own: the insets show shapes, not sizes nor distances.
 *
 * Kept in the lazily loaded geometry chunk (only `map-geometry.ts` imports this file).
 */

/** One overseas outline in a box of its own, `width` × `height` units from the origin. */
export interface InsetOutline {
  width: number;
  height: number;
  path: string;
}

/** The outline of each overseas département, by INSEE code. */
export const OVERSEAS_OUTLINES: ReadonlyMap<string, InsetOutline> = new Map([
  // Guadeloupe
  ['971', { width: 96.7, height: 100, path: 'M72.6 44.5L54.3 46.3L42.3 44.9L39.5 33.4L45.7 23.6L41.2 11.7L44.1 4.7L50.2 0L60.3 6.2L61.9 15.1L68.3 23.2L96.7 40.5L72.6 44.5ZM31.8 80.5L19.2 87.7L13 85.5L5.4 71.6L0 33.1L4.2 26.7L7.2 24.4L23.8 29.1L30.7 34.5L37.6 38L34.1 45L35.8 73.9L31.8 80.5ZM87.7 99.4L79.1 100L75.2 98.6L74.1 89L80.8 82.3L84.7 80.7L90.6 88.2L92 94.4L87.7 99.4Z' }],
  // Martinique
  ['972', { width: 85.3, height: 100, path: 'M85.3 84.8L83.1 97.5L77.6 100L69.5 89.4L33.8 90.9L28.4 81.5L28.1 77L45.2 60.9L25 56.6L17.1 49.6L0 15.8L1.4 5.9L8.5 0.7L20 0L41.8 10.9L58 26.5L63.4 26.7L65.3 31.1L62.1 42.1L71.7 51.4L75.9 58.3Z' }],
  // Guyane
  ['973', { width: 81.3, height: 100, path: 'M81.3 47.1L80.4 47.6L78.1 48.9L77.1 50.6L76.5 52.3L75.1 53.4L73.7 54.8L73.3 56L72 56.9L71.8 58.4L68.6 63.7L67.3 66.1L65.5 68.6L64.3 69.6L62.8 71.1L62 72.8L62 74.6L60.9 76.8L60.3 78.7L59.2 79.7L56.5 85.6L56.4 87.7L55.8 88.9L53.8 91.7L52.5 93.4L50.3 94.7L47.9 96L47 97.5L45.3 98.3L44.1 98.3L42.1 97.8L39.4 97.5L38 97.7L37.4 97L36.5 95.3L35.2 94L34.3 94.5L32.5 95.7L30.4 96.4L28.9 96.2L25.6 95.3L24.2 94.9L23.8 94.2L23.3 93.6L22.5 93.9L21.6 94.8L20.3 95.7L18.4 97L14.4 99.2L13.3 100L12.3 99.6L10.6 99.1L8.9 99.1L5 97.6L2.8 96.6L1.8 95.3L0.7 94.8L0 94.4L0.3 94.1L1.3 94L2.2 93.9L3.6 92L5.9 90.7L9.9 83.8L11.5 81L11.7 79.4L12.2 76.2L11.3 72.3L11.7 71.2L15.2 66.4L16.6 63.8L16.7 61.6L17.2 59.9L16.7 59.1L16 58.9L14.6 56.8L13.8 55L11.5 53.3L9.9 51.4L7.3 47.3L7.5 44.9L6.8 44.1L6 43.2L6 42.1L5.5 39.5L4.8 37L4.6 35.5L5.2 32.8L4.8 29.8L4 28.3L3.7 25.9L3.9 23.7L4.6 22.5L4.5 21L7.8 16.3L10.3 13.5L12.6 11.6L14.6 10.1L17.2 2.9L19.1 0.4L21.1 0L31.9 6L36.9 6.5L47.1 9.8L50.8 13.9L59.3 20.8L63.8 23L63.8 24.8L62.8 27.7L65.7 25.2L70.2 29.1L71.4 31.1L72.8 34.7L72.3 37L71.7 38.2L71.7 39.1L73 37.8L73.7 36.8L74 34.4L75 31.4L76.5 31.4L77.6 33.2L80 40.9L80.9 42.5L81.3 45L81.1 46Z' }],
  // La Réunion
  ['974', { width: 100, height: 88.6, path: 'M93.1 83.4L69.8 88.6L53.6 86.7L21.4 71.8L12.8 61.8L0 33.9L2.8 24.1L12.9 6.8L35.9 0L60 2.5L70.8 7.2L83.5 27.5L100 48L97.2 72.5Z' }],
  // Mayotte
  ['976', { width: 53.4, height: 100, path: 'M40.7 97.5L22.1 100L13.4 92L8 73.1L13.5 54.8L15.1 40.1L0 14.5L14.7 0L27.3 16.9L34.4 18.1L53.4 29.9L47.8 51.6L49.1 58.7L40.4 80.4Z' }],
]);
