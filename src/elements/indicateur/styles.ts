import { css } from 'lit';

/** Styles of `<barometre-indicateur>`: one large figure, its label, and the comparisons in smaller type. */
export const indicatorStyles = css`
  .indicator {
    padding: calc(var(--_space) * 0.75);
  }

  p {
    margin: 0;
  }

  .territory {
    font-weight: 700;
  }

  .value {
    display: block;
    font-size: var(--barometre-indicator-size, 2.5em);
    font-weight: 700;
    line-height: 1.15;
    color: var(--barometre-indicator-color, var(--_text));
    font-variant-numeric: tabular-nums;
  }

  .value.note {
    font-size: 1em;
    font-weight: 400;
    color: var(--_text-muted);
  }

  .question {
    margin-top: 0.25rem;
  }

  .comparisons {
    margin: 0.5rem 0 0;
    padding: 0;
    list-style: none;
  }

  .meta {
    margin-top: 0.5rem;
    font-size: 0.875em;
    color: var(--_text-muted);
  }
`;
