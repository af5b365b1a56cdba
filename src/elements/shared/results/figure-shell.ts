import { css, html, nothing, type TemplateResult } from 'lit';
import type { Lang } from '../../../core/schema/text.js';
import type { FiguresState } from './results-controller.js';
import { statusView } from './status-view.js';

/**
 * The frame's element: a `figure` with a caption for the chart and the map; the key figure's
 * block (part `indicator`), which names its question within itself and has no caption.
 */
export type FigureFrame = 'figure' | 'indicator';

/** What a figures element puts in its shared frame. */
export interface FigureShellView {
  lang: Lang;
  /** Where loading stands: said in the status region, and `aria-busy` while loading. */
  state: FiguresState<unknown>;
  onRetry: () => void;
  /** What to say when figures arrived but hold nothing to show; `undefined` otherwise. */
  emptyText?: string;
  /** The question and what is counted; absent until there are figures to show. */
  caption?: { title: string; subtitle: string };
  body: unknown;
  /** `figure` unless told otherwise. */
  frame?: FigureFrame;
}

/**
 * The frame of the elements that show figures (chart, map, key figure): a `figure` whose caption
 * names the question and what is counted, then the status region, then the drawing. Its parts
 * (`figure`, `header`, `title`, `subtitle`, `status`, `retry-button`) are the same in the chart
 * and the map, so a page styles them once; the key figure keeps its `indicator` block.
 */
export function figureShell({ lang, state, onRetry, emptyText, caption, body, frame = 'figure' }: FigureShellView): TemplateResult {
  const busy = state.status === 'loading' ? 'true' : 'false';
  const content = html`${caption
      ? html`<figcaption part="header">
          <span part="title" class="title">${caption.title}</span>
          <span part="subtitle" class="subtitle">${caption.subtitle}</span>
        </figcaption>`
      : nothing}
    ${statusView(lang, state, onRetry, emptyText)} ${body}`;
  return frame === 'indicator'
    ? html`<div part="indicator" class="indicator" aria-busy=${busy}>${content}</div>`
    : html`<figure part="figure" aria-busy=${busy}>${content}</figure>`;
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
