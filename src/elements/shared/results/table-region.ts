import { html, nothing, type TemplateResult } from 'lit';

/** What {@link tableRegion} needs. */
export interface TableRegion {
  /** The id the "Tableau" toggle points at with `aria-controls`. */
  id: string;
  /** Names the region for assistive technologies ("Tableau des valeurs : …"). */
  label: string;
  /** False while the table is kept for screen readers only, out of sight. */
  shown: boolean;
  content: TemplateResult;
}

/**
 * The box around a table alternative. A wide table scrolls sideways inside it on a narrow screen;
 * a keyboard user can only scroll what can take focus, so the shown box is a named region in the
 * tab order (axe `scrollable-region-focusable`). Out of sight, it is left out of the tab order:
 * focus must never land on something invisible.
 */
export function tableRegion({ id, label, shown, content }: TableRegion): TemplateResult {
  return html`<div
    id=${id}
    part="table-container"
    class=${shown ? 'table-box' : 'visually-hidden'}
    role="region"
    aria-label=${label}
    tabindex=${shown ? '0' : nothing}
  >
    ${content}
  </div>`;
}
