import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compareShares, FRAGILE_BELOW, isFragile, marginPoints } from '../../../src/core/stats/margin.js';
import { wilsonInterval } from '../../../src/core/stats/wilson.js';

describe('margin of error', () => {
  it('says the larger side of the interval, in whole points rounded up', () => {
    assert.equal(marginPoints(0.28, [0.2, 0.37]), 9);
    assert.equal(marginPoints(0.5, [0.45, 0.55]), 5);
    // 0.1 − 0.02 is 8 points and 0.1 + 0.081 − 0.1 is 8.1: the larger wins, rounded up.
    assert.equal(marginPoints(0.1, [0.02, 0.181]), 9);
  });

  it('is never said as zero, and is absent without an interval', () => {
    assert.equal(marginPoints(1, [0.999, 1]), 1);
    assert.equal(marginPoints(0.3, null), null);
    assert.equal(marginPoints(0.3, undefined), null);
  });

  it('follows the Wilson interval the API publishes', () => {
    // 28 % of 100 respondents: Wilson gives about [20.1 %, 37.5 %], so ± 10 points.
    assert.equal(marginPoints(0.28, wilsonInterval(0.28, 100)), 10);
  });
});

describe('fragile figures', () => {
  it('are those on fewer than 30 respondents', () => {
    assert.equal(isFragile(FRAGILE_BELOW - 1, 0.5, wilsonInterval(0.5, FRAGILE_BELOW - 1)), true);
    assert.equal(isFragile(FRAGILE_BELOW, 0.5, [0.4, 0.6]), false);
  });

  it('or with a margin over 15 points, as weighted figures on few effective respondents have', () => {
    assert.equal(isFragile(200, 0.5, [0.3, 0.7]), true);
    assert.equal(isFragile(null, 0.5, [0.4, 0.6]), false);
  });
});

describe('comparing two shares', () => {
  it('tells them apart only when their intervals do not overlap', () => {
    assert.equal(compareShares({ share: 0.6, ci: [0.55, 0.65] }, { share: 0.4, ci: [0.35, 0.45] }), 'superieur');
    assert.equal(compareShares({ share: 0.4, ci: [0.35, 0.45] }, { share: 0.6, ci: [0.55, 0.65] }), 'inferieur');
    assert.equal(compareShares({ share: 0.09, ci: [0.03, 0.2] }, { share: 0.26, ci: [0.18, 0.35] }), 'indistinct');
  });

  it('claims nothing when either side has no interval', () => {
    assert.equal(compareShares({ share: 0.9, ci: null }, { share: 0.1, ci: [0.05, 0.15] }), 'indistinct');
  });
});
