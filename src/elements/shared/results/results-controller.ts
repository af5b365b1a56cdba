import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { QuestionnaireDefinition } from '../../../core/schema/questionnaire.js';
import type { ResultsResponse } from '../../../core/schema/results.js';
import type { Lang } from '../../../core/schema/text.js';
import { emit, type BarometreErrorDetail } from '../events.js';
import { toLoadFailure, type LoadFailure } from './load-error.js';
import { definitionFor, fetchResults } from './load-results.js';
import type { ResultsMessageKey } from './messages.js';
import type { ResultsRequest } from './results-query.js';

/**
 * What every published-figures request names: where the data comes from — a file (`src`), else a
 * static publication, else the API — and its theme when known.
 */
export interface FiguresRequest {
  api?: string;
  publication?: string;
  src?: string;
  theme?: string;
}

/** Published figures always say which theme they are about. */
export interface Figures {
  theme: string;
}

/** Fetches and validates one kind of figures (a chart's results, a map's territories). */
export type FetchFigures<R extends FiguresRequest, D extends Figures> = (request: R, lang: Lang, signal: AbortSignal) => Promise<D>;

/** Where loading stands. `unconfigured` names the missing setting, so the element can say which. */
export type FiguresState<D> =
  | { status: 'unconfigured'; missing: ResultsMessageKey }
  | { status: 'loading' }
  | { status: 'error'; failure: LoadFailure }
  | { status: 'ready'; results: D; definition?: QuestionnaireDefinition };

/** What the host gives the controller on every update: a request, or the setting it still lacks. */
export type FiguresRequestOrMissing<R> = { request: R; lang: Lang } | { missing: ResultsMessageKey };

export type ResultsState = FiguresState<ResultsResponse>;
export type RequestOrMissing = FiguresRequestOrMissing<ResultsRequest>;

/** `detail` of the `barometre-data` event. */
export interface BarometreDataDetail<D = ResultsResponse> {
  results: D;
}


/**
 * Loads and validates the figures an element shows, with the wording of their questionnaire, and
 * reloads them whenever what the element asks for changes — its attributes or the provider's
 * settings. A newer request aborts the previous one, so a late answer never replaces a fresher
 * one. Fires `barometre-data` and `barometre-error` on the host.
 */
export class FiguresController<R extends FiguresRequest, D extends Figures> implements ReactiveController {
  /** The current state; the host renders from it. */
  state: FiguresState<D> = { status: 'loading' };

  private key?: string;
  private abort?: AbortController;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly read: () => FiguresRequestOrMissing<R>,
    private readonly fetchFigures: FetchFigures<R, D>,
  ) {
    host.addController(this);
  }

  /**
   * Reads the host's request and starts a load when it changed. Runs before each render; a host
   * that derives what it shows in `willUpdate` calls it first, so the state it reads is this
   * update's. Reading twice changes nothing.
   */
  sync(): void {
    const next = this.read();
    if ('missing' in next) {
      this.cancel();
      this.key = undefined;
      this.state = { status: 'unconfigured', missing: next.missing };
      return;
    }
    const key = JSON.stringify(next.request);
    if (key === this.key) return;
    this.key = key;
    this.start(next.request, next.lang);
  }

  hostUpdate(): void {
    this.sync();
  }

  hostConnected(): void {
    // A load cut short by a disconnection starts again when the element comes back.
    if (this.key === undefined) this.host.requestUpdate();
  }

  hostDisconnected(): void {
    if (this.state.status === 'loading') {
      this.cancel();
      this.key = undefined;
    }
  }

  /** Loads the same request again (the "Réessayer" button). */
  retry(): void {
    this.key = undefined;
    this.host.requestUpdate();
  }

  private cancel(): void {
    this.abort?.abort();
    this.abort = undefined;
  }

  private start(request: R, lang: Lang): void {
    this.cancel();
    const abort = new AbortController();
    this.abort = abort;
    this.state = { status: 'loading' };
    void this.load(request, lang, abort);
  }

  private async load(request: R, lang: Lang, abort: AbortController): Promise<void> {
    // Both requests go out together when the theme is known; a file names its theme itself.
    const early = request.theme ? definitionFor(request, request.theme, lang) : undefined;
    try {
      const results = await this.fetchFigures(request, lang, abort.signal);
      const definition = await (early ?? definitionFor(request, results.theme, lang));
      if (abort !== this.abort) return;
      this.state = { status: 'ready', results, definition };
      this.host.requestUpdate();
      // Announced once drawn, so listeners find the figures in the element.
      await this.host.updateComplete;
      if (abort === this.abort) emit<BarometreDataDetail<D>>(this.host, 'barometre-data', { results });
    } catch (error) {
      if (abort !== this.abort || abort.signal.aborted) return;
      const failure = toLoadFailure(error, lang, Boolean(request.src || request.publication));
      this.state = { status: 'error', failure };
      this.host.requestUpdate();
      emit<BarometreErrorDetail>(this.host, 'barometre-error', failure);
    }
  }
}

/** The charts' and key figures' results, from `/resultats/:theme`, a static publication or a static file. */
export class ResultsController extends FiguresController<ResultsRequest, ResultsResponse> {
  constructor(host: ReactiveControllerHost & HTMLElement, read: () => RequestOrMissing) {
    super(host, read, fetchResults);
  }
}
