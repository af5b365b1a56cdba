import { createRequire } from 'node:module';
import { visibleQuestionIds } from '../../../src/core/questionnaire/index.js';
import type { Condition, QuestionnaireDefinition } from '../../../src/core/schema/questionnaire.js';
import type { QuestionResult } from '../../../src/core/schema/results.js';
import { binOf, codesOf, publishedQuestions, type PublishedQuestion } from '../../../src/core/stats/tally.js';
import type { ThemeFigures } from '../../../src/server/publication/figures.js';
import { defaultReferential } from '../../../src/server/referential/adapter.js';
import type { PublicationRow } from '../../../src/server/store/types.js';

/**
 * An outsider working a publication out, written for the tests without the project's secrecy
 * code: from the published raw figures only, plus what anyone can learn besides — which
 * collectivités answered (`GET /contributions/:siret/:theme` says so for any SIRET), their kind,
 * population band and territory (the referential), and how series nest (France ⊃ région ⊃
 * département for communes and EPCI, France = Σ kinds, a kind = Σ its bands).
 *
 * The unknowns are the counts of each *atom* — the respondents of one kind and band in one
 * département (or, for départements, régions and other bodies, in France) — per question and
 * answer. Every published count, number of respondents and "nobody" is a linear equation over
 * them; each atom's answers add up to the respondents shown the question; a follow-up's
 * respondents are the count of the answer that shows it. A hidden cell is *determined* when its
 * linear form is a combination of those equations: Gaussian elimination tells, and gives the
 * value the outsider would read. An atom of one respondent is that collectivité's own answer:
 * `loneAnswers` asks the same of its counts, whether or not a series holds it alone. `ranges`
 * adds the inequalities ("fewer than k", counts between 0 and the atom's size) and asks HiGHS how
 * low and how high each hidden cell can go.
 */

/** Communal kinds are counted in the département where they sit; other bodies nationally. */
const COMMUNAL = new Set(['commune', 'epci']);

const TOLERANCE = 1e-7;

/** A linear form over the outsider's unknowns, plus a constant. */
interface Form {
  terms: Map<number, number>;
  constant: number;
}

const constantForm = (value: number): Form => ({ terms: new Map(), constant: value });

function add(into: Form, form: Form, factor = 1): Form {
  into.constant += factor * form.constant;
  for (const [column, coefficient] of form.terms) {
    const value = (into.terms.get(column) ?? 0) + factor * coefficient;
    if (Math.abs(value) < 1e-12) into.terms.delete(column);
    else into.terms.set(column, value);
  }
  return into;
}

/** `lower ≤ form ≤ upper`. */
interface Constraint {
  form: Form;
  lower: number;
  upper: number;
}

/** A count the publication does not show (in a series with respondents). */
export interface HiddenCell {
  series: string;
  question: string;
  code: string;
  /** The true count. */
  value: number;
  /** Why it is not shown: the series' status, else the question's, else the answer's. */
  status: 'insuffisant' | 'masque';
  sensible: boolean;
}

export interface Determined extends HiddenCell {
  /** What the outsider computes for it. */
  computed: number;
}

export interface Range extends HiddenCell {
  lowest: number;
  highest: number;
  /** The question's published number of respondents in the series, when there is one. */
  base?: number;
}

interface Atom {
  key: string;
  n: number;
  series: Set<string>;
  /** True counts: per question, respondents and per code. */
  truth: Map<string, { n: number; codes: Map<string, number> }>;
}

/** The series a respondent is counted in, by the documented layout (not the project's code). */
function seriesOfRow(row: PublicationRow, regionOf: ReadonlyMap<string, string>): { unit: string; series: string[] } {
  const series = ['france', `groupe:${row.kind}`];
  const region = row.departementCode === null ? undefined : regionOf.get(row.departementCode);
  if (!COMMUNAL.has(row.kind) || region === undefined) return { unit: 'national', series };
  series.push(region, `departement:${row.departementCode}`);
  if (row.band !== null) series.push(`groupe:${row.kind}:${row.band}`);
  return { unit: row.departementCode!, series };
}

