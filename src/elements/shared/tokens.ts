import { css } from 'lit';

/**
 * Design tokens shared by every Baromètre element. Each public `--barometre-*` custom property
 * may be set by the host page; when it is not, the DSFR property of the same role is used if the
 * page defines it (custom properties inherit into shadow roots), then a neutral default. The
 * defaults meet WCAG AA contrast on white: text ≥ 4.5:1, borders and focus rings ≥ 3:1.
 *
 * Elements read the private `--_*` aliases, so each fallback chain is written once, here.
 * Document the public properties on each element with `@cssprop`:
 *
 * - `--barometre-accent`: primary buttons, links, selected controls.
 * - `--barometre-on-accent`: text on the accent colour.
 * - `--barometre-text`, `--barometre-text-muted`: body text, help text.
 * - `--barometre-surface`, `--barometre-surface-alt`: backgrounds.
 * - `--barometre-border`: borders of form controls; `--barometre-separator`: decorative lines.
 * - `--barometre-error`, `--barometre-success`, `--barometre-warning`: messages (never alone: always with words).
 * - `--barometre-focus`: keyboard focus ring.
 * - `--barometre-font-family`, `--barometre-radius`, `--barometre-space`.
 */
export const tokens = css`
  :host {
    --_accent: var(--barometre-accent, var(--background-action-high-blue-france, #1d4f91));
    --_accent-text: var(--barometre-accent, var(--text-action-high-blue-france, #1d4f91));
    --_on-accent: var(--barometre-on-accent, var(--text-inverted-blue-france, #ffffff));
    --_text: var(--barometre-text, var(--text-default-grey, #1e1e1e));
    --_text-muted: var(--barometre-text-muted, var(--text-mention-grey, #545454));
    --_surface: var(--barometre-surface, var(--background-default-grey, #ffffff));
    --_surface-alt: var(--barometre-surface-alt, var(--background-alt-grey, #f4f4f6));
    --_border: var(--barometre-border, var(--border-plain-grey, #6b6b6b));
    --_separator: var(--barometre-separator, var(--border-default-grey, #d6d6d6));
    --_error: var(--barometre-error, var(--text-default-error, #b3261e));
    --_success: var(--barometre-success, var(--text-default-success, #17692f));
    --_warning: var(--barometre-warning, var(--text-default-warning, #8a4600));
    --_focus: var(--barometre-focus, var(--focus, #0a76f6));
    --_font: var(--barometre-font-family, inherit);
    --_radius: var(--barometre-radius, 0.25rem);
    --_space: var(--barometre-space, 1rem);
  }
`;

/**
 * Rules every element needs: a visible focus ring (never removed), text kept out of sight but
 * read by screen readers, and no motion for people who asked for none.
 */
export const baseStyles = css`
  :host {
    color: var(--_text);
    font-family: var(--_font);
    line-height: 1.5;
  }

  :host([hidden]) {
    display: none;
  }

  :focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }

  .visually-hidden {
    position: absolute !important;
    width: 1px !important;
    height: 1px !important;
    padding: 0 !important;
    margin: -1px !important;
    overflow: hidden !important;
    clip: rect(0, 0, 0, 0) !important;
    white-space: nowrap !important;
    border: 0 !important;
  }

  @media (prefers-reduced-motion: reduce) {
    *,
    *::before,
    *::after {
      animation-duration: 0.01ms !important;
      animation-iteration-count: 1 !important;
      transition-duration: 0.01ms !important;
      scroll-behavior: auto !important;
    }
  }
`;
