import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { TerritoryChoice } from './choice.js';

/** Shortest text searched: the API refuses fewer characters, and one letter matches half the country. */
export const MIN_SEARCH_LENGTH = 2;

/** Pause after the last keystroke before searching: long enough to skip a fast typist's intermediate texts. */
export const SEARCH_DELAY_MS = 150;

/** Where a search stands. `text` is the text the state is about, as typed. */
export type SearchState =
  | { status: 'idle' }
  | { status: 'short'; text: string }
  /** `choices` are the previous ones, kept on screen meanwhile so the list does not flicker. */
  | { status: 'loading'; text: string; choices: TerritoryChoice[] }
  | { status: 'ready'; text: string; choices: TerritoryChoice[] }
  | { status: 'error'; text: string; error: unknown };

/** Runs one search; it should give up when `signal` aborts. */
export type SearchFunction = (text: string, signal: AbortSignal) => Promise<TerritoryChoice[]>;

/**
 * Turns what a person types into search results without ever freezing or contradicting itself:
 * each keystroke restarts a short pause, a new search aborts the one in flight, and an answer to
 * an older text is dropped even when it arrives last (a source that cannot abort, a slow proxy).
 */
export class SearchController implements ReactiveController {
  /** The current state; the host re-renders whenever it changes. */
  state: SearchState = { status: 'idle' };

  private timer: ReturnType<typeof setTimeout> | undefined;
  private inFlight: AbortController | undefined;
  // Bumped by every request: an answer carrying an older number is outdated.
  private generation = 0;

  /**
   * @param search Runs one search.
   * @param onSettled Called when a search ends with results or an error, after the state changed.
   */
  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly search: SearchFunction,
    private readonly onSettled: (state: SearchState) => void = () => {},
  ) {
    host.addController(this);
  }

  /** Searches `text` after the pause, or at once (`immediate`: a key asked for the list). */
  request(text: string, { immediate = false } = {}): void {
    this.cancel();
    const generation = this.generation;
    const trimmed = text.trim();
    if (trimmed === '') return this.set({ status: 'idle' });
    if (trimmed.length < MIN_SEARCH_LENGTH) return this.set({ status: 'short', text });
    this.set({ status: 'loading', text, choices: this.shownChoices() });
    if (immediate) this.run(text, generation);
    else this.timer = setTimeout(() => this.run(text, generation), SEARCH_DELAY_MS);
  }

  /** Searches the last text again, at once (after an error). */
  retry(): void {
    if (this.state.status !== 'idle') this.request(this.state.text, { immediate: true });
  }

  /** Forgets the text and its results, cancelling any pending search. */
  clear(): void {
    this.cancel();
    this.set({ status: 'idle' });
  }

  /** The choices on screen: the results, or the previous ones while a search runs. */
  get choices(): TerritoryChoice[] {
    return this.shownChoices();
  }

  hostDisconnected(): void {
    // Nothing to show the answer to: the request is dropped and the pause forgotten.
    this.cancel();
    if (this.state.status === 'loading') this.set({ status: 'idle' });
  }

  private shownChoices(): TerritoryChoice[] {
    return this.state.status === 'ready' || this.state.status === 'loading' ? this.state.choices : [];
  }

  private cancel(): void {
    this.generation += 1;
    clearTimeout(this.timer);
    this.timer = undefined;
    this.inFlight?.abort();
    this.inFlight = undefined;
  }

  private run(text: string, generation: number): void {
    const controller = new AbortController();
    this.inFlight = controller;
    this.search(text, controller.signal).then(
      (choices) => this.settle(generation, { status: 'ready', text, choices }),
      (error: unknown) => this.settle(generation, { status: 'error', text, error }),
    );
  }

  private settle(generation: number, state: SearchState): void {
    if (generation !== this.generation) return;
    this.inFlight = undefined;
    this.set(state);
    this.onSettled(state);
  }

  private set(state: SearchState): void {
    this.state = state;
    this.host.requestUpdate();
  }
}
