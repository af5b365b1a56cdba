import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { rake } from '../../../src/core/stats/raking.js';

const close = (actual: number, expected: number, what: string) => assert.ok(Math.abs(actual - expected) < 1e-6, `${what}: ${actual} against ${expected}`);

describe('raking on two margins', () => {
  it('finds the weights of a worked example by hand', () => {
    // Respondents: A×X 10, A×Y 10, B×X 10, B×Y 30. With row terms A 5, B 2 and column terms
    // X 3, Y 1 the weights are A×X 8, A×Y 6, B×X 5, B×Y 3, whose totals are A 10·8 + 10·6 = 140,
    // B 10·5 + 30·3 = 140, X 10·8 + 10·5 = 130 and Y 10·6 + 30·3 = 150. Fed those margins,
    // raking must find these weights: the additive ones meeting both are unique.
    const raking = rake({
      cells: [
        { row: 'A', column: 'X', n: 10 },
        { row: 'A', column: 'Y', n: 10 },
        { row: 'B', column: 'X', n: 10 },
        { row: 'B', column: 'Y', n: 30 },
      ],
      rows: { A: 140, B: 140 },
      columns: { X: 130, Y: 150 },
    });
    close(raking.weight('A', 'X'), 8, 'A×X');
    close(raking.weight('A', 'Y'), 6, 'A×Y');
    close(raking.weight('B', 'X'), 5, 'B×X');
    close(raking.weight('B', 'Y'), 3, 'B×Y');
    assert.equal(raking.columnFit, 1);
    assert.equal(raking.coverage, 1);
  });

  it('meets both margins where post-stratification on rows alone misses the columns', () => {
    // Région X is over-represented among respondents: 30 of 40 while it holds half the population.
    const cells = [
      { row: 'small', column: 'X', n: 20 },
      { row: 'small', column: 'Y', n: 5 },
      { row: 'large', column: 'X', n: 10 },
      { row: 'large', column: 'Y', n: 5 },
    ];
    const raking = rake({ cells, rows: { small: 300, large: 100 }, columns: { X: 200, Y: 200 } });
    const mass = (filter: (cell: (typeof cells)[number]) => boolean) =>
      cells.filter(filter).reduce((sum, cell) => sum + raking.weight(cell.row, cell.column) * cell.n, 0);
    close(mass((c) => c.row === 'small'), 300, 'small');
    close(mass((c) => c.row === 'large'), 100, 'large');
    close(mass((c) => c.column === 'X'), 200, 'X');
    close(mass((c) => c.column === 'Y'), 200, 'Y');
    // Every weight is a row term plus a column term.
    close(raking.weight('small', 'X') - raking.weight('large', 'X'), raking.weight('small', 'Y') - raking.weight('large', 'Y'), 'additive');
    close(raking.weight('small', 'X'), raking.rowTerm('small') + raking.columnTerm('X'), 'terms');
  });

  it('keeps weights within [1, cap × mean]: rows still meet their totals, columns as far as the bounds allow', () => {
    // One respondent in Y among 100: fully calibrated, it would weigh 500.
    const raking = rake({
      cells: [
        { row: 'r', column: 'X', n: 99 },
        { row: 'r', column: 'Y', n: 1 },
      ],
      rows: { r: 1000 },
      columns: { X: 500, Y: 500 },
      cap: 5,
    });
    // Mean weight 10: the lone respondent may weigh 50 at most, which is 40/490 of the way from 10 to 500.
    close(raking.weight('r', 'Y'), 50, 'bounded');
    close(raking.columnFit, 40 / 490, 'column fit');
    close(raking.weight('r', 'X') * 99 + raking.weight('r', 'Y'), 1000, 'row total');
    for (const column of ['X', 'Y']) assert.ok(raking.weight('r', column) >= 1);
  });

  it('leaves out rows and columns nobody answered in, and reports the coverage', () => {
    const raking = rake({
      cells: [
        { row: 'small', column: 'X', n: 10 },
        { row: 'small', column: 'Y', n: 10 },
        { row: 'large', column: 'X', n: 0 },
      ],
      rows: { small: 300, large: 100 },
      columns: { X: 200, Y: 150, Z: 50 },
      cap: 100,
    });
    // Rows stand for 300 of 400; columns for 350 of 400: the smaller is what is covered.
    close(raking.coverage, 0.75, 'coverage');
    close(raking.weight('small', 'X') * 10 + raking.weight('small', 'Y') * 10, 300, 'row total');
    // X and Y share the represented total in their proportions, 200 : 150.
    close(raking.weight('small', 'X') * 10, (300 * 200) / 350, 'X');
    assert.equal(raking.weight('large', 'X'), 0);
  });
});
