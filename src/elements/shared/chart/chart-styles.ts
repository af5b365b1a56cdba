import { css, unsafeCSS } from 'lit';
import { SERIES_PALETTE } from './palette.js';

const series = (index: number) => unsafeCSS(SERIES_PALETTE[index]);

/**
 * Styles of the chart elements (`<barometre-territoire-chart>`, `<barometre-evolution>`). Series colours default to {@link SERIES_PALETTE}
 * (Okabe–Ito, darkened to 3:1 on light surfaces); a page sets its own with
 * `--barometre-chart-series-1` to `-6`.
 */
export const chartStyles = css`
  :host {
    --_grid: var(--barometre-chart-grid, var(--_separator));
    --_series-1: var(--barometre-chart-series-1, ${series(0)});
    --_series-2: var(--barometre-chart-series-2, ${series(1)});
    --_series-3: var(--barometre-chart-series-3, ${series(2)});
    --_series-4: var(--barometre-chart-series-4, ${series(3)});
    --_series-5: var(--barometre-chart-series-5, ${series(4)});
    --_series-6: var(--barometre-chart-series-6, ${series(5)});
    container-type: inline-size;
  }

  .series,
  .notes {
    margin: 0.5rem 0;
    padding: 0;
    list-style: none;
    font-size: 0.875em;
  }

  .series {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 1rem;
  }

  /* A legend entry wraps its own text rather than being cut, at any width. */
  .series li {
    display: flex;
    align-items: flex-start;
    gap: 0.375rem;
    min-width: 0;
    overflow-wrap: anywhere;
  }

  /* A line's swatch is wider: its dash and its marker must both show. */
  .swatch.line-swatch {
    width: 28px;
  }

  .swatch {
    flex: none;
    width: 18px;
    height: 14px;
    margin-top: 0.2em;
  }

  .notes {
    color: var(--_text-muted);
  }

  /* Chart.js sizes the canvas from this box: it needs a position and a height. */
  .canvas-box {
    position: relative;
    width: 100%;
    min-width: 0;
  }

  .table-box {
    margin-top: 0.75rem;
    overflow-x: auto;
  }

  .fragile {
    display: inline-block;
    margin-inline-start: 0.25rem;
    padding: 0 0.25rem;
    border: 1px solid currentColor;
    border-radius: 0.2rem;
    font-size: 0.875em;
    font-style: italic;
  }

  /* A sentence under a figure: it wraps, where figures keep to one line. */
  .comparison {
    display: block;
    max-width: 14em;
    margin-inline-start: auto;
    white-space: normal;
    font-size: 0.875em;
    color: var(--_text-muted);
  }

  .table-notes {
    margin: 0.5rem 0 0;
    padding: 0;
    list-style: none;
    font-size: 0.8125em;
    color: var(--_text-muted);
  }

  tfoot th,
  tfoot td {
    border-bottom: 0;
    border-top: 2px solid var(--_separator);
  }
`;
