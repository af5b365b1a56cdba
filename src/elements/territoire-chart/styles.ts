import { css } from 'lit';

/**
 * Styles of `<barometre-territoire-chart>`. Series colours default to the Okabe–Ito palette,
 * designed to stay distinct for the common colour-vision deficiencies, ordered darkest first so
 * the first series have the strongest contrast on a light background.
 */
export const chartStyles = css`
  :host {
    --_grid: var(--barometre-chart-grid, var(--_separator));
    --_series-1: var(--barometre-chart-series-1, #0072b2);
    --_series-2: var(--barometre-chart-series-2, #d55e00);
    --_series-3: var(--barometre-chart-series-3, #009e73);
    --_series-4: var(--barometre-chart-series-4, #cc79a7);
    --_series-5: var(--barometre-chart-series-5, #e69f00);
    --_series-6: var(--barometre-chart-series-6, #56b4e9);
    container-type: inline-size;
  }

  figure {
    margin: 0;
    padding: calc(var(--_space) * 0.75);
  }

  .title {
    display: block;
    font-weight: 700;
    font-size: 1.0625em;
  }

  .subtitle {
    display: block;
    font-size: 0.875em;
    color: var(--_text-muted);
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

  tfoot th,
  tfoot td {
    border-bottom: 0;
    border-top: 2px solid var(--_separator);
  }
`;
