import { css } from 'lit';

/**
 * The look of what loads with the steps' code: the edit code and its actions, the ProConnect
 * offer and the attestation in force, a refused code and its choices. Adopted once that code is
 * here, beside the element's own styles (whose custom properties it uses).
 */
export const verificationStyles = css`
  .edit-code,
  .identity,
  .code-problem {
    display: flex;
    flex-direction: column;
    gap: 0.5rem;
    padding: var(--_space);
    border-radius: var(--_radius);
    background: var(--_surface-alt);
  }

  .identity,
  .code-problem {
    border-left: 4px solid var(--_accent);
  }

  .code-problem {
    border-left-color: var(--_error);
  }

  /* Large enough to read aloud, monospaced so that 0 and 8 never pass for O and B. */
  .code {
    font-family: ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace;
    font-size: 1.25rem;
    font-weight: 700;
    letter-spacing: 0.04em;
    overflow-wrap: anywhere;
    user-select: all;
  }

  .code .group {
    white-space: nowrap;
  }

  .code-actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75rem;
  }

  a.button {
    display: inline-flex;
    align-items: center;
    min-height: 2.75rem;
    padding: 0.5rem 1.25rem;
    box-sizing: border-box;
    font-weight: 700;
    text-decoration: none;
    color: var(--_accent-text);
    background: var(--_surface);
    border: 2px solid var(--_accent);
    border-radius: var(--_radius);
  }

  a.button:hover {
    text-decoration: underline;
  }

  .verified {
    font-weight: 700;
    padding-left: 0.5rem;
    border-left: 4px solid var(--_success);
  }

  /* Printing the confirmation keeps the code and what it is for, not the buttons around it. */
  @media print {
    .code-actions,
    .actions,
    .toolbar,
    .feedback {
      display: none;
    }
  }
`;
