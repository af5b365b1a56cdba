import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import type { AnswerResult, QuestionResult } from '../../../src/core/schema/results.js';
import { codesOf, publishedQuestions } from '../../../src/core/stats/tally.js';
import { cellName, Outsider } from './attacker.js';
import { communesIn, K, pick, publish, rowsFor, type Published } from './fixtures.js';

/**
 * Attack 6, quartiles: on the per-request design a number question answered by five collectivités
 * showed its quartiles, each of them one collectivité's own amount. `budget_numerique_annuel`
 * (strategie, sensitive, asked to those with an identified budget) is published in bins only,
 * with a median from 30 answers on, rounded to two significant digits.
 */

const QUESTION = 'budget_numerique_annuel';

/** Ille-et-Vilaine: five budgets, the sort of amounts that identify a collectivité. */
const FIVE = [1_000, 7_000, 12_000, 60_000, 600_000];
/** Finistère: 31 budgets whose median is 123 456, as is that of all 36. */
const THIRTY_ONE = [...Array(10).fill(20_000), ...Array(11).fill(123_456), ...Array(10).fill(900_000)] as number[];

/** The median as statisticians define it, computed here from the values. */
function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length / 2;
  return Number.isInteger(middle) ? (sorted[middle - 1]! + sorted[middle]!) / 2 : sorted[Math.floor(middle)]!;
}

const twoDigits = (value: number) => Number(value.toPrecision(2));

let published: Published;
let outsider: Outsider;
/** Budgets by series, for the medians expected. */
const budgets = new Map<string, number[]>();

describe('Publication secrecy — number questions', () => {
  before(async () => {
    const rows = [
      ...rowsFor('strategie', pick(communesIn('35'), 5), (i) => ({ budget_identifie: 'oui', [QUESTION]: FIVE[i] }), 31),
      ...rowsFor('strategie', pick(communesIn('35'), 3, 5), () => ({ budget_identifie: 'non' }), 32),
      ...rowsFor('strategie', pick(communesIn('29'), 31), (i) => ({ budget_identifie: 'oui', [QUESTION]: THIRTY_ONE[i] }), 33),
      ...rowsFor('strategie', pick(communesIn('56'), 6), () => ({ budget_identifie: 'non' }), 34),
    ];
    budgets.set('departement:35', FIVE);
    budgets.set('departement:29', THIRTY_ONE);
    for (const key of ['france', 'region:53', 'groupe:commune']) budgets.set(key, [...FIVE, ...THIRTY_ONE]);
    published = await publish('strategie', rows);
    outsider = new Outsider(published.definition, rows, published.figures, published.minCell);
  });

  test('the audit leaves nothing recoverable', () => {
    assert.deepEqual(published.unprotected, []);
    assert.deepEqual(outsider.brokenEquations(), []);
    assert.equal(outsider.truthBase('departement:35', QUESTION), 5);
  });

  test('no quartile anywhere, and no median below 30 answers', () => {
    for (const ponderation of ['brute', 'redressee'] as const) {
      for (const [key, series] of Object.entries(published.figures.series[ponderation])) {
        for (const [id, question] of Object.entries(series.questions)) {
          for (const field of Object.keys(question)) assert.ok(['status', 'n', 'answers', 'median', 'coverage'].includes(field), `${ponderation} ${key} ${id} has ${field}`);
          if (question.median === undefined || question.median === null) continue;
          assert.equal(question.status, 'publie', `${key} ${id}`);
          assert.ok(outsider.truthBase(key, id) >= 30, `${ponderation} ${key} ${id}: median from ${outsider.truthBase(key, id)} answers`);
        }
      }
    }
    const ille = published.figures.series.brute['departement:35']!.questions[QUESTION];
    assert.ok(ille === undefined || ille.median === undefined, 'five budgets give no median');
  });

  test('medians are rounded to two significant digits, never one collectivité’s amount', () => {
    let medians = 0;
    for (const [key, series] of Object.entries(published.figures.series.brute)) {
      const question = series.questions[QUESTION];
      if (question?.median === undefined || question.median === null) continue;
      medians += 1;
      const values = budgets.get(key);
      assert.ok(values, `a median in ${key}, which the test did not expect`);
      assert.equal(question.median, twoDigits(median(values)), key);
      assert.equal(question.median, 120_000);
      assert.ok(!values.includes(question.median), `${key}: the median is somebody's budget`);
    }
    assert.ok(medians > 0);
    assert.equal(published.figures.series.brute.france!.questions[QUESTION]!.median, 120_000, 'France, with 36 budgets, has a median');
  });

  test('bins follow the suppression of any sensitive question', () => {
    const question = publishedQuestions(published.definition).find((one) => one.id === QUESTION)!;
    assert.equal(question.kind, 'number');
    assert.ok(question.sensible);
    for (const [key, series] of Object.entries(published.figures.series.brute)) {
      const result: QuestionResult | undefined = series.questions[QUESTION];
      if (result?.status !== 'publie') continue;
      assert.ok(result.n! >= K);
      for (const code of codesOf(question)) {
        const answer: AnswerResult = result.answers![code]!;
        if (answer.status === 'publie') assert.ok(answer.count === 0 || answer.count! >= K, `${key} ${code} published as ${answer.count}`);
        else assert.deepEqual(answer, { status: 'masque', count: null, share: null, shareOfAll: null });
      }
    }
    const determined = outsider.determined();
    for (const cell of determined) assert.equal(cell.computed, cell.value, `the outsider's model is wrong about ${cellName(cell)}`);
    assert.deepEqual(determined.filter((cell) => cell.value !== 0).map(cellName), []);
    assert.deepEqual(outsider.loneAnswers(), []);
  });
});
