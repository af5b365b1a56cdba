// The runners of the store's sequences: one sequence, fed synchronously (SQLite) or awaited (PostgreSQL).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { runLater, runNow, step, type Maybe, type Sequence } from '../../../src/server/store/steps.js';

/** Adds what two steps give, and fails when told to. */
function* sum(a: () => Maybe<number>, b: () => Maybe<number>): Sequence<number> {
  const first = yield* step(a());
  const second = yield* step(b());
  return first + second;
}

describe('store steps', () => {
  test('a sequence of plain values runs at once', () => {
    assert.equal(runNow(sum(() => 1, () => 2)), 3);
  });

  test('the same sequence of promises runs awaited', async () => {
    assert.equal(await runLater(sum(() => Promise.resolve(1), () => Promise.resolve(2))), 3);
  });

  test('a synchronous store that gives a promise is a mistake, not a silent wrong value', () => {
    assert.throws(() => runNow(sum(() => 1, () => Promise.resolve(2))), /synchronous store gave a promise/);
  });

  test('a failed step is thrown into the sequence, which may catch it', async () => {
    function* recover(): Sequence<string> {
      try {
        yield* step(Promise.reject(new Error('lost a race')));
        return 'unreachable';
      } catch (error) {
        return `caught: ${(error as Error).message}`;
      }
    }
    assert.equal(await runLater(recover()), 'caught: lost a race');
    await assert.rejects(runLater(sum(() => Promise.reject(new Error('down')), () => 2)), /down/);
  });
});
