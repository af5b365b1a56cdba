import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { publishedQuestions } from '../../../src/core/stats/tally.js';
import { cellName, Outsider } from './attacker.js';
import { communesIn, K, pick, publish, rowsFor, type Published } from './fixtures.js';
import { nestingsOf, readCount, subtractions } from './nestings.js';

/**
 * Attack 2, follow-up questions: on the per-request design, `cyberattaque_3ans` "oui" was hidden
 * in a département while its follow-ups (`types_attaques`, `duree_interruption`, `plainte`,
 * `notification_cnil`), asked only to those attacked, were published with n = 1: the hidden count
 * was their number of respondents. Here Ille-et-Vilaine has exactly one attacked commune among
 * eight; other départements of Bretagne, Pays de la Loire and Normandie have none, or five to seven.
 */

const FOLLOW_UPS = ['types_attaques', 'duree_interruption', 'notification_cnil', 'plainte'];

let published: Published;
let outsider: Outsider;

describe('Publication secrecy — follow-up questions', () => {
  before(async () => {
    // Communes of one size, so that groups of similar collectivités hold the same respondents as
    // France: what is hidden is decided by the territories alone.
    const of = (departement: string, count: number) => pick(communesIn(departement, '1000-3499'), count);
    const groups = [
      // Ille-et-Vilaine: one attack, with a data leak notified to the CNIL and a complaint.
      { who: of('35', 8), attacked: 1 },
      { who: of('29', 12), attacked: 6 },
      { who: of('56', 7), attacked: 0 },
      { who: of('22', 10), attacked: 5 },
      { who: of('44', 12), attacked: 6 },
      { who: of('49', 12), attacked: 7 },
      { who: of('85', 10), attacked: 5 },
      { who: of('14', 10), attacked: 5 },
      { who: of('50', 12), attacked: 6 },
    ];
    const rows = groups.flatMap(({ who, attacked }, g) =>
      rowsFor(
        'cybersecurite',
        who,
        (i) =>
          i >= attacked ? { cyberattaque_3ans: 'non' }
          : g === 0 ? { cyberattaque_3ans: 'oui', types_attaques: ['fuite_donnees'], notification_cnil: 'oui', plainte: 'oui' }
          : { cyberattaque_3ans: 'oui' },
        10 + g,
      ),
    );
    published = await publish('cybersecurite', rows);
    outsider = new Outsider(published.definition, rows, published.figures, published.minCell);
  });

  test('the audit leaves nothing recoverable, and Ille-et-Vilaine has one attacked commune among at least k', () => {
    assert.deepEqual(published.unprotected, []);
    assert.deepEqual(outsider.brokenEquations(), []);
    assert.equal(outsider.truth('departement:35', 'cyberattaque_3ans', 'oui'), 1);
    assert.ok(outsider.seriesSize('departement:35') >= K);
    assert.equal(published.figures.series.brute['departement:35']!.status, 'publie');
  });

  test('follow-ups are never published with 1 ≤ n < k, in any series', () => {
    for (const [key, series] of Object.entries(published.figures.series.brute)) {
      if (series.status !== 'publie') continue;
      for (const id of FOLLOW_UPS) {
        const question = series.questions[id]!;
        if (question.status === 'publie') assert.ok(question.n! >= K, `${key} ${id} published with n = ${question.n}`);
        else assert.equal(question.n, question.status === 'aucune' ? 0 : null, `${key} ${id}`);
      }
    }
    const ille = published.figures.series.brute['departement:35']!;
    for (const id of FOLLOW_UPS) assert.notEqual(ille.questions[id]!.status, 'publie', `departement:35 ${id}`);
  });

  test('sensitive counts of 1 to k − 1 are published nowhere (cyberattaque_3ans "oui" included)', () => {
    const sensitive = publishedQuestions(published.definition).filter((question) => question.sensible);
    assert.ok(sensitive.some((question) => question.id === 'cyberattaque_3ans'));
    for (const [key, series] of Object.entries(published.figures.series.brute)) {
      if (series.status !== 'publie') continue;
      for (const question of sensitive) {
        for (const [code, answer] of Object.entries(series.questions[question.id]!.answers ?? {})) {
          if (code === 'nsp' || answer.count === null) continue;
          assert.ok(answer.count === 0 || answer.count >= K, `${key} ${question.id}=${code} published as ${answer.count}`);
        }
      }
    }
    assert.equal(published.figures.series.brute['departement:35']!.questions.cyberattaque_3ans!.answers!.oui!.status, 'masque');
  });

  test('the attack of the issue: Bretagne minus its other départements does not give Ille-et-Vilaine’s attacks', () => {
    const { figures } = published;
    const bretagne = nestingsOf(figures).find((nesting) => nesting.parent === 'region:53')!;
    const others = bretagne.children.filter((child) => child !== 'departement:35');
    // Through the attacked count, or through any follow-up's respondents, which equal it.
    for (const [question, code] of [['cyberattaque_3ans', 'oui'], ...FOLLOW_UPS.map((id) => [id, undefined] as const)] as const) {
      const unknown = [bretagne.parent, ...others].filter((series) => readCount(figures, series, question, code) === undefined);
      assert.ok(unknown.length > 0, `${question}${code ? `=${code}` : ' respondents'}: Bretagne and its other départements are all published`);
    }
    assert.deepEqual(subtractions(figures, published.definition).filter((one) => one.value !== 0), []);
  });

  test('no hidden non-zero count, follow-ups included, is a combination of published figures', () => {
    const determined = outsider.determined();
    for (const cell of determined) assert.equal(cell.computed, cell.value, `the outsider's model is wrong about ${cellName(cell)}`);
    assert.deepEqual(determined.filter((cell) => cell.value !== 0).map(cellName), []);
    assert.deepEqual(outsider.loneAnswers().map((cell) => `${cell.atom} ${cell.question}=${cell.code}`), []);
  });

  test('a hidden sensitive count of 1 to k − 1 can be as low as the rule asks, and up to k where room allows (LP)', async () => {
    const small = (value: number) => value > 0 && value < K;
    const ranges = await outsider.ranges((cell) => cell.sensible && cell.code !== 'nsp' && small(cell.value));
    assert.ok(ranges.some((range) => range.series === 'departement:35' && range.question === 'cyberattaque_3ans'));
    for (const range of ranges) {
      const x = range.value;
      // Nobody can tell that few were attacked: down towards zero, up towards k.
      assert.ok(range.lowest <= x - Math.min(x, K - x) + 1e-6, `${cellName(range)} cannot go below ${range.lowest}`);
      if (range.base !== undefined) assert.ok(range.highest >= Math.min(K, range.base) - 1e-6, `${cellName(range)} cannot go above ${range.highest}`);
      assert.ok(range.highest - range.lowest >= 1 - 1e-6, `${cellName(range)} is pinned to ${range.lowest}`);
    }
  });

  test(
    'the data set exercises publication: cyberattaque_3ans is published somewhere',
    () => {
      const shown = Object.values(published.figures.series.brute).filter(
        (series) => series.status === 'publie' && Object.values(series.questions.cyberattaque_3ans!.answers ?? {}).some((answer) => answer.status === 'publie'),
      );
      assert.ok(shown.length > 0);
    },
  );
});
