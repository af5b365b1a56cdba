/**
 * A sequence of database steps written once and run by either store. better-sqlite3 is
 * synchronous and its transactions cannot span an `await`; `pg` is asynchronous. A sequence is
 * therefore a generator that yields each step's value (a plain value from SQLite, a promise from
 * PostgreSQL) and is handed back the result: {@link runNow} feeds it synchronously inside a SQLite
 * transaction, {@link runLater} awaits each step inside a PostgreSQL one.
 */

/** What a store's step gives: at once, or later. */
export type Maybe<T> = T | Promise<T>;

/** A sequence of steps ending with a `T`. */
export type Sequence<T> = Generator<unknown, T, unknown>;

/** One step inside a sequence: `const row = yield* step(tx.read(…))` gives the row, whichever store. */
export function* step<T>(value: Maybe<T>): Generator<Maybe<T>, T, unknown> {
  // The runners hand back what this very step gave (awaited): a `T`.
  return (yield value) as T;
}

/** Runs a sequence whose steps are all synchronous (SQLite). */
export function runNow<T>(sequence: Sequence<T>): T {
  let next = sequence.next();
  while (!next.done) {
    if (next.value instanceof Promise) throw new Error('A synchronous store gave a promise');
    next = sequence.next(next.value);
  }
  return next.value;
}

/** Runs a sequence whose steps may be promises (PostgreSQL); a failed step is thrown into it. */
export async function runLater<T>(sequence: Sequence<T>): Promise<T> {
  let next = sequence.next();
  while (!next.done) {
    let value: unknown;
    try {
      value = await next.value;
    } catch (error) {
      next = sequence.throw(error);
      continue;
    }
    next = sequence.next(value);
  }
  return next.value;
}
