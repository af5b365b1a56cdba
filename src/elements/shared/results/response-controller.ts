import type { ReactiveControllerHost } from 'lit';
import type { Lang } from '../../../core/schema/text.js';
import { emit, type BarometreErrorDetail } from '../events.js';
import { RequestTask, type Asked } from '../request-task.js';
import { toLoadFailure, type LoadFailure } from './load-error.js';
import type { ResultsMessageKey } from './messages.js';
import type { BarometreDataDetail, FiguresState } from './results-controller.js';

/** What a response controller needs from its element. */
export interface ResponseSource<R extends { lang: Lang }, D> {
  /** Read on every host update: the request, or the setting still missing. */
  ask: () => Asked<R, ResultsMessageKey>;
  /** Fetches and validates the response (`fetchContract`). */
  load: (request: R, signal: AbortSignal) => Promise<D>;
  /** Whether the request reads files (a static publication) rather than the API: their failures are worded so. */
  readsFiles?: (request: R) => boolean;
}

/**
 * One response an element shows whole — a territory's synthesis, its participation — loaded and
 * reloaded whenever what the element asks for changes, in the states and with the events of every
 * figures element (`barometre-data`, `barometre-error`). Figures worded by their questionnaire
 * load with {@link FiguresController} instead.
 */
export class ResponseController<R extends { lang: Lang }, D> {
  private readonly task: RequestTask<R, D, LoadFailure, ResultsMessageKey>;

  constructor(host: ReactiveControllerHost & HTMLElement, source: ResponseSource<R, D>) {
    this.task = new RequestTask<R, D, LoadFailure, ResultsMessageKey>(host, {
      ask: source.ask,
      keyOf: (request) => JSON.stringify(request),
      load: source.load,
      fail: (error, request) => toLoadFailure(error, request.lang, source.readsFiles?.(request) ?? false),
      onReady: (results) => emit<BarometreDataDetail<D>>(host, 'barometre-data', { results }),
      onError: (failure) => emit<BarometreErrorDetail>(host, 'barometre-error', failure),
    });
  }

  /** The response shown, once loaded. */
  get results(): D | undefined {
    const state = this.task.state;
    return state.status === 'ready' ? state.value : undefined;
  }

  /** Where loading stands, in the words of the status region every figures element shares. */
  get state(): FiguresState<D> {
    const state = this.task.state;
    if (state.status === 'idle') return { status: 'unconfigured', missing: state.reason };
    if (state.status === 'ready') return { status: 'ready', results: state.value };
    return state;
  }

  /** Loads the same request again (the "Réessayer" button). */
  retry(): void {
    this.task.retry();
  }
}
