import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import type { AnswerResult, QuestionResult } from '../../../src/core/schema/results.js';
import { codesOf, publishedQuestions } from '../../../src/core/stats/tally.js';
import { cellName, Outsider } from './attacker.js';
import { communesIn, K, pick, publish, rowsFor, type Published } from './fixtures.js';

/**
 * Attack 6, quartiles: on the per-request design a number question answered by five collectivités
 * showed its quartiles, each of them one collectivité's own number. A number question —
 * `nombre_lieux` (inclusion, asked to those with a place of digital mediation) — is published in
 * bins only, with a median from 30 answers on, rounded to two significant digits. Amounts of money
 * are asked in ranges (`budget_numerique_annuel`, sensitive): a range chosen by 1 to k − 1
 * collectivités of a territory is hidden, like every sensitive count.
 */

const QUESTION = 'nombre_lieux';
const BUDGET = 'budget_numerique_annuel';

/** Ille-et-Vilaine: five numbers of venues, the sort that could identify a collectivité. */
const FIVE = [1, 3, 12, 40, 250];
/** Finistère: 31 numbers whose median is 6, as is that of all 36. */
const THIRTY_ONE = [...Array(10).fill(2), ...Array(11).fill(6), ...Array(10).fill(80)] as number[];
/** Ille-et-Vilaine's budgets: one in the lowest range, four in the next. */
const BUDGETS = ['moins_de_5000', 'de_5000_a_49999', 'de_5000_a_49999', 'de_5000_a_49999', 'de_5000_a_49999'];

/** The median as statisticians define it, computed here from the values. */
function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length / 2;
  return Number.isInteger(middle) ? (sorted[middle - 1]! + sorted[middle]!) / 2 : sorted[Math.floor(middle)]!;
}

const twoDigits = (value: number) => Number(value.toPrecision(2));

let published: Published;
let outsider: Outsider;
let budgeted: Published;
let budgetOutsider: Outsider;
/** Numbers of venues by series, for the medians expected. */
const venues = new Map<string, number[]>();

describe('Publication secrecy — number questions', () => {
  before(async () => {
    const rows = [
      ...rowsFor('inclusion', pick(communesIn('35'), 5), (i) => ({ lieu_mediation: 'oui', [QUESTION]: FIVE[i] }), 31),
      ...rowsFor('inclusion', pick(communesIn('35'), 3, 5), () => ({ lieu_mediation: 'non' }), 32),
      ...rowsFor('inclusion', pick(communesIn('29'), 31), (i) => ({ lieu_mediation: 'oui', [QUESTION]: THIRTY_ONE[i] }), 33),
      ...rowsFor('inclusion', pick(communesIn('56'), 6), () => ({ lieu_mediation: 'non' }), 34),
    ];
    venues.set('departement:35', FIVE);
    venues.set('departement:29', THIRTY_ONE);
    for (const key of ['france', 'region:53', 'groupe:commune']) venues.set(key, [...FIVE, ...THIRTY_ONE]);
    published = await publish('inclusion', rows);
    outsider = new Outsider(published.definition, rows, published.figures, published.minCell);
    const budgetRows = [
      ...rowsFor('strategie', pick(communesIn('35'), 5), (i) => ({ budget_identifie: 'oui', [BUDGET]: BUDGETS[i] }), 31),
      ...rowsFor('strategie', pick(communesIn('29'), 12), () => ({ budget_identifie: 'oui', [BUDGET]: 'de_50000_a_499999' }), 33),
      ...rowsFor('strategie', pick(communesIn('56'), 6), () => ({ budget_identifie: 'non' }), 34),
    ];
    budgeted = await publish('strategie', budgetRows);
    budgetOutsider = new Outsider(budgeted.definition, budgetRows, budgeted.figures, budgeted.minCell);
  });

  test('the audit leaves nothing recoverable', () => {
    assert.deepEqual(published.unprotected, []);
    assert.deepEqual(outsider.brokenEquations(), []);
    assert.equal(outsider.truthBase('departement:35', QUESTION), 5);
    assert.deepEqual(budgeted.unprotected, []);
    assert.deepEqual(budgetOutsider.brokenEquations(), []);
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
    assert.ok(ille === undefined || ille.median === undefined, 'five numbers give no median');
  });

  test('medians are rounded to two significant digits', () => {
    let medians = 0;
    for (const [key, series] of Object.entries(published.figures.series.brute)) {
      const question = series.questions[QUESTION];
      if (question?.median === undefined || question.median === null) continue;
      medians += 1;
      const values = venues.get(key);
      assert.ok(values, `a median in ${key}, which the test did not expect`);
      assert.equal(question.median, twoDigits(median(values)), key);
      assert.equal(question.median, 6);
    }
    assert.ok(medians > 0);
    assert.equal(published.figures.series.brute.france!.questions[QUESTION]!.median, 6, 'France, with 36 answers, has a median');
    assert.equal(twoDigits(123_456), 120_000, 'an amount would be said to two digits');
  });

  test('a number question is published in its bins', () => {
    const question = publishedQuestions(published.definition).find((one) => one.id === QUESTION)!;
    assert.equal(question.kind, 'number');
    const shown = Object.values(published.figures.series.brute).flatMap((series) => {
      const result = series.questions[QUESTION];
      return result?.status === 'publie' ? [result] : [];
    });
    assert.ok(shown.length > 0);
    for (const bins of shown) assert.deepEqual(Object.keys(bins.answers!).sort(), [...codesOf(question)].sort());
  });

  test('ranges of money follow the suppression of any sensitive question', () => {
    const question = publishedQuestions(budgeted.definition).find((one) => one.id === BUDGET)!;
    assert.ok(question.sensible);
    let checked = 0;
    for (const [key, series] of Object.entries(budgeted.figures.series.brute)) {
      const result: QuestionResult | undefined = series.questions[BUDGET];
      if (result?.status !== 'publie') continue;
      assert.ok(result.n! >= K);
      for (const code of codesOf(question)) {
        const answer: AnswerResult = result.answers![code]!;
        if (code === 'nsp') continue;
        if (answer.status === 'publie') assert.ok(answer.count === 0 || answer.count! >= K, `${key} ${code} published as ${answer.count}`);
        else assert.deepEqual(answer, { status: 'masque', count: null, share: null, shareOfAll: null });
        checked += 1;
      }
    }
    assert.ok(checked > 0);
    const ille = budgeted.figures.series.brute['departement:35']!.questions[BUDGET]!;
    assert.equal(ille.answers?.moins_de_5000?.status, 'masque', 'one collectivité in the lowest range is not said');
    const determined = budgetOutsider.determined();
    for (const cell of determined) assert.equal(cell.computed, cell.value, `the outsider's model is wrong about ${cellName(cell)}`);
    assert.deepEqual(determined.filter((cell) => cell.value !== 0).map(cellName), []);
    assert.deepEqual(budgetOutsider.loneAnswers(), []);
  });
});
