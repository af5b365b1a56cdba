import { css } from 'lit';
import { baseStyles, tokens } from '../tokens.js';

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

  .button:disabled {
    cursor: not-allowed;
    opacity: 0.6;
  }
`;

/** Tokens, base rules (focus ring, visually-hidden, reduced motion) and the result elements' rules. */
export const resultsStyles = [tokens, baseStyles, resultsRules];
