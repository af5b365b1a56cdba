import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  applyPostStratification,
  kishEffectiveN,
  postStratificationWeights,
  stratumKey,
} from '../../../src/core/stats/index.js';
import { near } from './fixtures.js';

describe('kishEffectiveN', () => {
  it('equals the count for equal weights', () => {
    assert.equal(kishEffectiveN([2, 2, 2, 2]), 4);
  });

  it('shrinks with unequal weights', () => {
    // (4·25 + 2·150)² / (4·625 + 2·22500) = 160000 / 47500 = 3.368421…
    assert.ok(near(kishEffectiveN([25, 25, 25, 25, 150, 150]), 160000 / 47500));
  });

  it('is 0 without observations', () => {
    assert.equal(kishEffectiveN([]), 0);
  });
});

describe('postStratificationWeights', () => {
  const A = stratumKey('commune', '0-499');
  const B = stratumKey('commune', '500-999');

  it('names strata kind|band', () => {
    assert.equal(A, 'commune|0-499');
  });

  it('weighs each respondent N_h / n_h', () => {
    // A: 100 communes, 4 respondents → 25; B: 300 communes, 2 respondents → 150.
    const result = postStratificationWeights([A, A, B, A, B, A], { [A]: 100, [B]: 300 });
    assert.deepEqual(result.weights, [25, 25, 150, 25, 150, 25]);
    assert.ok(near(result.effectiveN, 160000 / 47500));
    assert.equal(result.coverage, 1);
    assert.deepEqual(result.uncoveredStrata, []);
    assert.deepEqual(result.unknownPopulationStrata, []);
    assert.deepEqual(result.strata, [
      { stratum: A, status: 'weighted', respondents: 4, population: 100, weight: 25 },
      { stratum: B, status: 'weighted', respondents: 2, population: 300, weight: 150 },
    ]);
  });

  it('keeps weight 1 for strata of unknown or zero population and reports them', () => {
    const epci = stratumKey('epci', '5000-9999');
    const region = stratumKey('region', '100000+');
    const result = postStratificationWeights([A, epci, region, undefined], { [A]: 10, [region]: 0 });
    // A: 10 / 1 = 10; the others weigh 1.
    assert.deepEqual(result.weights, [10, 1, 1, 1]);
    assert.deepEqual(result.unknownPopulationStrata, [epci, region]);
    assert.equal(result.unstratifiedRespondents, 1);
    assert.deepEqual(
      result.strata.find((s) => s.stratum === epci),
      { stratum: epci, status: 'unknown-population', respondents: 1, population: null, weight: 1 },
    );
  });

  it('reports strata without respondents as uncovered, and the share of the population covered', () => {
    const C = stratumKey('commune', '1000-3499');
    // Covered: A (100) + B (300) = 400 of 100 + 300 + 50 = 450 → 8/9.
    const result = postStratificationWeights([A, B], { [A]: 100, [B]: 300, [C]: 50 });
    assert.deepEqual(result.uncoveredStrata, [C]);
    assert.ok(near(result.coverage, 400 / 450));
    assert.deepEqual(
      result.strata.find((s) => s.stratum === C),
      { stratum: C, status: 'uncovered', respondents: 0, population: 50, weight: null },
    );
  });

  it('has no coverage without a population table', () => {
    assert.equal(postStratificationWeights([A], {}).coverage, null);
  });

  it('rejects a population that is not a count', () => {
    assert.throws(() => postStratificationWeights([A], { [A]: -3 }), RangeError);
    assert.throws(() => postStratificationWeights([A], { [A]: Number.NaN }), RangeError);
  });
});

describe('applyPostStratification', () => {
  it('sets each respondent’s weight without changing the input', () => {
    const input = [
      { answers: { mediation: 'oui' }, stratum: 'commune|0-499' },
      { answers: { mediation: 'non' }, stratum: 'commune|0-499' },
    ];
    const { respondents, weighting } = applyPostStratification(input, { 'commune|0-499': 30 });
    // 30 communes, 2 respondents → 15 each.
    assert.deepEqual(
      respondents.map((r) => r.weight),
      [15, 15],
    );
    assert.equal(weighting.coverage, 1);
    assert.equal('weight' in input[0]!, false);
  });
});