/** Each answer code a respondent's answers count in, per published question shown to them. */
function codesChosen(question: PublishedQuestion, row: PublicationRow, visible: Set<string>): string[] {
  if (!visible.has(question.id)) return [];
  const value = (row.answers as Record<string, unknown>)[question.id];
  if (value === undefined) return [];
  if (question.kind === 'number') return typeof value === 'number' ? [binOf(question, value)] : [];
  if (question.kind === 'multiple') return Array.isArray(value) ? [...new Set(value as string[])] : [];
  return typeof value === 'string' ? [value] : [];
}

/** The linked groups of questions: a follow-up and what its condition reads, transitively. */
function questionGroups(questions: readonly PublishedQuestion[]): PublishedQuestion[][] {
  const reads = (condition: Condition): string[] =>
    'not' in condition ? reads(condition.not)
    : 'all' in condition ? condition.all.flatMap(reads)
    : 'any' in condition ? condition.any.flatMap(reads)
    : 'question' in condition ? [condition.question]
    : [];
  // Small sets: merge by relabelling.
  const label = new Map(questions.map((q, i) => [q.id, i]));
  for (const question of questions) {
    if (!question.visibleIf) continue;
    for (const read of reads(question.visibleIf)) {
      if (!label.has(read)) continue;
      const from = label.get(read)!;
      const to = label.get(question.id)!;
      for (const [id, l] of label) if (l === from) label.set(id, to);
    }
  }
  const groups = new Map<number, PublishedQuestion[]>();
  for (const question of questions) groups.set(label.get(question.id)!, [...(groups.get(label.get(question.id)!) ?? []), question]);
  return [...groups.values()];
}

/** One group of linked questions, as the outsider's equations and inequalities. */
class GroupModel {
  readonly columns: { lower: number; upper: number; truth: number }[] = [];
  readonly equations: Constraint[] = [];
  readonly inequalities: Constraint[] = [];
  /** Per atom, per question: code forms and the respondents' form. */
  readonly #vars = new Map<string, Map<string, { codes: Map<string, Form>; answered: Form }>>();
  readonly hidden: { cell: HiddenCell; form: Form; base?: number }[] = [];

  constructor(
    readonly questions: readonly PublishedQuestion[],
    readonly atoms: readonly Atom[],
    figures: ThemeFigures,
    readonly minCell: number,
    allQuestions: ReadonlyMap<string, PublishedQuestion>,
  ) {
    const column = (upper: number, truth: number): Form => {
      this.columns.push({ lower: 0, upper, truth });
      return { terms: new Map([[this.columns.length - 1, 1]]), constant: 0 };
    };
    for (const atom of atoms) {
      const perQuestion = new Map<string, { codes: Map<string, Form>; answered: Form }>();
      this.#vars.set(atom.key, perQuestion);
      for (const question of questions) {
        const truth = atom.truth.get(question.id)!;
        const codes = new Map(codesOf(question).map((code) => [code, column(atom.n, truth.codes.get(code) ?? 0)]));
        let answered: Form;
        if (question.kind === 'multiple') {
          answered = column(atom.n, truth.n);
          for (const code of codes.values()) this.inequalities.push({ form: add(add(constantForm(0), code), answered, -1), lower: -Infinity, upper: 0 });
        } else {
          answered = [...codes.values()].reduce((total, form) => add(total, form), constantForm(0));
        }
        perQuestion.set(question.id, { codes, answered });
      }
      // Who is shown each question: everyone, or those whose answers meet its condition.
      for (const question of questions) {
        const { answered } = perQuestion.get(question.id)!;
        const shown = question.visibleIf ? this.#shown(question.visibleIf, atom, perQuestion, allQuestions) : constantForm(atom.n);
        if (shown === undefined) continue;
        const gap = add(add(constantForm(0), answered), shown, -1);
        if (question.required === false) this.inequalities.push({ form: gap, lower: -Infinity, upper: 0 });
        else this.equations.push({ form: gap, lower: 0, upper: 0 });
      }
    }
    this.#published(figures);
  }

