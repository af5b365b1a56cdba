import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { Lang } from '../../../core/schema/text.js';
import { figureShell, type FigureFrame } from './figure-shell.js';
import type { FiguresState } from './results-controller.js';

/** How an element turns its loaded figures into what it shows. */
export interface ShownFiguresOptions<M> {
  /** Where loading stands: the element's figures controller's state. */
  state: () => FiguresState<unknown>;
  /** What the figures become with the element's settings; `undefined` until they are loaded. */
  derive: () => M | undefined;
  /** Whether what was derived holds nothing to show. */
  isEmpty: (model: M) => boolean;
}

/** What the element puts in its frame, given what it shows. */
export interface ShownFiguresView<M> {
  lang: Lang;
  onRetry: () => void;
  /** What to say when the figures hold nothing to show. */
  emptyText: (model: M) => string;
  /** The caption naming the question and what is counted. */
  caption?: (model: M) => { title: string; subtitle: string };
  body: (model: M) => unknown;
  /** Rendered after the body whatever the state, such as a live region that must exist from the start. */
  after?: unknown;
  frame?: FigureFrame;
}

/**
 * What a figures element (chart, map, key figure) shows, derived once per update from its loaded
 * figures and its settings, and the shared frame around it: the status while loading, after an
 * error or when the figures hold nothing to show, else the caption and the body.
 *
 * Derived in `hostUpdate`, after the figures' controller has read this update's request in its
 * own: create it after that controller, so it reads the state that request left.
 */
export class ShownFigures<M> implements ReactiveController {
  private derived?: M;
  private empty = false;

  constructor(
    host: ReactiveControllerHost,
    private readonly options: ShownFiguresOptions<M>,
  ) {
    host.addController(this);
  }

  /** What this update shows: `undefined` before figures, and when they hold nothing to show. */
  get shown(): M | undefined {
    return this.empty ? undefined : this.derived;
  }

  hostUpdate(): void {
    this.derived = this.options.derive();
    this.empty = this.derived !== undefined && this.options.isEmpty(this.derived);
  }

  render({ lang, onRetry, emptyText, caption, body, after, frame }: ShownFiguresView<M>): TemplateResult {
    const shown = this.shown;
    return figureShell({
      lang,
      state: this.options.state(),
      onRetry,
      emptyText: this.empty && this.derived !== undefined ? emptyText(this.derived) : undefined,
      caption: shown === undefined ? undefined : caption?.(shown),
      body: html`${shown === undefined ? nothing : body(shown)}${after ?? nothing}`,
      frame,
    });
  }
}
