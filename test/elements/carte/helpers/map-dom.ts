import { waitUntil } from '@open-wc/testing';
import type { BarometreCarte } from '../../../../src/elements/carte/barometre-carte.js';
import { part, shadow, text } from '../../charts/helpers/dom.js';

export { part, shadow, text };

/** Waits until the map is drawn: figures received and geometry loaded. */
export async function untilDrawn(el: BarometreCarte): Promise<void> {
  await waitUntil(() => shadow(el).querySelector('svg.map path[role="option"]'), 'the map was never drawn', { timeout: 8000 });
  await el.updateComplete;
}

/** The option (shape or tile) of a territory. */
export function optionOf(el: Element, id: string): SVGElement | HTMLElement {
  const found = shadow(el).querySelector<SVGElement | HTMLElement>(`[role="option"][data-id="${id}"]`);
  if (!found) throw new Error(`no option for ${id}`);
  return found;
}

/** What carries a territory's paint: its shape, or the outline in its inset. */
export function paintedOf(el: Element, id: string): Element {
  const option = optionOf(el, id);
  return option instanceof SVGPathElement ? option : option.querySelector('path')!;
}

/** Every option, in document order. */
export function options(el: Element): (SVGElement | HTMLElement)[] {
  return [...shadow(el).querySelectorAll<SVGElement | HTMLElement>('[role="option"]')];
}

/** The rows of the table as the reader sees them: territory, share, respondents. */
export function tableRows(el: Element): string[][] {
  return [...shadow(el).querySelectorAll('tbody tr')].map((row) => [...row.children].map((cell) => text(cell)));
}

/** The legend's entries, in order. */
export function legendItems(el: Element): string[] {
  return [...(part(el, 'legend')?.querySelectorAll('li') ?? [])].map((item) => text(item));
}

/** The computed fill of an element. */
export function fillOf(element: Element): string {
  return getComputedStyle(element).fill;
}

/** The element holding focus inside the shadow root. */
export function focusedId(el: Element): string | null {
  return shadow(el).activeElement?.getAttribute('data-id') ?? null;
}

/** The visible tooltip's text, or '' when it is hidden. */
export function tooltipText(el: Element): string {
  const tooltip = part(el, 'tooltip');
  return tooltip && !tooltip.hidden ? text(tooltip) : '';
}
