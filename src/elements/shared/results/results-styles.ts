import { css } from 'lit';
import { baseStyles, tokens } from '../tokens.js';
import { figureShellRules } from './figure-shell.js';

/**
 * The look both result elements share, on the shared design tokens (`--barometre-*` with
 * design-system fallbacks, read through their private `--_*` aliases).
 */
const resultsRules = css`
  :host {
    display: block;
    box-sizing: border-box;
    min-width: 0;
    background: var(--_surface);
    font-size: var(--barometre-font-size, 1rem);
  }

  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }

  .status:empty {
    display: none;
  }

  .status {
    margin: 0.5rem 0;
  }

  .status[data-state='error'] {
    border-inline-start: 4px solid var(--_error);
    padding-inline-start: 0.5rem;
  }

  .source {
    margin: 0.5rem 0 0;
    font-size: 0.875em;
    color: var(--_text-muted);
  }

  .button {
    font: inherit;
    font-size: 0.875em;
    min-height: 2.25rem;
    padding: 0.25rem 0.75rem;
    border: 1px solid var(--_accent-text);
    border-radius: var(--_radius);
    color: var(--_accent-text);
    background: var(--_surface);
    cursor: pointer;
  }

  .button[aria-pressed='true'] {
    color: var(--_on-accent);
    background: var(--_accent);
    border-color: var(--_accent);
  }

  /* The buttons under a figure: every figures element has one, for its "Intégrer" action at least. */
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    margin: 0.75rem 0 0;
  }

  .button:disabled {
    cursor: not-allowed;
    opacity: 0.6;
  }
`;

/** The table alternative that charts and maps share. */
const figureTableRules = css`
  table {
    border-collapse: collapse;
    width: 100%;
    font-size: 0.875em;
  }

  caption {
    text-align: start;
    font-weight: 700;
    padding-bottom: 0.25rem;
  }

  th,
  td {
    padding: 0.25rem 0.5rem;
    border-bottom: 1px solid var(--_separator);
    text-align: start;
    vertical-align: top;
  }

  td.number {
    text-align: end;
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
  }

  td.note {
    color: var(--_text-muted);
  }
`;

/** Tokens, base rules (focus ring, visually-hidden, reduced motion) and the result elements' rules. */
export const resultsStyles = [tokens, baseStyles, resultsRules];

/** For elements that draw figures in a frame and offer them as a table: charts and maps. */
export const figureStyles = [...resultsStyles, figureShellRules, figureTableRules];
