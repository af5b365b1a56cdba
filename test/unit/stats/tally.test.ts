import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  addTally,
  aggregateSeries,
  aggregateTallies,
  applyPostStratification,
  emptyTally,
  quartiles,
  quartilesOfCounts,
  tallyAnswers,
  type Respondent,
  type Tally,
} from '../../../src/core/stats/index.js';
import { survey } from './fixtures.js';

const answers = fc.record(
  {
    mediation: fc.constantFrom('oui', 'non', 'nsp'),
    lieux: fc.subarray(['france_services', 'mediatheque', 'autre'], { minLength: 1 }),
    rssi: fc.constantFrom('interne', 'mutualise', 'aucun'),
    agents: fc.integer({ min: 0, max: 12 }),
    remarques: fc.string(),
  },
  { requiredKeys: [] },
);

/** Respondents each in one of three strata, so that groups are small and numerous. */
const stratified = fc.array(
  fc.record({ answers, stratum: fc.constantFrom('commune|0-499', 'commune|500-1999', 'epci|100000+') }),
  { maxLength: 80 },
);

/** Rounds every number so that sums taken in another order compare equal. */
function rounded(value: unknown): unknown {
  if (typeof value === 'number') return Number(value.toPrecision(12));
  if (Array.isArray(value)) return value.map(rounded);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, rounded(item)]));
  }
  return value;
}

/** Tallies as plain data, to compare them. */
function plain(tally: Tally): unknown {
  return {
    n: tally.n,
    questions: [...tally.questions].map(([id, counts]) => [
      id,
      counts.n,
      [...(counts.kind === 'choice' ? counts.codes : counts.values)].sort(([a], [b]) => (a < b ? -1 : 1)),
    ]),
  };
}

describe('tallies', () => {
  it('add up: the tally of parts added together is the tally of the whole', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(answers, fc.integer({ min: 0, max: 3 })), { maxLength: 60 }), (items) => {
        const parts = [0, 1, 2, 3].map((part) =>
          tallyAnswers(
            survey,
            items.filter(([, at]) => at === part).map(([a]) => a),
          ),
        );
        const sum = parts.reduce((into, part) => addTally(into, part), emptyTally(survey));
        assert.deepEqual(plain(sum), plain(tallyAnswers(survey, items.map(([a]) => a))));
      }),
      { seed: 20261128, numRuns: 200 },
    );
  });

  it('give the figures of the respondents themselves, raw and reweighted per stratum', () => {
    fc.assert(
      fc.property(stratified, fc.integer({ min: 3, max: 6 }), (respondents: Respondent[], minCell) => {
        const strata = [...new Set(respondents.map((r) => r.stratum!))];
        const tallyOf = (stratum: string) =>
          tallyAnswers(
            survey,
            respondents.filter((r) => r.stratum === stratum).map((r) => r.answers),
          );
        // Raw figures: one group per stratum, no weight.
        const raw = strata.map((stratum) => ({ tally: tallyOf(stratum) }));
        assert.deepEqual(
          rounded(aggregateTallies(raw.length > 0 ? raw : [{ tally: emptyTally(survey) }], { minCell })),
          rounded(aggregateSeries(survey, respondents, { minCell })),
        );
        // Reweighted: each stratum's weight is N_h / n_h.
        if (respondents.length === 0) return;
        const population = { 'commune|0-499': 300, 'commune|500-1999': 120, 'epci|100000+': 7 };
        const { respondents: weighted, weighting } = applyPostStratification(respondents, population);
        const groups = weighting.strata
          .filter((s) => s.weight !== null)
          .map((s) => ({ tally: tallyOf(s.stratum), weight: s.weight! }));
        assert.deepEqual(rounded(aggregateTallies(groups, { minCell })), rounded(aggregateSeries(survey, weighted, { minCell })));
      }),
      { seed: 20261128, numRuns: 200 },
    );
  });

  it('refuse to add tallies of different definitions', () => {
    const other = emptyTally({ ...survey, sections: [] });
    other.questions.set('mediation', { kind: 'number', n: 0, values: new Map() });
    assert.throws(() => addTally(emptyTally(survey), other), /different definitions/);
  });

  it('need at least one group', () => {
    assert.throws(() => aggregateTallies([]), RangeError);
  });
});

describe('quartilesOfCounts', () => {
  it('equals the quartiles of the expanded list', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: -50, max: 50 }), fc.integer({ min: 0, max: 5 })), { maxLength: 30 }), (pairs) => {
        const counts = new Map<number, number>();
        for (const [value, count] of pairs) counts.set(value, (counts.get(value) ?? 0) + count);
        const expanded = [...counts].flatMap(([value, count]) => Array.from({ length: count }, () => value));
        assert.deepEqual(quartilesOfCounts(counts), quartiles(expanded));
      }),
      { seed: 20261128, numRuns: 300 },
    );
  });
});
