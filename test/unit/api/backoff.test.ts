import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { backoffDelay } from '../../../src/core/api/backoff.js';
import { newIdempotencyKey } from '../../../src/core/api/idempotency.js';

test('doubles from the base delay and stops at the cap', () => {
  const options = { baseMs: 1000, maxMs: 10_000, jitter: 0 };
  assert.deepEqual(
    [1, 2, 3, 4, 5, 6].map((attempt) => backoffDelay(attempt, options)),
    [1000, 2000, 4000, 8000, 10_000, 10_000],
  );
});

test('always stays between (1 − jitter) × the capped delay and the cap, whatever the attempt', () => {
  fc.assert(
    fc.property(fc.integer({ min: 1, max: 10_000 }), fc.double({ min: 0, max: 0.999, noNaN: true }), (attempt, random) => {
      const delay = backoffDelay(attempt, { baseMs: 500, maxMs: 60_000, jitter: 0.25 }, () => random);
      const capped = Math.min(60_000, 500 * 2 ** (attempt - 1));
      return Number.isFinite(delay) && delay <= capped && delay >= Math.floor(capped * 0.75);
    }),
  );
});

test('idempotency keys are distinct UUID v4 strings', () => {
  const keys = new Set(Array.from({ length: 200 }, newIdempotencyKey));
  assert.equal(keys.size, 200);
  for (const key of keys) assert.match(key, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
});
