import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { Outsider } from './attacker.js';
import { publish, rowsAnswering, type Published } from './fixtures.js';

/**
 * Small départements protected by régions rather than by neighbours. Côtes-d'Armor (Bretagne)
 * and Mayenne (Pays de la Loire) have two or three respondents to `lieu_mediation`: a région's count
 * of "oui" minus its other départements' would give theirs, so one more count of "oui" must hide
 * in each région. A neighbour's would take that département's own figure (and hatch it on the
 * map); the two régions' counts, each protecting the other from France minus the rest, take
 * nothing a prefecture reads first. With Bretagne alone (see `consolidation.test.ts`), France
 * itself would have to hide: a neighbour is then chosen.
 */

/** So many "oui", "non" and "ne sait pas". */
const answered = (oui: number, non: number, nsp: number) => [...Array<string>(oui).fill('oui'), ...Array<string>(non).fill('non'), ...Array<string>(nsp).fill('nsp')];
let published: Published;
let outsider: Outsider;

describe('Publication secrecy — a région’s figure before a département’s own', () => {
  before(async () => {
    const answers: Record<string, readonly string[]> = {
      '22': ['oui', 'non', 'oui'],
      '29': answered(8, 10, 2),
      '35': answered(9, 12, 1),
      '56': answered(7, 9, 2),
      '53': ['oui', 'non'],
      '44': answered(10, 9, 2),
      '49': answered(6, 11, 1),
      '72': answered(7, 8, 2),
      '85': answered(8, 7, 1),
    };
    const rows = rowsAnswering('inclusion', 'lieu_mediation', answers);
    published = await publish('inclusion', rows);
    outsider = new Outsider(published.definition, rows, published.figures, published.minCell);
  });

  test('every département with k answers keeps its share of "oui"; the two régions’ counts hide instead, France’s shows', () => {
    const series = published.figures.series.brute;
    const oui = (key: string) => series[key]!.questions.lieu_mediation!.answers!.oui!.status;
    assert.equal(series['departement:22']!.status, 'insuffisant');
    assert.equal(series['departement:53']!.status, 'insuffisant');
    for (const code of ['29', '35', '56', '44', '49', '72', '85']) assert.equal(oui(`departement:${code}`), 'publie', code);
    assert.equal(oui('region:53'), 'masque');
    assert.equal(oui('region:52'), 'masque');
    assert.equal(oui('france'), 'publie');
  });

  test('and the audit still finds nothing recoverable about Côtes-d’Armor and Mayenne', async () => {
    assert.deepEqual(published.unprotected, []);
    const ranges = await outsider.ranges((cell) => (cell.series === 'departement:22' || cell.series === 'departement:53') && cell.question === 'lieu_mediation', (range) => range.highest - range.lowest >= 1 - 1e-6);
    assert.ok(ranges.length > 0);
    assert.deepEqual(ranges.filter((range) => range.highest - range.lowest < 1 - 1e-6), []);
  });
});
