import { breathe, highs } from './audit.js';
import type { Fact, GroupProgram, Linear } from './lp-model.js';

/**
 * Partners chosen by linear programming: the published counts an outsider would have to be
 * wrong about, at the least cost, for an exposed cell to reach the value its protection asks for.
 * Every published count of the program may break, at the price of hiding it; the structure —
 * atoms' sizes, which answers show which follow-ups — may not. The counts that break in the
 * cheapest solution are hidden: the solution itself is then a set of figures consistent with
 * what is left published, with the cell where it had to reach (Fischetti and Salazar's
 * formulation of cell suppression, relaxed to a linear program).
 */

/** Below this, a broken count is rounding noise. */
const BROKEN = 1e-7;

/** A cell that must be able to reach a value: at least `lower`, or at most `upper`. */
export interface Target {
  form: Linear;
  lower?: number;
  upper?: number;
}

/**
 * The facts to withhold so that every target can reach its bound in one set of figures,
 * cheapest first; undefined when no choice of facts would do (the structure itself pins a cell).
 */
export async function cheapestPartners(group: GroupProgram, targets: readonly Target[], costOf: (fact: Fact) => number): Promise<Fact[] | undefined> {
  const api = await highs();
  await breathe();
  const { program, facts } = group;
  const columns = program.lower.length;
  const slackOf = new Map<number, number>(facts.map((fact, position) => [fact.row, columns + 2 * position]));
  const starts = [0];
  const indices: number[] = [];
  const values: number[] = [];
  const rowLower: number[] = [];
  const rowUpper: number[] = [];
  const finite = (value: number) => (value === Infinity ? api.infinity : value === -Infinity ? -api.infinity : value);
  program.rows.forEach((row, position) => {
    indices.push(...row.columns);
    values.push(...row.coefficients);
    const slack = slackOf.get(position);
    // A fact may be off by `over − under`, each at its price.
    if (slack !== undefined) {
      indices.push(slack, slack + 1);
      values.push(-1, 1);
    }
    starts.push(indices.length);
    rowLower.push(finite(row.lower));
    rowUpper.push(finite(row.upper));
  });
  for (const target of targets) {
    const targetColumns = [...target.form.terms.keys()];
    if (targetColumns.length === 0) return undefined;
    indices.push(...targetColumns);
    values.push(...targetColumns.map((column) => target.form.terms.get(column)!));
    starts.push(indices.length);
    rowLower.push(finite((target.lower ?? -Infinity) - target.form.constant));
    rowUpper.push(finite((target.upper ?? Infinity) - target.form.constant));
  }

  const total = columns + 2 * facts.length;
  const cost = new Float64Array(total);
  facts.forEach((fact, position) => {
    // Once per fact: a partner's price counts what it forces further down (see `hidingCost`).
    const price = costOf(fact);
    cost[columns + 2 * position] = price;
    cost[columns + 2 * position + 1] = price;
  });
  const upper = new Float64Array(total).fill(api.infinity);
  program.upper.forEach((value, column) => (upper[column] = finite(value)));
  const lower = new Float64Array(total);
  program.lower.forEach((value, column) => (lower[column] = finite(value)));
  const model = api.createModel({
    numCols: total,
    numRows: rowLower.length,
    colCost: cost,
    colLower: lower,
    colUpper: upper,
    rowLower: Float64Array.from(rowLower),
    rowUpper: Float64Array.from(rowUpper),
    matrix: {
      format: 'csr',
      numRows: rowLower.length,
      numCols: total,
      starts: Int32Array.from(starts),
      indices: Int32Array.from(indices),
      values: Float64Array.from(values),
    },
  });
  try {
    model.options.set({ output_flag: false, presolve: 'on', solver: 'simplex' });
    model.run();
    if (model.getModelStatus() !== api.constants.modelStatus.optimal) return undefined;
    const solution = model.getSolution().colValue;
    return facts.filter((_fact, position) => solution[columns + 2 * position]! + solution[columns + 2 * position + 1]! > BROKEN);
  } finally {
    model.dispose();
  }
}
