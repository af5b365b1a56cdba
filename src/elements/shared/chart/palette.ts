/**
 * Default series colours. They start from the Okabe–Ito palette, designed to stay apart for the
 * common colour-vision deficiencies, darkened where needed so that every bar reaches 3:1 against
 * the light surfaces (`#ffffff`, and `#f4f4f6` behind alternate blocks), as WCAG asks of
 * graphics: Okabe–Ito's orange (2.25:1), sky blue (2.31:1) and reddish purple gave way. The
 * orange's place goes to a neutral grey, which stays apart from vermillion whatever the colour
 * vision; a darker ochre comes last. Colour is never the only cue: every slot but the first also
 * has a texture (see `patterns.ts`), and values are written beside the bars.
 */
export const SERIES_PALETTE = [
  '#0072b2', // blue
  '#d55e00', // vermillion
  '#008566', // bluish green, darkened
  '#a8508a', // reddish purple, darkened
  '#5e5e5e', // grey
  '#8f6c00', // ochre (Okabe–Ito orange, darkened)
] as const;

/** How many series colours the styles define (`--barometre-chart-series-1` to `-6`). */
export const SERIES_COLOURS = SERIES_PALETTE.length;
