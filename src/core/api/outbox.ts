import { backoffDelay, type BackoffOptions } from './backoff.js';
import { ApiError, isRetryable as defaultIsRetryable } from './errors.js';
import { newIdempotencyKey } from './idempotency.js';
import { DEFAULT_OUTBOX_KEY } from './outbox-key.js';
import { readJson, writeJson, type StorageLike } from './storage.js';

/**
 * A queue of writes that survives network failures and page reloads. Each entry keeps the
 * idempotency key it was born with, so however many times it is sent, the server applies it
 * once. An entry leaves the queue only on a definitive answer.
 */

/** One queued write. */
export interface OutboxEntry<P> {
  /** The idempotency key, sent unchanged on every attempt; also the entry's id. */
  id: string;
  payload: P;
  /** When it was queued (ISO 8601). */
  createdAt: string;
  /** Attempts that failed so far. */
  attempts: number;
  /** Epoch milliseconds before which the entry is not retried (unless a retry is forced). */
  nextAttemptAt: number;
  /** Why the last attempt failed, for display after a reload. */
  lastError?: { code: string; message: string; status?: number };
}

/** A change of an entry's state, as listeners hear it. */
export type OutboxEvent<P, R> =
  | { type: 'queued'; entry: OutboxEntry<P> }
  | { type: 'sending'; entry: OutboxEntry<P> }
  /** The attempt failed in a way that may pass: the entry stays and is retried at `retryAt`. */
  | { type: 'waiting'; entry: OutboxEntry<P>; error: unknown; retryAt: number }
  | { type: 'delivered'; entry: OutboxEntry<P>; response: R }
  /** The server refused it for good (e.g. 422): retrying would change nothing, so it left the queue. */
  | { type: 'failed'; entry: OutboxEntry<P>; error: unknown };

export type OutboxListener<P, R> = (event: OutboxEvent<P, R>) => void;

/** Timer functions, injectable so tests control time. */
export interface OutboxTimers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** Where the `online` event comes from: `window` in browsers. */
export interface OnlineEvents {
  addEventListener(type: 'online', listener: () => void): void;
  removeEventListener(type: 'online', listener: () => void): void;
}

/** Settings of {@link createOutbox}. */
export interface OutboxOptions<P, R> {
  storage: StorageLike;
  /** Sends one entry. Resolving delivers it; rejecting is judged by `isRetryable`. */
  send: (payload: P, idempotencyKey: string) => Promise<R>;
  /** The storage key of the queue. */
  storageKey?: string;
  /** Which failures keep an entry waiting; by default network errors, 408, 429 and 5xx. */
  isRetryable?: (error: unknown) => boolean;
  backoff?: BackoffOptions;
  /** Checks a payload read back from storage; entries that fail are ignored. */
  isPayload?: (value: unknown) => value is P;
  now?: () => number;
  random?: () => number;
  timers?: OutboxTimers;
  /** Defaults to the global object when it has `addEventListener` (a window); `null` for none. */
  onlineEvents?: OnlineEvents | null;
  newKey?: () => string;
}

/** The queue. */
export interface Outbox<P, R> {
  /** Queues a payload under a fresh idempotency key, persists it at once and starts sending it. */
  enqueue(payload: P): OutboxEntry<P>;
  /**
   * Sends the entries that are due (all of them with `force`). Flushes of one outbox run one
   * after another, and an entry being sent anywhere in the page is never sent again meanwhile.
   */
  flush(options?: { force?: boolean }): Promise<void>;
  /** The queued entries, oldest first. */
  entries(): OutboxEntry<P>[];
  /** Removes an entry without sending it (the respondent chose to start again). */
  discard(id: string): void;
  /** Calls `listener` on every state change; returns the function that stops it. */
  subscribe(listener: OutboxListener<P, R>): () => void;
  /** Retries when the network returns and when backoff delays end; flushes everything once now. */
  start(): void;
  /** Stops listening and cancels the pending retry. */
  stop(): void;
}

export { DEFAULT_OUTBOX_KEY };

/**
 * Entries being sent by any outbox of this page. Two elements may each hold an outbox over the
 * same storage; this keeps them from sending one entry twice at the same time.
 */
const inFlight = new Set<string>();

/** Browsers cap timers at 2^31 − 1 ms; a longer wait would fire at once. */
const MAX_TIMER_MS = 2 ** 31 - 1;

function isEntryShape(value: unknown): value is OutboxEntry<unknown> {
  if (value === null || typeof value !== 'object') return false;
  const entry = value as Record<string, unknown>;
  return (
    typeof entry.id === 'string' &&
    entry.id !== '' &&
    typeof entry.createdAt === 'string' &&
    typeof entry.attempts === 'number' &&
    typeof entry.nextAttemptAt === 'number' &&
    'payload' in entry
  );
}

function describeError(error: unknown): OutboxEntry<unknown>['lastError'] {
  if (error instanceof ApiError) return { code: error.code, message: error.message, status: error.status };
  if (error instanceof Error) return { code: error.name, message: error.message };
  return { code: 'unknown', message: String(error) };
}

/**
 * Creates an outbox over a storage.
 *
 * ```ts
 * const outbox = createOutbox({ storage: localStorage, send: (p, key) => api.submit({ ...p, idempotencyKey: key }) });
 * outbox.subscribe((event) => { if (event.type === 'delivered') show(event.response); });
 * outbox.start();
 * outbox.enqueue({ siret, theme, submission });
 * ```
 */
