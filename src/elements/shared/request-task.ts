import { initialState, Task, TaskStatus } from '@lit/task';
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** What a host asks for on one update: a request, or nothing yet and why. */
export type Asked<R, I> = { request: R } | { idle: I };

/** Where a request stands; the host renders from it. */
export type RequestState<V, F, I> =
  | { status: 'idle'; reason: I }
  | { status: 'loading' }
  | { status: 'error'; failure: F }
  | { status: 'ready'; value: V };

/** A load's end: the task never throws, so a failure keeps the words the element shows. */
type Outcome<V, F> = { ok: true; value: V } | { ok: false; failure: F };

export interface RequestTaskOptions<R, V, F, I> {
  /** Read on every host update (from the host's properties), so it must be cheap. */
  ask: () => Asked<R, I>;
  /** What identifies a request: the same key never loads again. */
  keyOf: (request: R) => string;
  load: (request: R, signal: AbortSignal) => Promise<V>;
  /** What the element shows for what a load threw. */
  fail: (error: unknown, request: R) => F;
  /** Once the value is rendered, so listeners find it in the element. */
  onReady?: (value: V) => void;
  onError?: (failure: F) => void;
}

/**
 * One asynchronous figure of an element, on `Task` from `@lit/task`: the request is read from the
 * host's properties in `hostUpdate` (after `willUpdate`, so an element deriving what it shows from
 * this state does so in `update()`), loaded again whenever its key changes, and a newer request
 * aborts the one under way, so a late answer never replaces a fresher one. On top of `Task`: an
 * idle state that names what is missing, a retry, and a load cut short by a disconnection taken
 * up again when the element comes back.
 */
export class RequestTask<R, V, F, I = never> implements ReactiveController {
  private readonly task: Task<[Asked<R, I>], Outcome<V, F>>;
  private asked?: Asked<R, I>;
  /** A load was aborted because the element left the page; it starts again on reconnection. */
  private interrupted = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: RequestTaskOptions<R, V, F, I>,
  ) {
    host.addController(this);
    this.task = new Task(host, {
      args: () => [(this.asked = options.ask())],
      argsEqual: ([before], [after]) => this.keyOf(before) === this.keyOf(after),
      task: ([asked], { signal }) => this.run(asked, signal),
      onComplete: (outcome) => this.settled(outcome),
    });
  }

  get state(): RequestState<V, F, I> {
    const asked = this.asked;
    if (asked && 'idle' in asked) return { status: 'idle', reason: asked.idle };
    const outcome = this.interrupted || this.task.status !== TaskStatus.COMPLETE ? undefined : this.task.value;
    if (!outcome) return { status: 'loading' };
    return outcome.ok ? { status: 'ready', value: outcome.value } : { status: 'error', failure: outcome.failure };
  }

  /** Whether a request is still the one asked for (for work that outlives its load). */
  isCurrent(request: R): boolean {
    return this.asked !== undefined && this.keyOf(this.asked) === this.keyOf({ request });
  }

  /** Loads the same request again (the "Réessayer" button). */
  retry(): void {
    void this.task.run();
  }

  hostConnected(): void {
    if (!this.interrupted) return;
    this.interrupted = false;
    void this.task.run();
  }

  hostDisconnected(): void {
    if (this.task.status !== TaskStatus.PENDING || !this.asked || 'idle' in this.asked) return;
    this.interrupted = true;
    this.task.abort();
  }

  private keyOf(asked: Asked<R, I>): string {
    return 'idle' in asked ? `idle:${String(asked.idle)}` : `request:${this.options.keyOf(asked.request)}`;
  }

  private async run(asked: Asked<R, I>, signal: AbortSignal): Promise<Outcome<V, F> | typeof initialState> {
    // Asking nothing still goes through the task, so that it aborts the load under way.
    if ('idle' in asked) return initialState;
    try {
      return { ok: true, value: await this.options.load(asked.request, signal) };
    } catch (error) {
      return { ok: false, failure: this.options.fail(error, asked.request) };
    }
  }

  private settled(outcome: Outcome<V, F>): void {
    if (this.interrupted) return;
    if (!outcome.ok) {
      this.options.onError?.(outcome.failure);
      return;
    }
    const { onReady } = this.options;
    if (!onReady) return;
    // Task asks for the update right after this call: ask first, so the wait below covers it.
    this.host.requestUpdate();
    void this.host.updateComplete.then(() => {
      if (!this.interrupted && this.task.value === outcome) onReady(outcome.value);
    });
  }
}
