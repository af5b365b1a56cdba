import { css } from 'lit';

/** The look of `<barometre-participation>`, on the shared tokens. */
export const participationStyles = css`
  .headlines {
    margin: 0.5rem 0;
    padding-inline-start: 1.25rem;
  }

  .headlines li {
    margin: 0.25rem 0;
  }

  .table-container {
    overflow-x: auto;
    max-width: 100%;
  }

  .table-container:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }

  table {
    border-collapse: collapse;
    width: 100%;
    font-size: 0.9375em;
  }

  caption {
    text-align: start;
    font-weight: 700;
    padding: 0.25rem 0;
  }

  th,
  td {
    border-bottom: 1px solid var(--_border);
    padding: 0.375rem 0.5rem;
    text-align: start;
    vertical-align: top;
  }

  td {
    font-variant-numeric: tabular-nums;
  }

  .note,
  .publication {
    margin: 0.5rem 0 0;
    font-size: 0.875em;
    color: var(--_text-muted);
  }
`;
