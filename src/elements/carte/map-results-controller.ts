import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { QuestionnaireDefinition } from '../../core/schema/questionnaire.js';
import type { Lang } from '../../core/schema/text.js';
import { toLoadFailure, type LoadFailure } from '../shared/results/load-error.js';
import { definitionFor } from '../shared/results/load-results.js';
import type { ResultsMessageKey } from '../shared/results/messages.js';
import { fetchMapResults } from './load-map-results.js';
import type { MapRequest } from './map-query.js';
import type { MapResults } from '../../core/schema/map-results.js';

/** Where loading stands. `unconfigured` names the missing setting, so the element can say which. */
export type MapResultsState =
  | { status: 'unconfigured'; missing: ResultsMessageKey }
  | { status: 'loading' }
  | { status: 'error'; failure: LoadFailure }
  | { status: 'ready'; results: MapResults; definition?: QuestionnaireDefinition };

/** What the host gives the controller on every update: a request, or the setting it still lacks. */
export type MapRequestOrMissing = { request: MapRequest; lang: Lang } | { missing: ResultsMessageKey };

/** `detail` of the map's `barometre-data` event. */
export interface MapDataDetail {
  results: MapResults;
}

/**
 * Loads and validates a map's figures, and loads them again whenever what the map asks for
 * changes (its attributes or the provider's settings). The same life cycle as the charts' results
 * controller, on the map route: a newer request aborts the older one, so a late answer never
 * replaces a fresher one. Fires `barometre-data` and `barometre-error` on the host.
 */
export class MapResultsController implements ReactiveController {
  /** The current state; the host renders from it. */
  state: MapResultsState = { status: 'loading' };

  private key?: string;
  private abort?: AbortController;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly read: () => MapRequestOrMissing,
  ) {
    host.addController(this);
  }

  /** Runs before each render: starts a load when the request changed. */
  hostUpdate(): void {
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

  private start(request: MapRequest, lang: Lang): void {
    this.cancel();
    const abort = new AbortController();
    this.abort = abort;
    this.state = { status: 'loading' };
    void this.load(request, lang, abort);
  }

  private async load(request: MapRequest, lang: Lang, abort: AbortController): Promise<void> {
    // Figures and wording go out together when the theme is known; a file names its theme itself.
    const early = request.theme ? definitionFor(request.api, request.theme, lang) : undefined;
    try {
      const results = await fetchMapResults(request, lang, abort.signal);
      const definition = await (early ?? definitionFor(request.api, results.theme, lang));
      if (abort !== this.abort) return;
      this.state = { status: 'ready', results, definition };
      this.host.requestUpdate();
      // Announced once drawn, so listeners find the figures in the element.
      await this.host.updateComplete;
      if (abort === this.abort) this.emit<MapDataDetail>('barometre-data', { results });
    } catch (error) {
      if (abort !== this.abort || abort.signal.aborted) return;
      const failure = toLoadFailure(error, lang, Boolean(request.src));
      this.state = { status: 'error', failure };
      this.host.requestUpdate();
      this.emit<LoadFailure>('barometre-error', failure);
    }
  }

  private emit<T>(type: string, detail: T): void {
    this.host.dispatchEvent(new CustomEvent<T>(type, { detail, bubbles: true, composed: true }));
  }
}
