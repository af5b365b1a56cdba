import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { quantile, quartiles } from '../../../src/core/stats/index.js';

describe('quartiles (type 7)', () => {
  it('interpolates between order statistics', () => {
    // 1..10: h = 9·0.25 = 2.25 → 3 + 0.25·(4 − 3) = 3.25; h = 4.5 → 5.5; h = 6.75 → 7 + 0.75 = 7.75.
    assert.deepEqual(quartiles([7, 1, 10, 4, 2, 9, 3, 6, 8, 5]), { q1: 3.25, median: 5.5, q3: 7.75 });
  });

  it('lands on order statistics when (n − 1)·p is whole', () => {
    // 5 values: h = 1, 2, 3 → the 2nd, 3rd and 4th smallest.
    assert.deepEqual(quartiles([40, 10, 30, 0, 20]), { q1: 10, median: 20, q3: 30 });
  });

  it('handles one value and repeated values', () => {
    assert.deepEqual(quartiles([42]), { q1: 42, median: 42, q3: 42 });
    // [2, 2, 2, 8]: h = 0.75 → 2; h = 1.5 → 2; h = 2.25 → 2 + 0.25·6 = 3.5.
    assert.deepEqual(quartiles([8, 2, 2, 2]), { q1: 2, median: 2, q3: 3.5 });
  });

  it('has no quartiles for no value and rejects a probability outside [0, 1]', () => {
    assert.equal(quartiles([]), null);
    assert.ok(Number.isNaN(quantile([], 0.5)));
    assert.throws(() => quantile([1, 2], 1.5), RangeError);
  });

  it('gives the extremes at 0 and 1', () => {
    assert.equal(quantile([3, 5, 9], 0), 3);
    assert.equal(quantile([3, 5, 9], 1), 9);
  });
});
