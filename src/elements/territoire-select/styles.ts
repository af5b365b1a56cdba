import { css } from 'lit';
import { baseStyles, tokens } from '../shared/tokens.js';

/**
 * Look of `<barometre-territoire-select>`: a full-width field that fits a 320 px screen, a list
 * drawn over what follows (so the page does not jump at each keystroke), options tall enough to
 * tap, and the highlighted option in the accent colour, which also shows in forced-colours mode.
 */
const selectRules = css`
  :host {
    display: block;
    box-sizing: border-box;
    min-width: 0;
    max-width: var(--barometre-select-max-width, 36rem);
    font-size: var(--barometre-font-size, 1rem);
  }

  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }

  .field {
    display: flex;
    flex-direction: column;
    gap: 0.35rem;
  }

  label {
    font-weight: 700;
  }

  .hint {
    margin: 0;
    font-size: 0.875em;
    color: var(--_text-muted);
  }

  .control {
    position: relative;
  }

  input {
    display: block;
    width: 100%;
    min-height: 2.75rem;
    padding: 0.5rem 0.75rem;
    font: inherit;
    color: var(--_text);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }

  .listbox {
    position: absolute;
    z-index: var(--barometre-select-z-index, 10);
    inset-inline: 0;
    top: calc(100% + 0.25rem);
    max-height: min(22rem, 60vh);
    overflow-y: auto;
    margin: 0;
    padding: 0.25rem 0;
    list-style: none;
    color: var(--_text);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    box-shadow: 0 0.25rem 0.75rem rgb(0 0 0 / 0.16);
  }

  .listbox[hidden] {
    display: none;
  }

  .option {
    display: flex;
    flex-direction: column;
    justify-content: center;
    min-height: 2.75rem;
    padding: 0.375rem 0.75rem;
    cursor: pointer;
    overflow-wrap: anywhere;
  }

  .option:hover {
    background: var(--_surface-alt);
  }

  .option[aria-selected='true'] {
    color: var(--_on-accent);
    background: var(--_accent);
  }

  .name {
    font-weight: 700;
  }

  .details {
    font-size: 0.875em;
    color: var(--_text-muted);
  }

  .option[aria-selected='true'] .details {
    color: inherit;
  }

  .status {
    margin: 0;
    font-size: 0.875em;
  }

  .status[data-state='error'] {
    border-inline-start: 4px solid var(--_error);
    padding-inline-start: 0.5rem;
  }

  .retry {
    align-self: flex-start;
    min-height: 2.25rem;
    padding: 0.25rem 0.75rem;
    font: inherit;
    font-size: 0.875em;
    color: var(--_accent-text);
    background: var(--_surface);
    border: 1px solid var(--_accent-text);
    border-radius: var(--_radius);
    cursor: pointer;
  }

  @media (forced-colors: active) {
    .option[aria-selected='true'] {
      outline: 2px solid Highlight;
      outline-offset: -2px;
    }
  }
`;

/** Tokens, base rules (focus ring, visually-hidden text, reduced motion) and the picker's rules. */
export const selectStyles = [tokens, baseStyles, selectRules];
