import { css } from 'lit';

/** The panel's look, adopted by the element when the panel's code arrives. */
export const embedStyles = css`
  .embed {
    margin: 0.75rem 0 0;
    padding: 0.75rem;
    border: 1px solid var(--_separator);
    border-radius: var(--_radius);
  }

  .embed-title {
    margin: 0 0 0.25rem;
    font-weight: 700;
  }

  .embed-help {
    margin: 0 0 0.5rem;
    font-size: 0.875em;
    color: var(--_text-muted);
  }

  .embed-label {
    display: block;
    font-size: 0.875em;
    font-weight: 700;
    margin-bottom: 0.25rem;
  }

  .embed-code {
    display: block;
    width: 100%;
    font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
    font-size: 0.8125em;
    line-height: 1.4;
    padding: 0.5rem;
    color: var(--_text);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    resize: vertical;
  }

  .embed-actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    margin-top: 0.5rem;
  }

  .embed-status {
    margin: 0.5rem 0 0;
    font-size: 0.875em;
  }

  .embed-status:empty {
    display: none;
  }
`;