  /** How many of an atom's respondents meet a condition, when the outsider can write it exactly. */
  #shown(
    condition: Condition,
    atom: Atom,
    vars: Map<string, { codes: Map<string, Form>; answered: Form }>,
    allQuestions: ReadonlyMap<string, PublishedQuestion>,
  ): Form | undefined {
    if ('not' in condition) {
      const inner = this.#shown(condition.not, atom, vars, allQuestions);
      return inner && add(constantForm(atom.n), inner, -1);
    }
    if ('any' in condition) return undefined;
    if ('all' in condition) {
      // "A and B" where B's question is only shown when A holds: exactly those meeting B.
      const [first, second] = condition.all;
      if (condition.all.length !== 2 || first === undefined || second === undefined || 'all' in second || 'any' in second || 'not' in second || 'collectivite' in second) return undefined;
      const shownOnlyUnder = allQuestions.get(second.question)?.visibleIf;
      if (JSON.stringify(shownOnlyUnder) !== JSON.stringify(first)) return undefined;
      return this.#shown(second, atom, vars, allQuestions);
    }
    // The attacker reads answers only; who was asked by kind is left out of its model.
    if ('collectivite' in condition) return undefined;
    const read = vars.get(condition.question);
    if (!read) return undefined;
    const codes = 'in' in condition ? condition.in : 'includes' in condition ? [condition.includes] : 'equals' in condition && typeof condition.equals === 'string' ? [condition.equals] : undefined;
    if (codes === undefined) return undefined;
    return codes.reduce((total, code) => (read.codes.has(code) ? add(total, read.codes.get(code)!) : total), constantForm(0));
  }

  /** One atom's count of a code. */
  atomCell(atom: string, question: string, code: string): Form {
    return add(constantForm(0), this.#vars.get(atom)!.get(question)!.codes.get(code)!);
  }

  /** A series' cell: the sum over its atoms. */
  cell(series: string, question: string, code: string | undefined): Form {
    const total = constantForm(0);
    for (const atom of this.atoms) {
      if (!atom.series.has(series)) continue;
      const vars = this.#vars.get(atom.key)!.get(question)!;
      add(total, code === undefined ? vars.answered : vars.codes.get(code)!);
    }
    return total;
  }

  #truthOf(series: string, question: string, code: string): number {
    let total = 0;
    for (const atom of this.atoms) if (atom.series.has(series)) total += atom.truth.get(question)!.codes.get(code) ?? 0;
    return total;
  }

  #published(figures: ThemeFigures): void {
    const k = this.minCell;
    for (const [key, series] of Object.entries(figures.series.brute)) {
      if (series.status === 'aucune') continue;
      for (const question of this.questions) {
        const result: QuestionResult | undefined = series.status === 'publie' ? series.questions[question.id] : undefined;
        const status = result?.status ?? series.status;
        const answered = this.cell(key, question.id, undefined);
        if (status === 'aucune') this.equations.push({ form: answered, lower: 0, upper: 0 });
        else if (status === 'insuffisant' && series.status === 'publie') this.inequalities.push({ form: answered, lower: 1, upper: k - 1 });
        else if (status === 'publie') this.equations.push({ form: answered, lower: result!.n!, upper: result!.n! });
        for (const code of codesOf(question)) {
          const answer = status === 'publie' ? result!.answers?.[code] : undefined;
          if (status === 'aucune') continue;
          if (answer?.status === 'publie') {
            this.equations.push({ form: this.cell(key, question.id, code), lower: answer.count!, upper: answer.count! });
            continue;
          }
          this.hidden.push({
            cell: {
              series: key,
              question: question.id,
              code,
              value: this.#truthOf(key, question.id, code),
              status: series.status === 'insuffisant' || status === 'insuffisant' ? 'insuffisant' : 'masque',
              sensible: question.sensible === true,
            },
            form: this.cell(key, question.id, code),
            ...(status === 'publie' ? { base: result!.n! } : {}),
          });
        }
      }
    }
  }
}

