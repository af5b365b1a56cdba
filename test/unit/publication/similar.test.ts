import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { SeriesFigures } from '../../../src/server/publication/compose.js';
import { profileOf, standardisedSeries } from '../../../src/server/publication/similar.js';

const answer = (count: number, n: number) => ({ status: 'publie' as const, count, share: count / n, shareOfAll: count / n, ci: null });
const group = (oui: number, n: number): SeriesFigures => ({
  status: 'publie',
  n,
  questions: { q: { status: 'publie', n, answers: { oui: answer(oui, n), non: answer(n - oui, n) } } },
});
const hidden: SeriesFigures = {
  status: 'publie',
  n: 40,
  questions: {
    q: { status: 'publie', n: 40, answers: { oui: { status: 'masque', count: null, share: null, shareOfAll: null }, non: { status: 'masque', count: null, share: null, shareOfAll: null } } },
  },
};

describe('the profile of a territory', () => {
  it('is the share of its communes and EPCI in each kind and band; councils are not part of it', () => {
    const profile = profileOf({ 'commune|0-499': 300, 'commune|500-999': 100, 'epci|20000-49999': 0, 'departement|100000+': 1 });
    assert.deepEqual(profile, [
      { key: 'groupe:commune:0-499', weight: 0.75 },
      { key: 'groupe:commune:500-999', weight: 0.25 },
    ]);
  });
});

describe('similar collectivités, standardised to a profile', () => {
  const profile = [
    { key: 'groupe:commune:0-499', weight: 0.75 },
    { key: 'groupe:commune:500-999', weight: 0.25 },
  ];

  it('weights each group’s share by the profile (worked example)', () => {
    // 0.75 × 20/100 + 0.25 × 60/50 = 0.15 + 0.15 = 0.30.
    const series = standardisedSeries({ 'groupe:commune:0-499': group(20, 100), 'groupe:commune:500-999': group(30, 50) }, profile)!;
    assert.equal(series.n, 150);
    const q = series.questions.q!;
    assert.equal(q.n, 150);
    assert.equal(q.coverage, undefined);
    assert.ok(Math.abs(q.answers!.oui!.share! - 0.3) < 1e-12);
    assert.ok(Math.abs(q.answers!.non!.share! - 0.7) < 1e-12);
    // Variance 0.75²·0.2·0.8/100 + 0.25²·0.6·0.4/50 = 0.0012: effective size 0.21 / 0.0012 = 175.
    const [low, high] = q.answers!.oui!.ci!;
    assert.ok(low < 0.3 && high > 0.3 && high - low < 0.15, `${low} ${high}`);
  });

  it('leaves out a group that hides answers and reports the coverage left', () => {
    const series = standardisedSeries({ 'groupe:commune:0-499': hidden, 'groupe:commune:500-999': group(30, 50) }, profile)!;
    const q = series.questions.q!;
    assert.equal(q.coverage, 0.25);
    assert.equal(q.answers!.oui!.share, 0.6);
  });

  it('publishes nothing when no group can stand for the profile, and says why', () => {
    assert.deepEqual(standardisedSeries({ 'groupe:commune:0-499': hidden }, profile)!.questions.q, { status: 'masque', n: null });
    assert.deepEqual(standardisedSeries({}, profile), { status: 'aucune', n: 0, questions: {} });
    assert.equal(standardisedSeries({}, []), undefined);
  });
});
