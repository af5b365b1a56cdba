import type { ReactiveControllerHost } from 'lit';
import type { QuestionnaireDefinition } from '../../../core/schema/questionnaire.js';
import type { ResultsResponse } from '../../../core/schema/results.js';
import type { Lang } from '../../../core/schema/text.js';
import { afterPaint } from '../after-paint.js';
import { emit, type BarometreErrorDetail } from '../events.js';
import { RequestTask } from '../request-task.js';
import { toLoadFailure, type LoadFailure } from './load-error.js';
import { confirmDefinition, definitionFor, fetchResults } from './load-results.js';
import type { ResultsMessageKey } from './messages.js';
import type { ResultsRequest } from './results-query.js';
import { Unverified } from './unverified.js';

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

/** Figures about one question always say which theme they are about. */
export interface Figures {
  theme: string;
}

/**
 * Fetches and validates one kind of figures (a chart's results, a map's territories), or fetches
 * them after a quick look only, their full check to run once they are drawn ({@link Unverified}).
 */
export type FetchFigures<R extends FiguresRequest, D extends object> = (
  request: R,
  lang: Lang,
  signal: AbortSignal,
) => Promise<D | Unverified<D>>;

/**
 * The theme whose questionnaire words some figures: the one asked, else the one the figures name
 * (a file names its own); `undefined` for figures that need no questionnaire to be read, such as
 * participation, which names its themes itself (no definition is then requested).
 */
export type WordingTheme<R, D> = (request: R, figures?: D) => string | undefined;

/** The wording of figures about one question: their questionnaire's. */
export function questionWording<R extends FiguresRequest, D extends Figures>(request: R, figures?: D): string | undefined {
  return request.theme || figures?.theme;
}

/** Where loading stands. `unconfigured` names the missing setting, so the element can say which. */
export type FiguresState<D> =
  | { status: 'unconfigured'; missing: ResultsMessageKey }
  | { status: 'loading' }
  | { status: 'error'; failure: LoadFailure }
  | { status: 'ready'; results: D; definition?: QuestionnaireDefinition };

/** What the host gives the controller on every update: a request, or the setting it still lacks. */
export type FiguresRequestOrMissing<R> = { request: R; lang: Lang } | { missing: ResultsMessageKey };

export type RequestOrMissing = FiguresRequestOrMissing<ResultsRequest>;

/** `detail` of the `barometre-data` event. */
export interface BarometreDataDetail<D = ResultsResponse> {
  results: D;
}

/** A request with the language its figures are worded in. */
type Asking<R> = { request: R; lang: Lang };

/** What one load brings: the figures and the questionnaire that words them. */
interface Loaded<D> {
  results: D;
  definition?: QuestionnaireDefinition;
  /** The full checks left for after the first frame: what to show then, or the refusal. */
  confirm: () => Promise<Confirmed<D>>;
}

type Confirmed<D> = { value: Pick<Loaded<D>, 'results' | 'definition'> } | { failure: LoadFailure };

/**
 * Loads and validates the figures an element shows, with the wording of their questionnaire, and
 * reloads them whenever what the element asks for changes — its attributes or the provider's
 * settings (a change of language alone keeps the figures). Fires `barometre-data` and
 * `barometre-error` on the host. The life cycle (abort, retry, reconnection) is {@link RequestTask}'s.
 */
export class FiguresController<R extends FiguresRequest, D extends object> {
  private readonly task: RequestTask<Asking<R>, Loaded<D>, LoadFailure, ResultsMessageKey>;
  /** The outcome of the full checks of the load shown, once they have run. */
  private confirmed?: { of: Loaded<D>; outcome: Confirmed<D> };

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    read: () => FiguresRequestOrMissing<R>,
    fetchFigures: FetchFigures<R, D>,
    wordingTheme: WordingTheme<R, D>,
  ) {
    this.task = new RequestTask<Asking<R>, Loaded<D>, LoadFailure, ResultsMessageKey>(host, {
      ask: () => {
        const next = read();
        return 'missing' in next ? { idle: next.missing } : { request: next };
      },
      keyOf: ({ request }) => JSON.stringify(request),
      load: async ({ request, lang }, signal) => {
        // Both requests go out together when the theme is known; a file names its theme itself.
        const asked = wordingTheme(request);
        const early = asked ? definitionFor(request, asked, lang) : undefined;
        const fetched = await fetchFigures(request, lang, signal);
        const results = fetched instanceof Unverified ? fetched.figures : fetched;
        const theme = asked ?? wordingTheme(request, results);
        const definition = await (early ?? (theme ? definitionFor(request, theme, lang) : undefined));
        const confirm = async (): Promise<Confirmed<D>> => {
          try {
            if (fetched instanceof Unverified) await fetched.verify();
            return { value: { results, definition: theme ? await confirmDefinition(request, theme, definition, lang) : undefined } };
          } catch (error) {
            return { failure: toLoadFailure(error, lang, Boolean(request.src || request.publication)) };
          }
        };
        return { results, definition, confirm };
      },
      fail: (error, { request, lang }) => toLoadFailure(error, lang, Boolean(request.src || request.publication)),
      onReady: (loaded) => {
        emit<BarometreDataDetail<D>>(host, 'barometre-data', { results: loaded.results });
        void this.confirm(loaded);
      },
      onError: (failure) => emit<BarometreErrorDetail>(host, 'barometre-error', failure),
    });
  }

  /** The current state; the host renders from it (in `update()` or later: it is read in `hostUpdate`). */
  get state(): FiguresState<D> {
    const state = this.task.state;
    switch (state.status) {
      case 'idle':
        return { status: 'unconfigured', missing: state.reason };
      case 'ready': {
        const outcome = this.confirmed?.of === state.value ? this.confirmed.outcome : undefined;
        if (outcome && 'failure' in outcome) return { status: 'error', failure: outcome.failure };
        const { results, definition } = outcome?.value ?? state.value;
        return { status: 'ready', results, definition };
      }
      default:
        return state;
    }
  }

  /** Loads the same request again (the "Réessayer" button). */
  retry(): void {
    this.task.retry();
  }

  /**
   * Runs the full checks of figures once their first frame is painted. Figures that break their
   * contract then give way to the refusal, shown and sent as `barometre-error` as if the load had
   * failed (they had passed the quick look, so nothing they show is out of range); a definition
   * that breaks its own gives way to the bundled one. A newer load wins meanwhile.
   */
  private async confirm(loaded: Loaded<D>): Promise<void> {
    const shown = () => {
      const state = this.task.state;
      return state.status === 'ready' && state.value === loaded;
    };
    await afterPaint();
    if (!shown()) return;
    const outcome = await loaded.confirm();
    if (!shown()) return;
    this.confirmed = { of: loaded, outcome };
    if ('failure' in outcome) {
      this.host.requestUpdate();
      emit<BarometreErrorDetail>(this.host, 'barometre-error', outcome.failure);
      return;
    }
    if (outcome.value.definition !== loaded.definition) this.host.requestUpdate();
  }
}

/** The charts' and key figures' results, from `/resultats/:theme`, a static publication or a static file. */
export class ResultsController extends FiguresController<ResultsRequest, ResultsResponse> {
  constructor(host: ReactiveControllerHost & HTMLElement, read: () => RequestOrMissing) {
    super(host, read, fetchResults, questionWording);
  }
}