/** Reduced row echelon form of the equations, to test whether a form is a combination of them. */
class Elimination {
  readonly #rows: { values: Float64Array; rhs: number; pivot: number }[] = [];

  constructor(width: number, equations: readonly Constraint[]) {
    const pending = equations.map(({ form, lower }) => {
      const values = new Float64Array(width);
      for (const [column, coefficient] of form.terms) values[column] = coefficient;
      return { values, rhs: lower - form.constant, pivot: -1 };
    });
    let rank = 0;
    for (let column = 0; column < width && rank < pending.length; column++) {
      let best = -1;
      for (let r = rank; r < pending.length; r++) {
        if (Math.abs(pending[r]!.values[column]!) > TOLERANCE && (best < 0 || Math.abs(pending[r]!.values[column]!) > Math.abs(pending[best]!.values[column]!))) best = r;
      }
      if (best < 0) continue;
      [pending[rank], pending[best]] = [pending[best]!, pending[rank]!];
      const pivotRow = pending[rank]!;
      const scale = pivotRow.values[column]!;
      for (let c = column; c < width; c++) pivotRow.values[c]! /= scale;
      pivotRow.rhs /= scale;
      for (let r = 0; r < pending.length; r++) {
        if (r === rank) continue;
        const other = pending[r]!;
        const factor = other.values[column]!;
        if (factor === 0) continue;
        for (let c = column; c < width; c++) other.values[c]! -= factor * pivotRow.values[c]!;
        other.rhs -= factor * pivotRow.rhs;
      }
      pivotRow.pivot = column;
      this.#rows.push(pivotRow);
      rank += 1;
    }
    // Rows left over are all zeros; a non-zero right-hand side there would be a contradiction.
    for (let r = rank; r < pending.length; r++) {
      if (Math.abs(pending[r]!.rhs) > 1e-6) throw new Error('The published figures contradict the outsider’s model of them');
    }
  }

  /** The value of a form when the equations fix it, else undefined. */
  valueOf(form: Form, width: number): number | undefined {
    const values = new Float64Array(width);
    for (const [column, coefficient] of form.terms) values[column] = coefficient;
    let value = form.constant;
    for (const row of this.#rows) {
      const factor = values[row.pivot]!;
      if (Math.abs(factor) < 1e-12) continue;
      for (let c = row.pivot; c < width; c++) values[c]! -= factor * row.values[c]!;
      value += factor * row.rhs;
    }
    return values.every((v) => Math.abs(v) < TOLERANCE) ? value : undefined;
  }
}

const loadHighs = createRequire(import.meta.url)('highs') as (typeof import('highs'))['default'];

/** The outsider's model of one theme's publication. */
export class Outsider {
  readonly atoms: Atom[];
  readonly groups: GroupModel[];

