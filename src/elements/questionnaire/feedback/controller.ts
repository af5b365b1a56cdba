import type { ReactiveControllerHost } from 'lit';
import { adoptLate } from '../../shared/adopt-late.js';
import { RequestTask } from '../../shared/request-task.js';
import type { FeedbackFigures } from './figures.js';
import type { FeedbackRequest } from './load.js';
import { feedbackShellText } from './shell.js';
import type { FeedbackState } from './state.js';

/** The feedback's code loaded on demand: figures, tables, their words and styles. */
export type FeedbackModule = typeof import('./module.js');

/** What the feedback is loaded for: a contribution, recorded at `receiptAt`. */
type FeedbackAsked = FeedbackRequest & { receiptAt: string };

/**
 * Loads the published figures the confirmation compares the respondent with, whenever what is
 * asked changes (another contribution, language or weighting), and drops them when the
 * confirmation goes. A failure stays in this state: the confirmation and its edit code never
 * depend on it. The life cycle (abort, retry, reconnection) is {@link RequestTask}'s, as for the
 * result elements.
 *
 * Alongside the figures, it asks once when the next publication is scheduled, for the
 * confirmation to say when the answers will appear; that request failing only leaves the date
 * unknown.
 */
export class FeedbackController {
  /** The date of the next scheduled publication (ISO), once known; `undefined` while unknown. */
  nextPublication?: string;
  /** The feedback's code, once loaded (its styles are then in the host's shadow root). */
  module?: FeedbackModule;

  private readonly task: RequestTask<FeedbackAsked, FeedbackFigures, string, 'off'>;

  /**
   * @param read What to load now, or `undefined` when the feedback must not show. Called before
   *   each render, so it must be cheap.
   */
  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement & { readonly renderRoot: HTMLElement | DocumentFragment },
    read: () => FeedbackAsked | undefined,
  ) {
    this.task = new RequestTask<FeedbackAsked, FeedbackFigures, string, 'off'>(host, {
      ask: () => {
        const request = read();
        if (request) return { request };
        this.nextPublication = undefined;
        return { idle: 'off' };
      },
      keyOf: ({ definition, receiptAt, ...rest }) =>
        JSON.stringify({ ...rest, theme: definition.theme, version: definition.version, receiptAt }),
      load: (request, signal) => this.load(request, signal),
      // Without the loader (its module could not be fetched) there is no finer message to give.
      fail: (error, request) => this.module?.feedbackFailureMessage(error, request.lang) || feedbackShellText(request.lang, 'error_generic'),
    });
  }

  /** The current state; the host renders from it. */
  get state(): FeedbackState {
    const state = this.task.state;
    switch (state.status) {
      case 'idle':
        return { status: 'off' };
      case 'error':
        return { status: 'error', message: state.failure };
      case 'ready':
        return { status: 'ready', figures: state.value };
      default:
        return state;
    }
  }

  /** Loads the same figures again (the retry button). */
  retry(): void {
    this.task.retry();
  }

  private async load(request: FeedbackAsked, signal: AbortSignal): Promise<FeedbackFigures> {
    const module = await import('./module.js');
    if (!this.module) {
      this.module = module;
      adoptLate(this.host.renderRoot, module.feedbackStyles);
      // The introduction shows while the figures are on their way.
      this.host.requestUpdate();
    }
    void this.loadSchedule(module, request, signal);
    return module.loadFeedback(request, signal);
  }

  /** The next publication's date, beside the figures; it never fails (unknown stays unknown). */
  private async loadSchedule(module: FeedbackModule, request: FeedbackAsked, signal: AbortSignal): Promise<void> {
    const next = await module.loadNextPublication(request, signal);
    if (!this.task.isCurrent(request) || next === this.nextPublication) return;
    this.nextPublication = next;
    this.host.requestUpdate();
  }
}
