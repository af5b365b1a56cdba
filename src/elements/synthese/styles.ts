import { css } from 'lit';

/**
 * Styles of `<barometre-synthese>`: tables first, on screen and on paper. On screen a wide table
 * scrolls inside its focusable region; in print it is laid flat on A4, never cut across two
 * pages, with the source and the publication's date under every theme, so each printed page
 * says where and when its figures come from.
 */
export const syntheseStyles = css`
  .synthese {
    padding: calc(var(--_space) * 0.75);
  }

  h2 {
    margin: 0;
    font-size: 1.375em;
    line-height: 1.25;
  }

  h3 {
    margin: 1.5rem 0 0.25rem;
    font-size: 1.125em;
    line-height: 1.3;
  }

  .publication {
    margin: 0.25rem 0 0;
    color: var(--_text-muted);
  }

  .table-box {
    overflow-x: auto;
  }

  caption {
    font-weight: 400;
    color: var(--_text-muted);
  }

  th[scope='col'] {
    vertical-align: bottom;
  }

  th[data-role],
  td.number {
    text-align: end;
  }

  /* The question heads its group of answers: a rule above the group, none inside it. */
  tbody + tbody tr:first-child > * {
    border-top: 1px solid var(--_border);
  }

  th.question {
    font-weight: 700;
    max-width: 24rem;
  }

  th.answer {
    font-weight: 400;
  }

  td[data-state]:not([data-state='value']) {
    color: var(--_text-muted);
    font-style: italic;
    white-space: normal;
  }

  .notes {
    margin: 1rem 0 0;
    font-size: 0.875em;
    color: var(--_text-muted);
  }

  .notes p {
    margin: 0.25rem 0 0;
  }

  /* Under each theme on paper only: the screen has one source line for the whole. */
  .print-source {
    display: none;
  }

  @media print {
    :host {
      font-size: 9.5pt;
      color: #000;
      background: #fff;
    }

    .synthese {
      padding: 0;
    }

    /* A theme, its table or the participation is never cut in two: it goes whole to the next page. */
    section,
    table,
    tr {
      break-inside: avoid;
    }

    h2,
    h3 {
      break-after: avoid;
    }

    /* Nothing scrolls on paper: every column is laid out. */
    .table-box {
      overflow: visible;
    }

    td[data-state]:not([data-state='value']) {
      color: #000;
    }

    .print-source {
      display: block;
      margin: 0.25rem 0 0;
      font-size: 0.875em;
    }

    .button {
      display: none;
    }
  }
`;
