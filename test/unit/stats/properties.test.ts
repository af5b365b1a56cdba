import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { ResultsResponse } from '../../../src/core/schema/results.js';
import { aggregateSeries, protectNestedSeries, type Respondent, type SeriesBody } from '../../../src/core/stats/index.js';
import { survey } from './fixtures.js';
import { leaksBetween, leaksWithin } from './guarantee.js';

/** Any answers to the test survey, including leftovers of hidden questions and free text. */
const answers = fc.record(
  {
    mediation: fc.constantFrom('oui', 'non', 'nsp'),
    lieux: fc.subarray(['france_services', 'mediatheque', 'autre'], { minLength: 1 }),
    'lieux.autre': fc.string(),
    rssi: fc.constantFrom('interne', 'mutualise', 'aucun'),
    agents: fc.integer({ min: 0, max: 40 }),
    remarques: fc.string(),
  },
  { requiredKeys: [] },
);

/** Respondents drawn from few codes, so that cells of every size, small ones included, come up often. */
const respondents = (maxLength: number): fc.Arbitrary<Respondent[]> =>
  fc.array(answers.map((a) => ({ answers: a })), { maxLength });

const weighted = (list: fc.Arbitrary<Respondent[]>): fc.Arbitrary<Respondent[]> =>
  list.chain((items) =>
    fc
      .array(fc.double({ min: 0.01, max: 500, noNaN: true }), { minLength: items.length, maxLength: items.length })
      .map((weights) => items.map((item, index) => ({ ...item, weight: weights[index]! }))),
  );

const anyRespondents = fc.oneof(respondents(60), weighted(respondents(60)));
const minCell = fc.integer({ min: 3, max: 8 });

/** Every published share and interval bound. */
function fractions(series: SeriesBody): number[] {
  return Object.values(series.questions).flatMap((question) =>
    Object.values(question.answers ?? {}).flatMap((answer) => [answer.share, answer.shareOfAll, ...(answer.ci ?? [])]),
  ).filter((value): value is number => value !== null);
}

/** Keys of everything hidden: the series, each question, each cell. */
function hiddenFigures(series: SeriesBody): Set<string> {
  const hidden = new Set<string>();
  if (series.suppressed) hidden.add('series');
  for (const [id, question] of Object.entries(series.questions)) {
    if (question.suppressed) hidden.add(id);
    for (const [code, answer] of Object.entries(question.answers ?? {})) if (answer.count === null) hidden.add(`${id}.${code}`);
  }
  return hidden;
}

function covers(larger: Set<string>, smaller: Set<string>): boolean {
  // A hidden series hides all its questions and cells.
  if (larger.has('series')) return true;
  return [...smaller].every((key) => larger.has(key) || larger.has(key.split('.')[0]!));
}

describe('statistics properties', () => {
  it('publishes shares and interval bounds within [0, 1], intervals around their share', () => {
    fc.assert(
      fc.property(anyRespondents, minCell, (list, m) => {
        const result = aggregateSeries(survey, list, { minCell: m });
        for (const value of fractions(result)) assert.ok(value >= 0 && value <= 1, `${value}`);
        for (const question of Object.values(result.questions)) {
          for (const answer of Object.values(question.answers ?? {})) {
            if (answer.ci && answer.share !== null) assert.ok(answer.ci[0] <= answer.share && answer.share <= answer.ci[1]);
          }
        }
      }),
    );
  });

  it('gives no number to a hidden cell, and meets the results contract', () => {
    fc.assert(
      fc.property(anyRespondents, minCell, (list, m) => {
        const body = aggregateSeries(survey, list, { minCell: m });
        for (const question of Object.values(body.questions)) {
          for (const answer of Object.values(question.answers ?? {})) {
            if (answer.count === null) assert.deepEqual(answer, { count: null, share: null, shareOfAll: null, ci: null });
          }
          if (question.suppressed) assert.equal(question.answers ?? question.stats ?? undefined, undefined);
        }
        const response = {
          theme: 'inclusion',
          generatedAt: '2025-10-01T00:00:00Z',
          ponderation: 'effectiveN' in body ? 'redressee' : 'brute',
          minCell: m,
          source: { fr: 'Baromètre', en: 'Barometer' },
          series: [{ role: 'territoire', territory: { id: 'departement:35', name: 'Ille-et-Vilaine', kind: 'departement' }, ...body }],
        };
        const parsed = ResultsResponse.safeParse(response);
        assert.ok(parsed.success, JSON.stringify(parsed.error?.issues));
      }),
    );
  });

  it('leaves no small cell, small complement or recoverable hidden cell in a series', () => {
    fc.assert(
      fc.property(anyRespondents, minCell, (list, m) => {
        assert.deepEqual(leaksWithin(survey, aggregateSeries(survey, list, { minCell: m }), m), []);
      }),
    );
  });

  it('never hides less when minCell grows', () => {
    fc.assert(
      fc.property(anyRespondents, minCell, fc.integer({ min: 0, max: 6 }), (list, m, more) => {
        const lower = hiddenFigures(aggregateSeries(survey, list, { minCell: m }));
        const higher = hiddenFigures(aggregateSeries(survey, list, { minCell: m + more }));
        assert.ok(covers(higher, lower), `${[...lower]} ⊄ ${[...higher]}`);
      }),
    );
  });

  it('lets weights change shares only: counts and what is hidden stay those of raw answers', () => {
    fc.assert(
      fc.property(weighted(respondents(60)), minCell, (list, m) => {
        const withWeights = aggregateSeries(survey, list, { minCell: m });
        const raw = aggregateSeries(survey, list.map(({ answers: a }) => ({ answers: a })), { minCell: m });
        const counts = (series: SeriesBody) =>
          Object.entries(series.questions).map(([id, q]) => [id, q.n, Object.values(q.answers ?? {}).map((a) => a.count)]);
        assert.deepEqual(counts(withWeights), counts(raw));
        if (!withWeights.suppressed) assert.ok(withWeights.effectiveN! <= withWeights.n + 1e-9);
      }),
    );
  });

  it('leaves no figure of nested series that gives a small group by one subtraction', () => {
    fc.assert(
      fc.property(respondents(40), respondents(12), respondents(12), minCell, (inner, middle, outer, m) => {
        // département ⊂ région ⊂ France, each adding a few respondents to the one inside it.
        const departement = aggregateSeries(survey, inner, { minCell: m });
        const region = aggregateSeries(survey, [...inner, ...middle], { minCell: m });
        const france = aggregateSeries(survey, [...inner, ...middle, ...outer], { minCell: m });
        const result = protectNestedSeries(survey, [departement, region, france], [
          { child: 0, parent: 1 },
          { child: 1, parent: 2 },
        ], { minCell: m });
        const [d, r, f] = result as [SeriesBody, SeriesBody, SeriesBody];
        assert.deepEqual([...leaksBetween(d, r, m), ...leaksBetween(d, f, m), ...leaksBetween(r, f, m)], []);
        for (const series of result) assert.deepEqual(leaksWithin(survey, series, m), []);
        assert.equal(f, france);
      }),
    );
  });
});
