import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { QuestionResult } from '../../../src/core/schema/results.js';
import {
  protectSuppressedTotal,
  suppressedAnswer,
  suppressedSeries,
  suppressSmallCells,
} from '../../../src/core/stats/index.js';
import { question } from './fixtures.js';

/** The codes whose cell is hidden. */
function hidden(result: QuestionResult): string[] {
  return Object.entries(result.answers ?? {})
    .filter(([, answer]) => answer.count === null)
    .map(([code]) => code);
}

/** A question with some cells hidden, as cross-series protection may leave it. */
function withHidden(base: QuestionResult, codes: string[]): QuestionResult {
  const answers = { ...base.answers };
  for (const code of codes) answers[code] = suppressedAnswer();
  return { ...base, answers };
}

describe('suppressSmallCells', () => {
  it('hides counts of 1 to minCell − 1 and counts whose complement is that small', () => {
    // n = 30, multiple choice: a 2 (small), b 26 (30 − 26 = 4 did not tick it: small), c 0 kept, d 2 (small).
    const result = suppressSmallCells(question(30, { a: 2, b: 26, c: 0, d: 2 }), 5);
    assert.deepEqual(hidden(result), ['a', 'b', 'd']);
  });

  it('keeps counts of exactly minCell and complements of exactly minCell', () => {
    const original = question(10, { a: 5, b: 5 });
    assert.equal(suppressSmallCells(original, 5), original);
  });
});

describe('protectSuppressedTotal', () => {
  it('hides the smallest non-zero cell while the hidden total is small', () => {
    // n = 40: a 3 hidden → total 3; smallest non-zero published: c (6) → total 9 ≥ 5.
    const result = protectSuppressedTotal(withHidden(question(40, { a: 3, b: 31, c: 6, d: 0 }), ['a']), 5);
    assert.deepEqual(hidden(result), ['a', 'c']);
  });

  it('keeps adding cells until the hidden total reaches minCell', () => {
    // minCell 10, n = 30: a 1 hidden; then b 4 (total 5), then c 5 (total 10).
    const result = protectSuppressedTotal(withHidden(question(30, { a: 1, b: 4, c: 5, d: 20 }), ['a']), 10);
    assert.deepEqual(hidden(result), ['a', 'b', 'c']);
  });

  it('gives a lone hidden cell a companion even when it is large, since n minus the others gives it', () => {
    // n = 20: a 5 hidden alone (e.g. by a parent series) = 20 − 5 − 10; b (5) is hidden with it.
    const result = protectSuppressedTotal(withHidden(question(20, { a: 5, b: 5, c: 10 }), ['a']), 5);
    assert.deepEqual(hidden(result), ['a', 'b']);
  });

  it('hides more when the hidden cells are zeros', () => {
    // a 0 and b 0 hidden: the total 0 says both are 0. The smallest non-zero cell, c (6), joins them.
    const result = protectSuppressedTotal(withHidden(question(20, { a: 0, b: 0, c: 6, d: 14 }), ['a', 'b']), 5);
    assert.deepEqual(hidden(result), ['a', 'b', 'c']);
  });

  it('falls back to a published zero when no other cell is left', () => {
    // a 20 hidden alone; b is 0: hiding b makes two hidden cells of total 20.
    const result = protectSuppressedTotal(withHidden(question(20, { a: 20, b: 0 }), ['a']), 5);
    assert.deepEqual(hidden(result), ['a', 'b']);
  });

  it('breaks ties by answer order', () => {
    const result = protectSuppressedTotal(withHidden(question(20, { a: 2, b: 6, c: 6, d: 6 }), ['a']), 5);
    assert.deepEqual(hidden(result), ['a', 'b']);
  });

  it('leaves a question alone when nothing is hidden, or when at least two hidden cells count minCell or more', () => {
    const none = question(20, { a: 10, b: 10 });
    assert.equal(protectSuppressedTotal(none, 5), none);
    const enough = withHidden(question(20, { a: 2, b: 4, c: 14 }), ['a', 'b']);
    assert.equal(protectSuppressedTotal(enough, 5), enough);
  });
});

describe('suppressedSeries', () => {
  it('keeps n and extra properties, drops questions and the effective size', () => {
    const result = suppressedSeries({ role: 'territoire', n: 12, effectiveN: 8, suppressed: false, questions: { a: question(12, { x: 12 }) } });
    assert.deepEqual(result, { role: 'territoire', n: 12, suppressed: true, questions: {} });
  });
});
