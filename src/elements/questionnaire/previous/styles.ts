import { css } from 'lit';

/**
 * The look of the offer to take up the previous edition's answers and of the marks on questions
 * new or changed since. A mark is words in a frame, never a colour alone.
 */
export const previousStyles = css`
  .previous {
    display: flex;
    flex-direction: column;
    gap: 0.5rem;
    padding: var(--_space);
    border-radius: var(--_radius);
    background: var(--_surface-alt);
    border-left: 4px solid var(--_accent);
  }

  .previous h4 {
    margin: 0;
  }

  .question-change {
    display: inline-block;
    margin-inline-start: 0.5em;
    padding: 0 0.4em;
    border: 1px solid currentColor;
    border-radius: var(--_radius);
    font-size: 0.875em;
    font-weight: normal;
  }
`;