  constructor(definition: QuestionnaireDefinition, rows: readonly PublicationRow[], figures: ThemeFigures, minCell: number) {
    const referential = defaultReferential();
    const regionOf = new Map<string, string>();
    for (const departement of referential.territoriesOfLevel('departement')) {
      const region = departement.parentIds.find((id) => id.startsWith('region:'));
      if (region) regionOf.set(departement.code, region);
    }
    const questions = publishedQuestions(definition);
    const byKey = new Map<string, Atom>();
    for (const row of rows) {
      const { unit, series } = seriesOfRow(row, regionOf);
      const key = `${unit}|${row.kind}|${unit === 'national' ? '' : (row.band ?? '')}`;
      let atom = byKey.get(key);
      if (!atom) {
        atom = { key, n: 0, series: new Set(series), truth: new Map(questions.map((q) => [q.id, { n: 0, codes: new Map() }])) };
        byKey.set(key, atom);
      }
      atom.n += 1;
      const visible = visibleQuestionIds(definition, row.answers, { kind: row.kind, populationBand: row.band });
      for (const question of questions) {
        const chosen = codesChosen(question, row, visible);
        if (chosen.length === 0) continue;
        const truth = atom.truth.get(question.id)!;
        truth.n += 1;
        for (const code of chosen) truth.codes.set(code, (truth.codes.get(code) ?? 0) + 1);
      }
    }
    this.atoms = [...byKey.values()];
    const byId = new Map(questions.map((q) => [q.id, q]));
    this.groups = questionGroups(questions).map((group) => new GroupModel(group, this.atoms, figures, minCell, byId));
  }

  /** Respondents of a series by the outsider's reckoning (to compare with the published `n`). */
  seriesSize(series: string): number {
    return this.atoms.reduce((total, atom) => total + (atom.series.has(series) ? atom.n : 0), 0);
  }

  /** The true count of a cell, for comparison with what is published. */
  truth(series: string, question: string, code: string): number {
    return this.atoms.reduce((total, atom) => total + (atom.series.has(series) ? (atom.truth.get(question)!.codes.get(code) ?? 0) : 0), 0);
  }

  /** Equations the true counts break: none, unless the outsider's model is wrong. */
  brokenEquations(): string[] {
    const broken: string[] = [];
    for (const group of this.groups) {
      for (const { form, lower, upper } of [...group.equations, ...group.inequalities]) {
        let value = form.constant;
        for (const [column, coefficient] of form.terms) value += coefficient * group.columns[column]!.truth;
        if (value < lower - 1e-9 || value > upper + 1e-9) broken.push(`${JSON.stringify([...form.terms])} = ${value} not in [${lower}, ${upper}]`);
      }
    }
    return broken;
  }

  /** How many respondents of a series answered a question (true value). */
  truthBase(series: string, question: string): number {
    return this.atoms.reduce((total, atom) => total + (atom.series.has(series) ? atom.truth.get(question)!.n : 0), 0);
  }

  /** The atoms of a series, by key. */
  atomsOf(series: string): Set<string> {
    return new Set(this.atoms.filter((atom) => atom.series.has(series)).map((atom) => atom.key));
  }

  /** Every figure that is not shown, for series with respondents. */
  hiddenCells(): HiddenCell[] {
    return this.groups.flatMap((group) => group.hidden.map(({ cell }) => cell));
  }

  /** The hidden cells the published equations pin down, with the value they give. */
  determined(): Determined[] {
    const found: Determined[] = [];
    for (const group of this.groups) {
      const width = group.columns.length;
      const elimination = new Elimination(width, group.equations);
      for (const { cell, form } of group.hidden) {
        const computed = elimination.valueOf(form, width);
        if (computed !== undefined) found.push({ ...cell, computed });
      }
    }
    return found;
  }

  /**
   * Cells of single respondents the published equations pin down: an atom of one collectivité
   * is that collectivité's own answer, whether or not any series holds it alone.
   */
  loneAnswers(): (Determined & { atom: string })[] {
    const found: (Determined & { atom: string })[] = [];
    for (const group of this.groups) {
      const width = group.columns.length;
      const elimination = new Elimination(width, group.equations);
      for (const atom of this.atoms) {
        if (atom.n !== 1) continue;
        for (const question of group.questions) {
          for (const code of codesOf(question)) {
            const computed = elimination.valueOf(group.atomCell(atom.key, question.id, code), width);
            if (computed === undefined) continue;
            found.push({
              atom: atom.key,
              series: atom.key,
              question: question.id,
              code,
              value: atom.truth.get(question.id)!.codes.get(code) ?? 0,
              status: 'masque',
              sensible: question.sensible === true,
              computed,
            });
          }
        }
      }
    }
    return found;
  }

