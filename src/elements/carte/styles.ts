import { css } from 'lit';

/**
 * Styles of `<barometre-carte>`.
 *
 * The five classes default to the lighter end of ColorBrewer's "YlGnBu" ramp, a sequential
 * scheme rated safe for the common colour-vision deficiencies: lightness alone orders the
 * classes. The darkest colour was chosen so that the borders (`#1e1e1e` by default) keep at least 3:1 against every class (4.6:1 against the darkest, 16:1 against the
 * lightest), as graphics need under WCAG 1.4.11. Territories without a published figure carry a
 * pattern per state — hatched (hidden by statistical secrecy) or cross-hatched (too few
 * respondents) on white, dotted (nobody answered) or lined (no figure in the data) on a neutral
 * grey — so none is read as a low value, even in greyscale.
 *
 * Borders are the visible rim of an "edge" drawn under each territory (see map-view.ts), so the
 * borders between the départements of a région vanish under its fill. `non-scaling-stroke` keeps
 * them as thick at 320 px as on a wide screen.
 */
export const mapStyles = css`
  :host {
    --_class-1: var(--barometre-map-class-1, #ffffcc);
    --_class-2: var(--barometre-map-class-2, #c7e9b4);
    --_class-3: var(--barometre-map-class-3, #7fcdbb);
    --_class-4: var(--barometre-map-class-4, #41b6c4);
    --_class-5: var(--barometre-map-class-5, #1d91c0);
    --_map-none: var(--barometre-map-none, #e0e0e0);
    /* The map's colours stand on their own, not on the page's text and background colours:
       the fills are light whatever the theme, so borders and patterns stay dark on them. */
    --_map-border: var(--barometre-map-border, #1e1e1e);
    --_map-current: var(--barometre-map-current, #1e1e1e);
    --_map-pattern-back: #ffffff;
    --_map-pattern-mark: #545454;
  }

  .hint,
  .note {
    display: block;
    font-size: 0.875em;
    color: var(--_text-muted);
  }

  .hint,
  .note {
    margin: 0.25rem 0;
  }

  .map-box {
    position: relative;
    max-width: 44rem;
  }

  .placeholder {
    aspect-ratio: 613 / 585;
    width: 100%;
    display: flex;
    align-items: center;
    justify-content: center;
    background: var(--_surface-alt);
    color: var(--_text-muted);
    font-size: 0.875em;
  }

  svg.map {
    display: block;
    width: 100%;
    height: auto;
    overflow: visible;
  }

  .defs {
    position: absolute;
    width: 0;
    height: 0;
    overflow: hidden;
  }

  .edge,
  .shape,
  .paint {
    stroke-linejoin: round;
    vector-effect: non-scaling-stroke;
  }

  .shape,
  .paint {
    stroke-width: 2px;
  }

  .edge {
    fill: var(--_map-border);
    stroke: var(--_map-border);
    stroke-width: 4px;
  }

  .shape {
    cursor: pointer;
  }

  /* The focused shape is marked by the focus ring drawn over the map, which follows its real
     outline; the browser's own outline would be a rectangle around it. */
  .shape:focus,
  .shape:focus-visible {
    outline: none;
  }

  .ring {
    pointer-events: none;
  }

  .edge.current {
    fill: var(--_map-current);
    stroke: var(--_map-current);
    stroke-width: 10px;
  }

  .edge.hover {
    fill: var(--_map-current);
    stroke: var(--_map-current);
    stroke-width: 6px;
  }

  .edge.halo {
    fill: var(--_surface);
    stroke: var(--_surface);
    stroke-width: 14px;
  }

  .edge.focus {
    fill: var(--_focus);
    stroke: var(--_focus);
    stroke-width: 8px;
  }

  .c1 {
    fill: var(--_class-1);
    stroke: var(--_class-1);
  }
  .c2 {
    fill: var(--_class-2);
    stroke: var(--_class-2);
  }
  .c3 {
    fill: var(--_class-3);
    stroke: var(--_class-3);
  }
  .c4 {
    fill: var(--_class-4);
    stroke: var(--_class-4);
  }
  .c5 {
    fill: var(--_class-5);
    stroke: var(--_class-5);
  }

  .hatch-line {
    stroke: var(--_map-border);
    stroke-width: 1.2;
  }

  .hatch-back {
    fill: var(--_map-pattern-back);
  }

  .dots-back {
    fill: var(--_map-none);
  }

  .dot {
    fill: var(--_map-pattern-mark);
  }

  .line {
    stroke: var(--_map-pattern-mark);
    stroke-width: 1.2;
  }

  .hollow {
    fill: none;
    stroke: var(--_map-pattern-mark);
    stroke-width: 1.2;
  }

  .insets {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-start;
    gap: 0.5rem;
    margin-top: 0.5rem;
  }

  .insets-label {
    flex-basis: 100%;
    font-size: 0.875em;
    color: var(--_text-muted);
  }

  .tile {
    display: flex;
    flex-direction: column;
    align-items: center;
    width: 4.75rem;
    padding: 0.125rem;
    border-radius: var(--_radius);
    font-size: 0.75em;
    line-height: 1.2;
    text-align: center;
    cursor: pointer;
  }

  .tile svg {
    display: block;
    width: 2.25rem;
    height: 2.25rem;
    overflow: visible;
  }

  /* Each inset has its own scale: a stroke that does not scale keeps every border as thick. */
  .tile path {
    stroke: var(--_map-border);
    stroke-width: 1px;
    stroke-linejoin: round;
    vector-effect: non-scaling-stroke;
  }

  .tile:hover path {
    stroke-width: 2.5px;
  }

  .tile.current path {
    stroke: var(--_map-current);
    stroke-width: 4px;
  }

  .tile:focus {
    outline: none;
  }

  .tile:focus-visible,
  .tile.focused {
    outline: 3px solid var(--_focus);
    outline-offset: 1px;
  }

  .tooltip {
    position: absolute;
    z-index: 1;
    max-width: min(16rem, 90%);
    padding: 0.375rem 0.5rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
    box-shadow: 0 2px 6px rgb(0 0 0 / 0.2);
    font-size: 0.875em;
    line-height: 1.35;
  }

  .tooltip[hidden] {
    display: none;
  }

  .tooltip strong,
  .tooltip span {
    display: block;
  }

  .legend {
    margin: 0.75rem 0 0;
    padding: 0;
    border: 0;
    min-width: 0;
  }

  .legend-title {
    padding: 0;
    font-weight: 700;
    font-size: 0.875em;
  }

  .legend ul {
    margin: 0.25rem 0 0;
    padding: 0;
    list-style: none;
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 1rem;
    font-size: 0.875em;
  }

  .legend li {
    display: flex;
    align-items: center;
    gap: 0.375rem;
  }

  .swatch {
    flex: none;
    width: 1.5rem;
    height: 1rem;
    overflow: visible;
  }

  .swatch rect {
    stroke: var(--_map-border);
    stroke-width: 1px;
  }

  .swatch rect.current {
    fill: var(--_map-pattern-back);
    stroke: var(--_map-current);
    stroke-width: 3px;
  }

  .table-box {
    margin-top: 0.75rem;
    max-height: 28rem;
    overflow: auto;
  }

  .caption-note {
    display: block;
    font-weight: 400;
    color: var(--_text-muted);
  }

  .fragile {
    font-style: italic;
  }

  /* On its own line, so the share column stays narrow enough for a 320 px screen. */
  td .fragile {
    display: block;
  }

  thead th {
    position: sticky;
    top: 0;
    background: var(--_surface);
  }

  .sort {
    font: inherit;
    font-weight: 700;
    padding: 0;
    border: 0;
    background: none;
    color: var(--_accent-text);
    text-decoration: underline;
    cursor: pointer;
  }

  .credit {
    margin: 0.25rem 0 0;
    font-size: 0.75em;
    color: var(--_text-muted);
  }

  .credit a {
    color: inherit;
  }
`;
