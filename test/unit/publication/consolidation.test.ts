import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { Outsider } from './attacker.js';
import { publish, rowsAnswering, type Published } from './fixtures.js';

/**
 * One sibling instead of two: Côtes-d'Armor has two respondents, both "oui" to `lieu_mediation`,
 * so each of its answers needs a sibling of Bretagne able to absorb it. Finistère has "oui" and
 * "non" but no "ne sait pas", Ille-et-Vilaine has all three. Chosen answer by answer, Finistère
 * could cover "oui" and "non" and Ille-et-Vilaine "ne sait pas", each hiding its share of "oui"
 * with them: two départements would lose their headline figure where one suffices — one sibling
 * hides its "oui", and the others' "non" and "ne sait pas" complete the protection.
 */

const BAND = '1000-3499';
let published: Published;
let outsider: Outsider;

describe('Publication secrecy — one sibling protects a small département', () => {
  before(async () => {
    const answers: Record<string, readonly string[]> = {
      '22': ['oui', 'oui'],
      '29': ['oui', 'oui', 'oui', 'non', 'non', 'non'],
      '35': ['oui', 'oui', 'oui', 'oui', 'oui', 'non', 'non', 'non', 'non', 'nsp'],
      '56': ['oui', 'oui', 'oui', 'oui', 'non', 'non', 'non', 'non'],
    };
    const rows = rowsAnswering('inclusion', 'lieu_mediation', answers, BAND);
    published = await publish('inclusion', rows);
    outsider = new Outsider(published.definition, rows, published.figures, published.minCell);
  });

  test('only one sibling of Côtes-d’Armor loses its lieu_mediation figure', () => {
    const series = published.figures.series.brute;
    assert.equal(series['departement:22']!.status, 'insuffisant');
    const losing = ['29', '35', '56'].filter((code) => series[`departement:${code}`]!.questions.lieu_mediation!.answers!.oui!.status !== 'publie');
    assert.equal(losing.length, 1, `siblings without their share of "oui": ${losing.join(', ')}`);
    assert.equal(series['region:53']!.questions.lieu_mediation!.status, 'publie');
    assert.ok(Object.values(series['region:53']!.questions.lieu_mediation!.answers!).every((answer) => answer.status === 'publie'));
  });

  test('and the audit still finds nothing recoverable', async () => {
    assert.deepEqual(published.unprotected, []);
    const ranges = await outsider.ranges((cell) => cell.series === 'departement:22', (range) => range.highest - range.lowest >= 1 - 1e-6);
    assert.ok(ranges.length > 0);
    assert.deepEqual(ranges.filter((range) => range.highest - range.lowest < 1 - 1e-6), []);
  });
});
