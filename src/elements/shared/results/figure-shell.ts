import { css, html, nothing, type TemplateResult } from 'lit';

/** What the chart and the map put in their shared frame. */
export interface FigureShellView {
  /** True while figures load (`aria-busy`). */
  busy: boolean;
  /** The question and what is counted; absent until there are figures to show. */
  caption?: { title: string; subtitle: unknown };
  /** The live region and its retry button, rendered from the first paint. */
  status: TemplateResult;
  body: unknown;
}

/**
 * The frame of the elements that draw figures (chart, map): a `figure` whose caption names the
 * question and what is counted, then the status, then the drawing. Its parts (`figure`, `header`,
 * `title`, `subtitle`) are the same in both, so a page styles them once.
 */
export function figureShell({ busy, caption, status, body }: FigureShellView): TemplateResult {
  return html`
    <figure part="figure" aria-busy=${busy ? 'true' : 'false'}>
      ${caption
        ? html`<figcaption part="header">
            <span part="title" class="title">${caption.title}</span>
            <span part="subtitle" class="subtitle">${caption.subtitle}</span>
          </figcaption>`
        : nothing}
      ${status} ${body}
    </figure>
  `;
}

/** The frame's look. */
export const figureShellRules = css`
  figure {
    margin: 0;
    padding: calc(var(--_space) * 0.75);
  }

  .title {
    display: block;
    font-weight: 700;
    font-size: 1.0625em;
  }

  .subtitle {
    display: block;
    font-size: 0.875em;
    color: var(--_text-muted);
  }
`;
