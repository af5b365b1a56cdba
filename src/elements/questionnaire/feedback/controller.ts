import { adoptStyles, supportsAdoptingStyleSheets, type CSSResult, type ReactiveController, type ReactiveControllerHost } from 'lit';
import type { FeedbackRequest } from './load.js';
import { feedbackShellText } from './shell.js';
import type { FeedbackState } from './state.js';

/** The feedback's code loaded on demand: figures, tables, their words and styles. */
export type FeedbackModule = typeof import('./module.js');

/**
 * Loads the published figures the confirmation compares the respondent with, whenever what is
 * asked changes (another contribution, language or weighting), and drops them when the
 * confirmation goes. A newer request aborts the previous one, so a late answer never replaces a
 * fresher one. A failure stays in this state: the confirmation and its edit code never depend on it.
 *
 * Alongside the figures, and in the same life cycle, it asks once when the next publication is
 * scheduled, for the confirmation to say when the answers will appear; that request failing only
 * leaves the date unknown.
 */
export class FeedbackController implements ReactiveController {
  /** The current state; the host renders from it. */
  state: FeedbackState = { status: 'off' };
  /** The date of the next scheduled publication (ISO), once known; `undefined` while unknown. */
  nextPublication?: string;
  /** The feedback's code, once loaded (its styles are then in the host's shadow root). */
  module?: FeedbackModule;

  private key?: string;
  private abort?: AbortController;

  /**
   * @param read What to load now, or `undefined` when the feedback must not show. Called before
   *   each render, so it must be cheap.
   */
  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement & { readonly renderRoot: HTMLElement | DocumentFragment },
    private readonly read: () => (FeedbackRequest & { receiptAt: string }) | undefined,
  ) {
    host.addController(this);
  }

  /** Runs before each render: starts a load when the request changed. */
  hostUpdate(): void {
    const next = this.read();
    if (next === undefined) {
      this.cancel();
      this.key = undefined;
      this.state = { status: 'off' };
      this.nextPublication = undefined;
      return;
    }
    const { definition, receiptAt, ...rest } = next;
    const key = JSON.stringify({ ...rest, theme: definition.theme, version: definition.version, receiptAt });
    if (key === this.key) return;
    this.key = key;
    this.start(next);
  }

  /** Takes up a load cut short by a disconnection. */
  hostConnected(): void {
    if (this.key === undefined) this.host.requestUpdate();
  }

  /** Stops a load under way: the element left the page. */
  hostDisconnected(): void {
    if (this.state.status === 'loading') {
      this.cancel();
      this.key = undefined;
    }
  }

  /** Loads the same figures again (the retry button). */
  retry(): void {
    this.key = undefined;
    this.host.requestUpdate();
  }

  private cancel(): void {
    this.abort?.abort();
    this.abort = undefined;
  }

  private start(request: FeedbackRequest): void {
    this.cancel();
    const abort = new AbortController();
    this.abort = abort;
    this.state = { status: 'loading' };
    void this.load(request, abort);
  }

  private async load(request: FeedbackRequest, abort: AbortController): Promise<void> {
    let failureMessage: ((error: unknown) => string) | undefined;
    try {
      const module = await import('./module.js');
      if (!this.module) {
        this.module = module;
        adoptLate(this.host.renderRoot, module.feedbackStyles);
        // The introduction shows while the figures are on their way.
        if (abort === this.abort) this.host.requestUpdate();
      }
      failureMessage = (error) => module.feedbackFailureMessage(error, request.lang);
      void this.loadSchedule(module, request, abort);
      const figures = await module.loadFeedback(request, abort.signal);
      if (abort !== this.abort) return;
      this.state = { status: 'ready', figures };
    } catch (error) {
      if (abort !== this.abort || abort.signal.aborted) return;
      // Without the loader (its module could not be fetched) there is no finer message to give.
      const message = failureMessage?.(error) || feedbackShellText(request.lang, 'error_generic');
      this.state = { status: 'error', message };
    }
    this.host.requestUpdate();
  }

  /** The next publication's date, beside the figures; it never fails (unknown stays unknown). */
  private async loadSchedule(module: FeedbackModule, request: FeedbackRequest, abort: AbortController): Promise<void> {
    const next = await module.loadNextPublication(request, abort.signal);
    if (abort !== this.abort || next === this.nextPublication) return;
    this.nextPublication = next;
    this.host.requestUpdate();
  }
}

/**
 * Adds styles to a shadow root after its first render, beside the ones Lit adopted: a sheet of
 * its own where constructable style sheets exist, otherwise a style element placed before what
 * Lit renders (so that no template change removes it).
 */
function adoptLate(root: HTMLElement | DocumentFragment, styles: CSSResult): void {
  if (supportsAdoptingStyleSheets && root instanceof ShadowRoot && styles.styleSheet) {
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, styles.styleSheet];
    return;
  }
  const fragment = document.createDocumentFragment();
  adoptStyles(fragment as unknown as ShadowRoot, [styles]);
  root.prepend(fragment);
}
