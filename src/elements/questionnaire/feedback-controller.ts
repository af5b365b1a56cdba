import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { FeedbackFigures } from './feedback-figures.js';
import type { FeedbackRequest } from './feedback-load.js';
import { feedbackText } from './feedback-messages.js';

/** Where the comparison figures stand. `off`: nothing to show (no API, not confirmed, no key question). */
export type FeedbackState =
  | { status: 'off' }
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'ready'; figures: FeedbackFigures };

/**
 * Loads the published figures the confirmation compares the respondent with, whenever what is
 * asked changes (another contribution, language or weighting), and drops them when the
 * confirmation goes. A newer request aborts the previous one, so a late answer never replaces a
 * fresher one. A failure stays in this state: the confirmation and its edit code never depend on it.
 */
export class FeedbackController implements ReactiveController {
  /** The current state; the host renders from it. */
  state: FeedbackState = { status: 'off' };

  private key?: string;
  private abort?: AbortController;

  /**
   * @param read What to load now, or `undefined` when the feedback must not show. Called before
   *   each render, so it must be cheap.
   */
  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
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
      const module = await import('./feedback-load.js');
      failureMessage = (error) => module.feedbackFailureMessage(error, request.lang);
      const figures = await module.loadFeedback(request, abort.signal);
      if (abort !== this.abort) return;
      this.state = { status: 'ready', figures };
    } catch (error) {
      if (abort !== this.abort || abort.signal.aborted) return;
      // Without the loader (its module could not be fetched) there is no finer message to give.
      const message = failureMessage?.(error) || feedbackText(request.lang, 'error_generic');
      this.state = { status: 'error', message };
    }
    this.host.requestUpdate();
  }
}
