import { css } from 'lit';

/** Styles of `<barometre-indicateur>`: one large figure, its margin and label, and the comparisons in smaller type. */
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
    font-size: var(--barometre-indicator-size, 2.5em);
    font-weight: 700;
    line-height: 1.15;
    color: var(--barometre-indicator-color, var(--_text));
    font-variant-numeric: tabular-nums;
  }

  .margin {
    font-size: 1.25em;
    font-weight: 700;
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
  }

  .label {
    display: block;
  }

  /* A figure that is not published is a sentence in body type: nothing to misread as a value. */
  .statement {
    margin-top: 0.25rem;
  }

  /* Fragile: a bordered box with a mark and words, so it does not rest on colour alone. */
  .fragile {
    margin-top: 0.5rem;
    padding: 0.25rem 0.5rem;
    border: 1px dashed currentColor;
    border-radius: var(--_radius);
    font-size: 0.875em;
  }

  .fragile-mark {
    display: inline-block;
    min-width: 1.25em;
    border: 1.5px solid currentColor;
    border-radius: 50%;
    font-weight: 700;
    line-height: 1.15;
    text-align: center;
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
