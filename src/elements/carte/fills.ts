import { html, nothing, type TemplateResult } from 'lit';
import type { MapEntry } from './map-model.js';

/**
 * How a territory is painted. Values take their class colour through a CSS class (so the
 * `--barometre-map-class-*` properties apply); the two kinds of "no figure" take SVG patterns,
 * which carry texture as well as colour: hatching for suppressed figures, dots on grey for
 * territories without respondents.
 */

const HATCH = 'carte-hatch';
const DOTS = 'carte-dots';

/** The paint of one kind of swatch or territory: a class name, or a pattern reference. */
export interface Paint {
  className: string;
  fill: string | typeof nothing;
}

/** Hatched: the figure is hidden by statistical confidentiality. */
export const SUPPRESSED_PAINT: Paint = { className: 'suppressed', fill: `url(#${HATCH})` };

/** Dotted neutral: nobody answered there (or the answer is not reported). */
export const EMPTY_PAINT: Paint = { className: 'empty', fill: `url(#${DOTS})` };

/** The paint of palette colour 1 to 5. */
export function classPaint(colour: number): Paint {
  return { className: `c${colour}`, fill: nothing };
}

/** The paint of a territory. */
export function paintOf(entry: MapEntry): Paint {
  if (entry.state === 'value' && entry.colour !== undefined) return classPaint(entry.colour);
  return entry.state === 'suppressed' ? SUPPRESSED_PAINT : EMPTY_PAINT;
}

/**
 * The patterns, in an SVG of their own rendered before the map, the tiles and the legend, which
 * all refer to them: a pattern inside the map itself would be missing while the geometry loads.
 * It is sized to nothing rather than `display: none`, which stops browsers painting patterns.
 */
export function patternDefs(): TemplateResult {
  return html`
    <svg class="defs" aria-hidden="true" focusable="false" width="0" height="0">
      <defs>
        <pattern id=${HATCH} patternUnits="userSpaceOnUse" width="8" height="8" patternTransform="rotate(45)">
          <rect class="hatch-back" width="8" height="8"></rect>
          <line class="hatch-line" x1="4" y1="0" x2="4" y2="8"></line>
        </pattern>
        <pattern id=${DOTS} patternUnits="userSpaceOnUse" width="7" height="7">
          <rect class="dots-back" width="7" height="7"></rect>
          <circle class="dot" cx="3.5" cy="3.5" r="1.1"></circle>
        </pattern>
      </defs>
    </svg>
  `;
}

/** A small legend swatch painted like a territory. */
export function swatch(paint: Paint, extraClass = ''): TemplateResult {
  return html`<svg class="swatch" aria-hidden="true" focusable="false" viewBox="0 0 24 16">
    <rect class="${paint.className} ${extraClass}" fill=${paint.fill} x="0.5" y="0.5" width="23" height="15"></rect>
  </svg>`;
}