  /**
   * How low and how high the chosen hidden cells can go under every published fact, including
   * "fewer than k" and each count lying between 0 and its atom's size (linear relaxation).
   *
   * Every optimum is a set of counts consistent with the publication, so it shows how far every
   * other cell can go too: a cell `enough` already accepts from the solutions seen needs no
   * program of its own, and its range is then only as wide as those solutions showed. Without
   * `enough`, every range is exact.
   */
  async ranges(chosen: (cell: HiddenCell) => boolean = () => true, enough: (range: Range) => boolean = () => false): Promise<Range[]> {
    const api = await loadHighs();
    const ranges: Range[] = [];
    for (const group of this.groups) {
      const targets = group.hidden.filter(({ cell }) => chosen(cell));
      if (targets.length === 0) continue;
      const width = group.columns.length;
      const rows = [...group.equations, ...group.inequalities];
      const starts = [0];
      const indices: number[] = [];
      const values: number[] = [];
      for (const { form } of rows) {
        for (const [column, coefficient] of [...form.terms].sort(([a], [b]) => a - b)) {
          indices.push(column);
          values.push(coefficient);
        }
        starts.push(indices.length);
      }
      const finite = (value: number) => (value === Infinity ? api.infinity : value === -Infinity ? -api.infinity : value);
      const model = api.createModel({
        numCols: width,
        numRows: rows.length,
        colCost: new Float64Array(width),
        colLower: Float64Array.from(group.columns, (c) => c.lower),
        colUpper: Float64Array.from(group.columns, (c) => c.upper),
        rowLower: Float64Array.from(rows, (r) => finite(r.lower - r.form.constant)),
        rowUpper: Float64Array.from(rows, (r) => finite(r.upper - r.form.constant)),
        matrix: { format: 'csr', numRows: rows.length, numCols: width, starts: Int32Array.from(starts), indices: Int32Array.from(indices), values: Float64Array.from(values) },
      });
      const seen: Range[] = targets.map(({ cell, base }) => ({ ...cell, lowest: cell.value, highest: cell.value, ...(base !== undefined ? { base } : {}) }));
      const valueIn = (form: Form, solution: ArrayLike<number>) => {
        let value = form.constant;
        for (const [column, coefficient] of form.terms) value += coefficient * solution[column]!;
        return value;
      };
      try {
        model.options.set({ output_flag: false });
        /** Minimises `sign × objective`; every target's value in the optimum widens what was seen of it. */
        const optimum = (objective: Form, sign: 1 | -1): void => {
          const cost = new Float64Array(width);
          for (const [column, coefficient] of objective.terms) cost[column] = sign * coefficient;
          model.changeColsCost({ kind: 'range', from: 0, to: width - 1 }, cost);
          model.run();
          if (model.getModelStatus() !== api.constants.modelStatus.optimal) throw new Error(`HiGHS status ${model.getModelStatus()}`);
          const solution = model.getSolution().colValue;
          targets.forEach(({ form }, i) => {
            const value = valueIn(form, solution);
            seen[i]!.lowest = Math.min(seen[i]!.lowest, value);
            seen[i]!.highest = Math.max(seen[i]!.highest, value);
          });
        };
        // Everything up, then everything down: most cells show their room at once.
        const all = targets.reduce((total, { form }) => add(total, form), constantForm(0));
        optimum(all, -1);
        optimum(all, 1);
        targets.forEach(({ form }, i) => {
          if (enough(seen[i]!)) return;
          optimum(form, 1);
          if (enough(seen[i]!)) return;
          optimum(form, -1);
        });
      } finally {
        model.dispose();
      }
      ranges.push(...seen);
    }
    return ranges;
  }
}

/** A cell in words, for failure messages. */
export const cellName = (cell: HiddenCell): string => `${cell.series} ${cell.question}=${cell.code} (${cell.status}, true value ${cell.value})`;
