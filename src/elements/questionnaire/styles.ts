import { css } from 'lit';

/**
 * The questionnaire's own look: one column that reflows down to 320 px and at 200 % zoom,
 * controls at least 44 px high, errors marked by words and a bar, never by colour alone.
 */
export const questionnaireStyles = css`
  :host {
    display: block;
    max-width: 48rem;
    font-size: 1rem;
    background: var(--_surface);
  }

  .questionnaire {
    display: flex;
    flex-direction: column;
    gap: var(--_space);
  }

  h2,
  h3,
  h4 {
    margin: 0;
    line-height: 1.25;
  }

  h2 {
    font-size: 1.5rem;
  }

  h3 {
    font-size: 1.25rem;
  }

  h4 {
    font-size: 1.05rem;
  }

  p {
    margin: 0;
  }

  .muted,
  .help,
  .count,
  .estimate,
  .optional {
    color: var(--_text-muted);
  }

  .help,
  .count {
    font-size: 0.9rem;
  }

  .toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 0.5rem 1rem;
    padding: 0.5rem 0.75rem;
    background: var(--_surface-alt);
    border-radius: var(--_radius);
  }

  .status {
    font-size: 0.9rem;
    min-height: 1.5em;
  }

  .progress {
    display: flex;
    flex-direction: column;
    gap: 0.25rem;
  }

  .step-count {
    font-weight: 700;
  }

  progress {
    width: 100%;
    height: 0.75rem;
    accent-color: var(--_accent);
  }

  .step-heading:focus {
    outline: none;
  }

  .step-heading:focus-visible {
    outline: 2px solid var(--_focus);
  }

  form,
  .step {
    display: flex;
    flex-direction: column;
    gap: calc(var(--_space) * 1.5);
  }

  .field {
    display: flex;
    flex-direction: column;
    gap: 0.35rem;
    margin: 0;
    padding: 0;
    border: 0;
    min-width: 0;
  }

  fieldset.field {
    gap: 0.5rem;
  }

  legend,
  .field > label {
    font-weight: 700;
    padding: 0;
  }

  legend {
    margin-bottom: 0.35rem;
  }

  .optional {
    font-weight: 400;
  }

  input[type='text'],
  input[type='number'],
  textarea {
    box-sizing: border-box;
    width: 100%;
    max-width: 100%;
    min-height: 2.75rem;
    padding: 0.5rem 0.75rem;
    font: inherit;
    color: var(--_text);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }

  input.siret {
    max-width: 16em;
    font-variant-numeric: tabular-nums;
    letter-spacing: 0.05em;
  }

  textarea {
    resize: vertical;
  }

  .number-row {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem;
  }

  .number-row input {
    max-width: 10em;
  }

  [aria-invalid='true']:is(input[type='text'], input[type='number'], textarea) {
    border: 2px solid var(--_error);
  }

  .field:has(> .error) {
    padding-left: 0.75rem;
    border-left: 4px solid var(--_error);
  }

  .error {
    color: var(--_error);
    font-weight: 700;
  }

  .note {
    font-size: 0.9rem;
    font-weight: 700;
  }

  .count.over {
    color: var(--_error);
    font-weight: 700;
  }

  .options {
    display: flex;
    flex-direction: column;
    gap: 0.25rem;
  }

  .option {
    display: flex;
    align-items: flex-start;
    gap: 0.5rem;
    min-height: 2.75rem;
  }

  .option input {
    flex: none;
    width: 1.25rem;
    height: 1.25rem;
    margin: 0.15rem 0 0;
    accent-color: var(--_accent);
  }

  .option label {
    flex: 1;
    cursor: pointer;
  }

  .other {
    display: flex;
    flex-direction: column;
    gap: 0.35rem;
    margin: 0 0 0.5rem 1.75rem;
  }

  .error-summary,
  .notice,
  .collectivite,
  .waiting,
  .confirmation {
    display: flex;
    flex-direction: column;
    gap: 0.5rem;
    padding: var(--_space);
    border-radius: var(--_radius);
  }

  .error-summary {
    border: 3px solid var(--_error);
  }

  .error-summary ul {
    margin: 0;
    padding-left: 1.25rem;
  }

  .error-summary a {
    color: var(--_error);
    font-weight: 700;
  }

  .notice,
  .collectivite,
  .waiting {
    background: var(--_surface-alt);
    border-left: 4px solid var(--_accent);
  }

  .confirmation {
    border: 3px solid var(--_success);
  }

  dl {
    margin: 0;
    display: flex;
    flex-direction: column;
    gap: 0.5rem;
  }

  dl > div {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 1rem;
  }

  dt {
    font-weight: 700;
    min-width: 8rem;
  }

  dd {
    margin: 0;
    flex: 1 1 12rem;
  }

  .review > div {
    flex-direction: column;
    padding-bottom: 0.5rem;
    border-bottom: 1px solid var(--_separator);
  }

  /* In a column, the side-by-side basis of 12rem would be a height: 190 px under every answer. */
  .review dd {
    flex: none;
  }

  .review ul {
    margin: 0;
    padding-left: 1.25rem;
  }

  .review-group {
    display: flex;
    flex-direction: column;
    gap: 0.5rem;
  }

  .long-text {
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }

  a {
    color: var(--_accent-text);
  }

  .edit {
    margin-left: 0.5rem;
  }

  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75rem;
  }

  .actions .primary {
    margin-left: auto;
  }

  button {
    min-height: 2.75rem;
    padding: 0.5rem 1.25rem;
    font: inherit;
    font-weight: 700;
    color: var(--_accent-text);
    background: var(--_surface);
    border: 2px solid var(--_accent);
    border-radius: var(--_radius);
    cursor: pointer;
  }

  button.primary {
    color: var(--_on-accent);
    background: var(--_accent);
  }

  button.link {
    min-height: auto;
    padding: 0;
    font-weight: 400;
    background: none;
    border: 0;
    text-decoration: underline;
  }

  .restart {
    margin-top: var(--_space);
    padding-top: var(--_space);
    border-top: 1px solid var(--_separator);
  }

  dialog {
    max-width: min(32rem, calc(100vw - 2rem));
    padding: var(--_space);
    color: var(--_text);
    background: var(--_surface);
    border: 2px solid var(--_border);
    border-radius: var(--_radius);
  }

  dialog::backdrop {
    background: rgb(0 0 0 / 0.4);
  }

  dialog .actions {
    margin-top: var(--_space);
  }

  @media (max-width: 30rem) {
    .actions .primary {
      margin-left: 0;
    }

    .actions button {
      flex: 1 1 100%;
    }
  }
`;
