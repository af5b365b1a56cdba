import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { rake } from '../../../src/core/stats/raking.js';

const close = (actual: number, expected: number, what: string) => assert.ok(Math.abs(actual - expected) < 1e-6, `${what}: ${actual} against ${expected}`);

describe('raking', () => {
  it('finds the weights of a worked example by hand', () => {
    // Respondents: A×X 10, A×Y 10, B×X 10, B×Y 30. Raking keeps the sample's interactions and
    // scales rows and columns: the fitted populations are n × a_row × b_column. With a_A = 2,
    // a_B = 1, b_X = 4, b_Y = 3 they are 80, 60, 40 and 90, whose margins are A 140, B 130,
    // X 120, Y 150; fed those margins, raking must find weights 8, 6, 4 and 3.
    const raking = rake({
      cells: [
        { row: 'A', column: 'X', n: 10 },
        { row: 'A', column: 'Y', n: 10 },
        { row: 'B', column: 'X', n: 10 },
        { row: 'B', column: 'Y', n: 30 },
      ],
      rows: { A: 140, B: 130 },
      columns: { X: 120, Y: 150 },
    });
    assert.ok(raking.converged);
    close(raking.weight('A', 'X'), 8, 'A×X');
    close(raking.weight('A', 'Y'), 6, 'A×Y');
    close(raking.weight('B', 'X'), 4, 'B×X');
    close(raking.weight('B', 'Y'), 3, 'B×Y');
    assert.equal(raking.coverage, 1);
  });

  it('matches both margins where post-stratification on rows alone misses the columns', () => {
    // Région X is over-represented among respondents: 30 of 40 while it holds half the population.
    const cells = [
      { row: 'small', column: 'X', n: 20 },
      { row: 'small', column: 'Y', n: 5 },
      { row: 'large', column: 'X', n: 10 },
      { row: 'large', column: 'Y', n: 5 },
    ];
    const raking = rake({ cells, rows: { small: 300, large: 100 }, columns: { X: 200, Y: 200 }, cap: 100 });
    const mass = (filter: (cell: (typeof cells)[number]) => boolean) =>
      cells.filter(filter).reduce((sum, cell) => sum + raking.weight(cell.row, cell.column) * cell.n, 0);
    close(mass((c) => c.row === 'small'), 300, 'small');
    close(mass((c) => c.row === 'large'), 100, 'large');
    close(mass((c) => c.column === 'X'), 200, 'X');
    close(mass((c) => c.column === 'Y'), 200, 'Y');
  });

  it('caps weights at a multiple of the mean and never lets one respondent stand for less than itself', () => {
    // One respondent in Y among 100: raking alone would weigh it 500.
    const raking = rake({
      cells: [
        { row: 'r', column: 'X', n: 99 },
        { row: 'r', column: 'Y', n: 1 },
      ],
      rows: { r: 1000 },
      columns: { X: 500, Y: 500 },
      cap: 5,
    });
    // Mean weight 10: the lone respondent is held at 50, the others carry the rest of the row.
    close(raking.weight('r', 'Y'), 50, 'capped');
    close(raking.weight('r', 'X') * 99 + 50, 1000, 'row total');
    assert.equal(raking.converged, false);
    const floor = rake({ cells: [{ row: 'r', column: 'X', n: 10 }], rows: { r: 5 }, columns: { X: 5 } });
    assert.equal(floor.weight('r', 'X'), 1);
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
    close(raking.weight('small', 'X') / raking.weight('small', 'Y'), 200 / 150, 'columns');
    assert.equal(raking.weight('large', 'X'), 0);
  });
});
