import { html, nothing, type TemplateResult } from 'lit';
import type { Lang } from '../../core/schema/text.js';
import type { MapEntry, MapModel } from './map-model.js';
import { countText, figureText, fragileText } from './map-wording.js';

/** Room between a shape and its tooltip, in CSS pixels. */
const GAP = 8;

/**
 * The tooltip of the hovered or focused territory: name, figure and its margin or its state in
 * words, respondents when their number is published ("n = 42", or "89 sur 277" on a participation map), and why the figure is fragile when it is.
 * It repeats what
 * the shape's accessible name already says, so it is hidden from assistive technologies. It
 * lies inside the map box, so it stays while the pointer moves onto it, and the element lets
 * Escape dismiss it, as WCAG 1.4.13 asks of content shown on hover or focus.
 */
export function tooltipView(lang: Lang, entry: MapEntry | undefined, model: MapModel): TemplateResult {
  const count = entry ? countText(lang, entry) : undefined;
  const fragile = entry ? fragileText(lang, entry) : undefined;
  return html`
    <div part="tooltip" class="tooltip" aria-hidden="true" ?hidden=${!entry}>
      ${entry
        ? html`<strong>${entry.name}</strong>
            <span>${figureText(lang, entry, model)}</span>
            ${count === undefined ? nothing : html`<span>${count}</span>`}
            ${fragile === undefined ? nothing : html`<span class="fragile">${fragile}</span>`}`
        : nothing}
    </div>
  `;
}

/**
 * Puts the tooltip above its territory, centred, or below it when there is no room above, and
 * never past the sides of the map box. Set through the style object, which a strict
 * Content-Security-Policy allows.
 */
export function placeTooltip(tooltip: HTMLElement, box: HTMLElement, target: Element): void {
  const area = box.getBoundingClientRect();
  const shape = target.getBoundingClientRect();
  const left = shape.left + shape.width / 2 - area.left - tooltip.offsetWidth / 2;
  let top = shape.top - area.top - tooltip.offsetHeight - GAP;
  if (top < 0) top = shape.bottom - area.top + GAP;
  tooltip.style.left = `${Math.max(0, Math.min(left, area.width - tooltip.offsetWidth))}px`;
  tooltip.style.top = `${top}px`;
}
