import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { Outsider } from './attacker.js';
import { publish, rowsAnswering, type Published } from './fixtures.js';

/**
 * Partners found where they cost least. Martinique, Guadeloupe and Guyane have one or two
 * respondents each, whose follow-up answers (how many places, which kinds) must stay uncertain:
 * a count of theirs can move only if another territory's moves against it. Looked for only in
 * a cell's neighbourhood — its région, its partners' and the largest départements, every other
 * atom held at its true count — the cheapest move went through Auvergne-Rhône-Alpes' and
 * Bretagne's départements: five of them, each with k answers or more, lost their share of "oui"
 * and were hatched on the map. Asked of the whole publication, the same protection costs no
 * département's own figure.
 */

const answered = (oui: number, non: number, nsp: number) => [...Array<string>(oui).fill('oui'), ...Array<string>(non).fill('non'), ...Array<string>(nsp).fill('nsp')];
const AUVERGNE_RHONE_ALPES = ['01', '03', '07', '15', '26', '38', '42', '43', '63', '69', '73', '74'];
const BRETAGNE = ['22', '29', '35', '56'];
const OVERSEAS = ['971', '972', '973'];
let published: Published;
let outsider: Outsider;

describe('Publication secrecy — partners chosen over the whole publication when a neighbourhood offers only dear ones', () => {
  before(async () => {
    const answers: Record<string, readonly string[]> = { '971': ['oui', 'non'], '972': ['oui', 'oui'], '973': ['non'] };
    AUVERGNE_RHONE_ALPES.forEach((code, i) => (answers[code] = answered(2 + (i % 3), 4 + (i % 2), i % 2)));
    for (const code of BRETAGNE) answers[code] = answered(3, 4, 1);
    const rows = rowsAnswering('inclusion', 'lieu_mediation', answers);
    published = await publish('inclusion', rows);
    outsider = new Outsider(published.definition, rows, published.figures, published.minCell);
  });

  test('every département with k answers keeps its share of "oui" (the map hatches none of them)', () => {
    const series = published.figures.series.brute;
    const hatched = [...AUVERGNE_RHONE_ALPES, ...BRETAGNE].filter(
      (code) => series[`departement:${code}`]!.questions.lieu_mediation!.answers!.oui!.status !== 'publie',
    );
    assert.deepEqual(hatched, []);
    for (const code of OVERSEAS) assert.equal(series[`departement:${code}`]!.status, 'insuffisant', code);
  });

  test('and nothing about the overseas départements can be worked out', async () => {
    assert.deepEqual(published.unprotected, []);
    const overseas = new Set(OVERSEAS.map((code) => `departement:${code}`));
    const asked = new Set(['lieu_mediation', 'nombre_lieux', 'types_lieux']);
    const chosen = (cell: { series: string; question: string }) => overseas.has(cell.series) && asked.has(cell.question);
    const ranges = await outsider.ranges(chosen, (range) => range.highest - range.lowest >= 1 - 1e-6);
    assert.ok(ranges.length > 0);
    assert.deepEqual(ranges.filter((range) => range.highest - range.lowest < 1 - 1e-6), []);
  });
});
