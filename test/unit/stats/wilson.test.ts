import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { wilsonInterval, Z_95 } from '../../../src/core/stats/index.js';

/** Rounds both bounds to 4 decimals, as reference tables print them. */
function rounded(interval: [number, number] | null): [number, number] | null {
  return interval && [Number(interval[0].toFixed(4)), Number(interval[1].toFixed(4))];
}

describe('wilsonInterval', () => {
  // Reference values: Newcombe (1998), "Two-sided confidence intervals for the single
  // proportion: comparison of seven methods", Statistics in Medicine 17, table II, method 3
  // (score interval without continuity correction).
  it('matches Newcombe’s published score intervals', () => {
    assert.deepEqual(rounded(wilsonInterval(81 / 263, 263)), [0.2553, 0.3662]);
    assert.deepEqual(rounded(wilsonInterval(15 / 148, 148)), [0.0624, 0.1605]);
    assert.deepEqual(rounded(wilsonInterval(0 / 20, 20)), [0, 0.1611]);
    assert.deepEqual(rounded(wilsonInterval(1 / 29, 29)), [0.0061, 0.1718]);
  });

  it('gives [0.0411, 0.1500] for 8 cyberattacks among 100 respondents', () => {
    // p = 0.08, z² = 3.84146, z²/n = 0.0384146, denominator 1.0384146;
    // centre = (0.08 + 0.0192073) / 1.0384146 = 0.095539;
    // half-width = 1.959964 / 1.0384146 · √(0.08·0.92/100 + 3.84146/40000) = 1.887458 · 0.028845 = 0.054444.
    assert.deepEqual(rounded(wilsonInterval(0.08, 100)), [0.0411, 0.15]);
  });

  it('stays within [0, 1] and contains the share at both ends', () => {
    // 10 of 10: centre = (1 + 0.192073) / 1.384146 = 0.861233, half-width 0.138767 → [0.7225, 1].
    assert.deepEqual(rounded(wilsonInterval(1, 10)), [0.7225, 1]);
    const none = wilsonInterval(0, 10);
    assert.equal(none?.[0], 0);
  });

  it('accepts an effective sample size that is not whole, widening the interval as it shrinks', () => {
    const full = wilsonInterval(0.5, 100)!;
    const effective = wilsonInterval(0.5, 37.5)!;
    assert.ok(effective[0] < full[0] && effective[1] > full[1]);
  });

  it('has no interval for an empty sample and rejects a share outside [0, 1]', () => {
    assert.equal(wilsonInterval(0, 0), null);
    assert.throws(() => wilsonInterval(1.2, 10), RangeError);
  });

  it('uses the two-sided 95 % normal quantile', () => {
    assert.ok(Math.abs(Z_95 - 1.96) < 0.0001);
  });
});
