import { html, nothing, svg, type SVGTemplateResult, type TemplateResult } from 'lit';
import type { Lang } from '../../core/schema/text.js';
import { paintOf } from './fills.js';
import type { MapEntry, MapModel } from './map-model.js';
import { entryText } from './map-wording.js';
import { mapMessages } from './messages.js';
import type { InsetOutline } from './overseas-outlines.js';
import { insetOrder } from './territories.js';

/** What the map draws, besides the model: geometry, and who is current, focused or hovered. */
export interface MapViewInput {
  lang: Lang;
  model: MapModel;
  /** Path data of the metropolitan territories, by id. */
  paths: ReadonlyMap<string, string>;
  /** Outlines of the overseas territories, by id, each in a box of its own. */
  insets: ReadonlyMap<string, InsetOutline>;
  viewBox: string;
  /** The territories in keyboard order that have something to draw (a shape or an inset). */
  navigable: readonly MapEntry[];
  /** The one territory in the page's tab order. */
  tabStopId?: string;
  /** The current territory (the element's or the provider's), outlined. */
  currentId?: string;
  /** The territory holding focus, ringed. */
  focusedId?: string;
  /** The territory under the pointer, ringed more lightly. */
  hoverId?: string;
}

/**
 * Under each shape, its edge: the same outline filled and stroked in the border colour, wider
 * than the shape. The shape on top is stroked with its own paint, which closes the hairline gaps
 * the source outlines leave between neighbours (and between the départements of a région), so
 * only the edge's outer rim shows, once per border. Territories are drawn edge then shape, one
 * after the other, so each border stays visible between any two neighbours.
 */
function edge(path: string, kind: string): SVGTemplateResult {
  return svg`<path class="edge ${kind}" d=${path} aria-hidden="true"></path>`;
}

function option(input: MapViewInput, entry: MapEntry, path: string): SVGTemplateResult {
  const paint = paintOf(entry);
  return svg`${edge(path, 'border')}<path
    class="shape ${paint.className}"
    fill=${paint.fill}
    stroke=${paint.fill}
    d=${path}
    role="option"
    data-id=${entry.id}
    tabindex=${entry.id === input.tabStopId ? '0' : '-1'}
    aria-selected=${entry.id === input.currentId ? 'true' : 'false'}
    aria-label=${entryText(input.lang, entry, input.model)}
  ></path>`;
}

/**
 * A territory drawn again on top of the others with a wider edge, so its outline is not hidden
 * by its neighbours: the current territory, the hovered one, the focused one (a focus ring with
 * a halo in the background colour, which keeps it visible on any class colour). Not part of the
 * accessibility tree, and transparent to the pointer.
 */
function ring(input: MapViewInput, id: string | undefined, kinds: readonly string[]): SVGTemplateResult | typeof nothing {
  const entry = id === undefined ? undefined : input.model.entries.find((one) => one.id === id);
  const path = id === undefined ? undefined : input.paths.get(id);
  if (!entry || !path) return nothing;
  const paint = paintOf(entry);
  return svg`<g class="ring" aria-hidden="true">
    ${kinds.map((kind) => edge(path, kind))}
    <path class="paint ${paint.className}" fill=${paint.fill} stroke=${paint.fill} d=${path}></path>
  </g>`;
}

/** Room around an inset's outline, in its own units, so its border is not cut at the box's edge. */
const INSET_MARGIN = 4;

/**
 * An overseas territory: its outline in a box of its own (each inset has its own scale), and its
 * name under it, which the tile's accessible name already says.
 */
function tile(input: MapViewInput, entry: MapEntry, outline: InsetOutline): TemplateResult {
  const paint = paintOf(entry);
  const current = entry.id === input.currentId;
  const viewBox = [-INSET_MARGIN, -INSET_MARGIN, outline.width + 2 * INSET_MARGIN, outline.height + 2 * INSET_MARGIN].join(' ');
  return html`<div
    class="tile ${current ? 'current' : ''}"
    part="inset"
    role="option"
    data-id=${entry.id}
    tabindex=${entry.id === input.tabStopId ? '0' : '-1'}
    aria-selected=${current ? 'true' : 'false'}
    aria-label=${entryText(input.lang, entry, input.model)}
  >
    <svg aria-hidden="true" focusable="false" viewBox=${viewBox}>
      <path class="outline ${paint.className}" fill=${paint.fill} d=${outline.path}></path>
    </svg>
    <span aria-hidden="true">${entry.name}</span>
  </div>`;
}

/**
 * The territories as one listbox, the ARIA pattern for choosing one item among many: a single
 * tab stop, arrows to move (roving tabindex), Enter or Space to choose, and the chosen territory
 * announced as "selected". Each shape is an option named with its figure ("Ille-et-Vilaine :
 * 26 % (n = 42)"), so a screen reader reads the map territory by territory, as the table does.
 * A picture with one summary label (`role="img"`) would hide the territories from keyboards and
 * screen readers; 101 buttons would be 101 tab stops. Two groups split metropolitan France
 * from the overseas territories, each drawn to its outline in an inset of its own (not to scale
 * or position), in one order at both levels: Guadeloupe, Martinique, Guyane, La Réunion, Mayotte.
 */
export function mapView(input: MapViewInput, label: string, hintId: string): TemplateResult {
  const { lang } = input;
  const metropole = input.navigable.filter((entry) => !entry.overseas);
  const overseas = insetOrder(input.navigable);
  return html`
    <div class="listbox" role="listbox" aria-label=${label} aria-describedby=${hintId}>
      <svg class="map" part="svg" role="group" aria-label=${mapMessages(lang, 'metropole')} viewBox=${input.viewBox}>
        ${metropole.map((entry) => option(input, entry, input.paths.get(entry.id)!))}
        ${ring(input, input.currentId, ['current'])} ${ring(input, input.hoverId, ['hover'])}
        ${ring(input, input.focusedId, ['halo', 'focus'])}
      </svg>
      ${overseas.length > 0
        ? html`<div class="insets" part="insets" role="group" aria-labelledby="insets-label">
            <span id="insets-label" class="insets-label">${mapMessages(lang, 'outreMer')}</span>
            ${overseas.map((entry) => {
              const outline = input.insets.get(entry.id);
              return outline ? tile(input, entry, outline) : nothing;
            })}
          </div>`
        : nothing}
    </div>
  `;
}

/** The territories that can be drawn: those with a shape or an inset outline in the geometry. */
export function navigableEntries(model: MapModel, paths: ReadonlyMap<string, string>, insets: ReadonlyMap<string, InsetOutline>): MapEntry[] {
  return model.entries.filter((entry) => (entry.overseas ? insets.has(entry.id) : paths.has(entry.id)));
}
