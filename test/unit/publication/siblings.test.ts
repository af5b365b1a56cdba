import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { QuestionResult } from '../../../src/core/schema/results.js';
import { codesOf, publishedQuestions } from '../../../src/core/stats/tally.js';
import { cellName, Outsider } from './attacker.js';
import { communesIn, epciIn, K, pick, publish, rowsFor, type Published } from './fixtures.js';
import { nestingsOf, readCount, subtractions } from './nestings.js';

/**
 * Attack 1, siblings: on the per-request design, Occitanie's count minus its other départements'
 * published counts gave Lozère's hidden one (`inclusion/lieu_mediation`). Here Lozère has three
 * respondents, one of whom answers "non"; Occitanie and Bretagne each have several départements
 * with respondents, small and large, so a région's figures are published beside its départements'.
 */

let published: Published;
let outsider: Outsider;

describe('Publication secrecy — siblings (région − other départements)', () => {
  before(async () => {
    const who = [
      ...pick(communesIn('48'), 3),
      ...pick(communesIn('30'), 12),
      ...pick(communesIn('34'), 15),
      ...pick(epciIn('34'), 2),
      ...pick(communesIn('12'), 9),
      ...pick(communesIn('35'), 10),
      ...pick(communesIn('29'), 8),
      ...pick(communesIn('22'), 2),
      ...pick((c) => c.kind === 'departement', 2),
      ...pick((c) => c.kind === 'region', 1),
    ];
    let inIlleEtVilaine = 0;
    const rows = rowsFor(
      'inclusion',
      who,
      (i, c) => {
        if (c.kind !== 'commune') return {};
        // Lozère: one "non" among three.
        if (c.departementCode === '48') return { lieu_mediation: i === 0 ? 'non' : 'oui' };
        // Aveyron: nobody has a conseiller numérique, so nobody is asked how many.
        if (c.departementCode === '12') return { conseiller_numerique: 'non' };
        // Ille-et-Vilaine: three have one, too few to publish how many they have.
        if (c.departementCode === '35') return { conseiller_numerique: inIlleEtVilaine++ < 3 ? 'oui' : 'non' };
        return {};
      },
      1,
    );
    published = await publish('inclusion', rows);
    outsider = new Outsider(published.definition, rows, published.figures, published.minCell);
  });

  test('the audit leaves nothing recoverable, and the outsider reads the publication as published', () => {
    assert.deepEqual(published.unprotected, []);
    assert.deepEqual(outsider.brokenEquations(), []);
    for (const [key, series] of Object.entries(published.figures.series.brute)) {
      assert.equal(outsider.seriesSize(key), series.n ?? outsider.seriesSize(key), `${key}: the outsider counts its respondents`);
      if (series.status !== 'publie') continue;
      for (const [id, question] of Object.entries(series.questions)) {
        for (const [code, answer] of Object.entries(question.answers ?? {})) {
          if (answer.status === 'publie') assert.equal(answer.count, outsider.truth(key, id, code), `${key} ${id}=${code}`);
        }
      }
    }
  });

  test('the three states: aucune for nobody, insuffisant below k, masque for hidden cells', () => {
    const { figures } = published;
    const series = figures.series.brute;
    // Series: from the number of respondents alone.
    for (const [key, one] of Object.entries(series)) {
      const n = outsider.seriesSize(key);
      const expected = n === 0 ? 'aucune' : n < K ? 'insuffisant' : 'publie';
      assert.equal(one.status, expected, key);
      assert.equal(one.n, expected === 'aucune' ? 0 : expected === 'insuffisant' ? null : n, key);
      if (expected !== 'publie') assert.deepEqual(one.questions, {}, key);
    }
    assert.equal(series['departement:48']!.status, 'insuffisant');
    assert.equal(series['departement:81']!.status, 'aucune');
    assert.equal(series['groupe:departement']!.status, 'insuffisant');
    // Questions: nobody asked, too few asked, or withheld.
    assert.deepEqual(series['departement:12']!.questions.nombre_conseillers, { status: 'aucune', n: 0 });
    let masked = 0;
    let tooFew = 0;
    for (const [key, one] of Object.entries(series)) {
      for (const question of publishedQuestions(published.definition)) {
        const result = one.questions[question.id];
        if (one.status !== 'publie') continue;
        assert.ok(QuestionResult.safeParse(result).success, `${key} ${question.id} follows the results contract`);
        const base = outsider.truthBase(key, question.id);
        if (base === 0) assert.equal(result!.status, 'aucune', `${key} ${question.id}`);
        else if (base < K) assert.ok(['insuffisant', 'masque'].includes(result!.status), `${key} ${question.id}: ${result!.status} with ${base}`);
        else assert.ok(['publie', 'masque'].includes(result!.status), `${key} ${question.id}`);
        if (result!.status === 'insuffisant') {
          tooFew += 1;
          assert.deepEqual(result, { status: 'insuffisant', n: null });
        }
        if (result!.status !== 'publie') continue;
        assert.equal(result!.n, base);
        for (const code of codesOf(question)) {
          const answer = result!.answers![code]!;
          if (answer.status === 'masque') {
            masked += 1;
            assert.deepEqual(answer, { status: 'masque', count: null, share: null, shareOfAll: null }, `${key} ${question.id}=${code}`);
          }
        }
      }
    }
    assert.ok(masked > 0, 'some cells are hidden as complements');
    assert.ok(tooFew > 0, 'some follow-ups are asked to fewer than k in a published series');
  });

  test('Occitanie minus its other départements does not give Lozère', () => {
    const { figures } = published;
    const occitanie = nestingsOf(figures).find((nesting) => nesting.parent === 'region:76')!;
    assert.ok(occitanie.children.includes('departement:48'));
    for (const code of ['oui', 'non', 'nsp']) {
      const read = (series: string) => readCount(figures, series, 'lieu_mediation', code);
      const unknown = [occitanie.parent, ...occitanie.children.filter((child) => child !== 'departement:48')].filter((series) => read(series) === undefined);
      assert.ok(unknown.length > 0, `lieu_mediation=${code}: Occitanie and all its other départements are published`);
    }
  });

  test('no nesting gives a hidden figure as a total minus its other parts', () => {
    // Zeros a published zero says already are the concern of the test on zeros below.
    const found = subtractions(published.figures, published.definition).filter((one) => one.value !== 0);
    assert.deepEqual(found, []);
  });

  test('no hidden non-zero count is a linear combination of published figures (elimination over atoms)', () => {
    const determined = outsider.determined();
    for (const cell of determined) assert.equal(cell.computed, cell.value, `the outsider's model is wrong about ${cellName(cell)}`);
    assert.deepEqual(determined.filter((cell) => cell.value !== 0).map(cellName), []);
  });

  test('nobody answering alone in an atom has an answer the published figures pin down', () => {
    const lone = outsider.loneAnswers();
    assert.deepEqual(lone.map((cell) => `${cell.atom} ${cell.question}=${cell.code} → ${cell.computed}`), []);
  });

  test('no hidden non-zero count is pinned to one value by the published figures and the bounds (LP)', async () => {
    const started = performance.now();
    const ranges = await outsider.ranges((cell) => cell.value > 0, (range) => range.highest - range.lowest >= 1 - 1e-6);
    const narrow = ranges.filter((range) => range.highest - range.lowest < 1 - 1e-6);
    assert.deepEqual(narrow.map((range) => `${cellName(range)} in [${range.lowest}, ${range.highest}]`), []);
    assert.ok(ranges.length > 0);
    console.log(`# LP ranges of ${ranges.length} hidden non-zero cells in ${Math.round(performance.now() - started)} ms`);
  });

  test(
    'a hidden zero is pinned down only where published zeros of series holding its respondents already say so',
    async () => {
      // Every respondent of the cell sits in a series publishing a zero for it: the zero is said.
      const said = (series: string, question: string, code: string) => {
        const zeros = Object.keys(published.figures.series.brute).filter((other) => readCount(published.figures, other, question, code) === 0);
        return [...outsider.atomsOf(series)].every((atom) => zeros.some((other) => outsider.atomsOf(other).has(atom)));
      };
      const ranges = await outsider.ranges((cell) => cell.value === 0, (range) => range.highest >= 1 - 1e-6);
      const pinned = ranges.filter((range) => range.highest < 1 - 1e-6 && !said(range.series, range.question, range.code));
      assert.deepEqual(pinned.map(cellName), []);
    },
  );
});
