import { html, nothing, type TemplateResult } from 'lit';
import type { EntryState, MapEntry } from './map-model.js';

/**
 * How a territory is painted. Values take their class colour through a CSS class (so the
 * `--barometre-map-class-*` properties apply); each kind of "no figure" takes an SVG pattern of
 * its own, which carries texture as well as colour, so no state is told by colour alone:
 * - masked by statistical secrecy: diagonal hatching on white;
 * - fewer respondents than the threshold: cross-hatching on white;
 * - nobody answered: dots on grey;
 * - no collectivité of the kind a participation map counts: rings on white;
 * - no figure in the data: horizontal lines on grey.
 */

const PATTERNS = {
  masque: 'carte-hatch',
  insuffisant: 'carte-cross',
  aucune: 'carte-dots',
  sans: 'carte-rings',
  missing: 'carte-lines',
} as const;

/** The states drawn with a pattern, in the order the legend lists them. */
export const PATTERN_STATES = ['aucune', 'insuffisant', 'masque', 'sans', 'missing'] as const satisfies readonly EntryState[];
export type PatternState = (typeof PATTERN_STATES)[number];

/** The paint of one kind of swatch or territory: a class name, or a pattern reference. */
export interface Paint {
  className: string;
  fill: string | typeof nothing;
}

/** The paint of a state without a figure. */
export function statePaint(state: PatternState): Paint {
  return { className: state, fill: `url(#${PATTERNS[state]})` };
}

/** The paint of palette colour 1 to 5. */
export function classPaint(colour: number): Paint {
  return { className: `c${colour}`, fill: nothing };
}

/** The paint of a territory. */
export function paintOf(entry: MapEntry): Paint {
  if (entry.state === 'value') return entry.colour === undefined ? statePaint('missing') : classPaint(entry.colour);
  return statePaint(entry.state);
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
        <pattern id=${PATTERNS.masque} patternUnits="userSpaceOnUse" width="8" height="8" patternTransform="rotate(45)">
          <rect class="hatch-back" width="8" height="8"></rect>
          <line class="hatch-line" x1="4" y1="0" x2="4" y2="8"></line>
        </pattern>
        <pattern id=${PATTERNS.insuffisant} patternUnits="userSpaceOnUse" width="8" height="8" patternTransform="rotate(45)">
          <rect class="hatch-back" width="8" height="8"></rect>
          <line class="hatch-line" x1="4" y1="0" x2="4" y2="8"></line>
          <line class="hatch-line" x1="0" y1="4" x2="8" y2="4"></line>
        </pattern>
        <pattern id=${PATTERNS.aucune} patternUnits="userSpaceOnUse" width="7" height="7">
          <rect class="dots-back" width="7" height="7"></rect>
          <circle class="dot" cx="3.5" cy="3.5" r="1.1"></circle>
        </pattern>
        <pattern id=${PATTERNS.sans} patternUnits="userSpaceOnUse" width="8" height="8">
          <rect class="hatch-back" width="8" height="8"></rect>
          <circle class="hollow" cx="4" cy="4" r="2"></circle>
        </pattern>
        <pattern id=${PATTERNS.missing} patternUnits="userSpaceOnUse" width="7" height="7">
          <rect class="dots-back" width="7" height="7"></rect>
          <line class="line" x1="0" y1="3.5" x2="7" y2="3.5"></line>
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