export function createOutbox<P, R>(options: OutboxOptions<P, R>): Outbox<P, R> {
  const storageKey = options.storageKey ?? DEFAULT_OUTBOX_KEY;
  const isRetryable = options.isRetryable ?? defaultIsRetryable;
  const isPayload = options.isPayload ?? ((value: unknown): value is P => value !== undefined);
  const now = options.now ?? Date.now;
  const random = options.random ?? Math.random;
  const timers: OutboxTimers = options.timers ?? {
    setTimeout: (callback, ms) => setTimeout(callback, ms),
    clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
  };
  const onlineEvents =
    options.onlineEvents === undefined
      ? typeof (globalThis as Partial<OnlineEvents>).addEventListener === 'function'
        ? (globalThis as unknown as OnlineEvents)
        : null
      : options.onlineEvents;
  const newKey = options.newKey ?? newIdempotencyKey;

  const listeners = new Set<OutboxListener<P, R>>();
  // When the storage refuses a write (full, disabled), the queue still holds in memory for this page.
  let unsaved: OutboxEntry<P>[] | undefined;
  // Entries already settled here, hidden even if the storage could not forget them.
  const settled = new Set<string>();
  let started = false;
  let timer: unknown;
  let running: Promise<void> | undefined;
  let again = false;
  let forceNext = false;

  function read(): OutboxEntry<P>[] {
    const stored = readJson(options.storage, storageKey);
    const list = Array.isArray(stored) ? stored : [];
    const valid = list.filter(
      (entry): entry is OutboxEntry<P> => isEntryShape(entry) && isPayload(entry.payload) && !settled.has(entry.id),
    );
    if (!unsaved) return valid;
    const ids = new Set(valid.map((entry) => entry.id));
    return [...valid, ...unsaved.filter((entry) => !ids.has(entry.id) && !settled.has(entry.id))];
  }

  function write(list: OutboxEntry<P>[]): void {
    unsaved = writeJson(options.storage, storageKey, list) ? undefined : list;
  }

  function update(id: string, change: (entry: OutboxEntry<P>) => OutboxEntry<P> | undefined): void {
    const list: OutboxEntry<P>[] = [];
    for (const entry of read()) {
      const next = entry.id === id ? change(entry) : entry;
      if (next) list.push(next);
    }
    write(list);
  }

  function emit(event: OutboxEvent<P, R>): void {
    for (const listener of [...listeners]) {
      try {
        listener(event);
      } catch (error) {
        // One faulty listener must not keep the others from hearing, nor break the queue.
        console.error(error);
      }
    }
  }

  async function deliver(entry: OutboxEntry<P>): Promise<void> {
    inFlight.add(entry.id);
    try {
      emit({ type: 'sending', entry });
      let response: R;
      try {
        response = await options.send(entry.payload, entry.id);
      } catch (error) {
        if (isRetryable(error)) {
          const attempts = entry.attempts + 1;
          const wait = Math.max(
            backoffDelay(attempts, options.backoff, random),
            error instanceof ApiError ? (error.retryAfterMs ?? 0) : 0,
          );
          const waiting: OutboxEntry<P> = { ...entry, attempts, nextAttemptAt: now() + wait, lastError: describeError(error) };
          update(entry.id, () => waiting);
          emit({ type: 'waiting', entry: waiting, error, retryAt: waiting.nextAttemptAt });
        } else {
          settled.add(entry.id);
          update(entry.id, () => undefined);
          emit({ type: 'failed', entry, error });
        }
        return;
      }
      settled.add(entry.id);
      update(entry.id, () => undefined);
      emit({ type: 'delivered', entry, response });
    } finally {
      inFlight.delete(entry.id);
    }
  }

  async function pass(force: boolean): Promise<void> {
    const due = read()
      .filter((entry) => force || entry.nextAttemptAt <= now())
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    for (const candidate of due) {
      if (inFlight.has(candidate.id)) continue;
      // Read again just before sending: another tab or outbox may have settled it meanwhile.
      const current = read().find((entry) => entry.id === candidate.id);
      if (current) await deliver(current);
    }
  }

  function schedule(): void {
    if (timer !== undefined) timers.clearTimeout(timer);
    timer = undefined;
    if (!started) return;
    const waiting = read().filter((entry) => !inFlight.has(entry.id));
    if (waiting.length === 0) return;
    const next = Math.min(...waiting.map((entry) => entry.nextAttemptAt));
    timer = timers.setTimeout(() => {
      timer = undefined;
      void flush();
    }, Math.min(Math.max(0, next - now()), MAX_TIMER_MS));
  }

  function flush(flushOptions: { force?: boolean } = {}): Promise<void> {
    if (flushOptions.force) forceNext = true;
    if (running) {
      // A flush is under way: run one more pass after it, for entries queued meanwhile.
      again = true;
      return running;
    }
    running = (async () => {
      do {
        again = false;
        const force = forceNext;
        forceNext = false;
        await pass(force);
      } while (again);
    })().finally(() => {
      running = undefined;
      schedule();
    });
    return running;
  }

  const onOnline = () => void flush({ force: true });

  return {
    enqueue(payload) {
      const entry: OutboxEntry<P> = {
        id: newKey(),
        payload,
        createdAt: new Date(now()).toISOString(),
        attempts: 0,
        nextAttemptAt: 0,
      };
      write([...read(), entry]);
      emit({ type: 'queued', entry });
      void flush();
      return entry;
    },
    flush,
    entries: () => read().sort((a, b) => a.createdAt.localeCompare(b.createdAt)),
    discard(id) {
      settled.add(id);
      update(id, () => undefined);
      schedule();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    start() {
      if (started) return;
      started = true;
      onlineEvents?.addEventListener('online', onOnline);
      void flush({ force: true });
    },
    stop() {
      started = false;
      onlineEvents?.removeEventListener('online', onOnline);
      schedule();
    },
  };
}
