import { askedOf } from '../../../core/questionnaire/conditions.js';
import { codesOf, type QuestionTally } from '../../../core/stats/tally.js';
import type { LinkExpression } from './follow-ups.js';
import type { SecrecyState } from './state.js';

/**
 * The linear program an outsider could write from what a publication says about one group of
 * linked questions: one variable per atom and answer code (how many of the atom's respondents
 * chose it), bounded by the atom's size — which anyone can know, since whether a collectivité
 * answered is public — and one constraint per published fact: a count, a number of respondents,
 * "fewer than k", "nobody", a reweighted share. Follow-up questions are tied to the answers
 * that show them, atom by atom, exactly as the questionnaire's conditions do.
 */

/** A linear form: coefficients per column, plus a constant. */
export interface Linear {
  terms: Map<number, number>;
  constant: number;
}

/** A constraint `lower ≤ Σ coef·column ≤ upper`. */
export interface Row {
  columns: number[];
  coefficients: number[];
  lower: number;
  upper: number;
}

export class LinearProgram {
  readonly lower: number[] = [];
  readonly upper: number[] = [];
  /** Each column's value in the true figures where known, else 0: where the solver starts from. */
  readonly truth: number[] = [];
  readonly rows: Row[] = [];

  column(lower: number, upper: number, truth = 0): number {
    this.lower.push(lower);
    this.upper.push(upper);
    this.truth.push(truth);
    return this.lower.length - 1;
  }

  /**
   * Adds `lower ≤ form ≤ upper` (the form's constant moves to the bounds). Returns the row's
   * position, or undefined when the form holds no unknown (the constraint is then a known fact).
   */
  constrain(form: Linear, lower: number, upper: number): number | undefined {
    const columns: number[] = [];
    const coefficients: number[] = [];
    for (const [column, coefficient] of form.terms) {
      if (coefficient === 0) continue;
      columns.push(column);
      coefficients.push(coefficient);
    }
    if (columns.length === 0) return undefined;
    this.rows.push({ columns, coefficients, lower: lower - form.constant, upper: upper - form.constant });
    return this.rows.length - 1;
  }
}

export function sum(forms: readonly Linear[], scale: readonly number[] = []): Linear {
  const terms = new Map<number, number>();
  let constant = 0;
  forms.forEach((form, index) => {
    const factor = scale[index] ?? 1;
    constant += factor * form.constant;
    for (const [column, coefficient] of form.terms) terms.set(column, (terms.get(column) ?? 0) + factor * coefficient);
  });
  return { terms, constant };
}

const columnsForm = (columns: readonly number[]): Linear => ({ terms: new Map(columns.map((column) => [column, 1])), constant: 0 });

/** The variables of one question in one atom (constants when the question is held at its true counts). */
interface AtomQuestion {
  /** How many chose each code. */
  codes: Map<string, Linear>;
  /** Respondents who answered it: the sum of codes, or a column of its own for multiple choice. */
  answered: Linear;
}

/** A published number the program holds as an equality: a shown cell, or a question's respondents. */
export interface Fact {
  row: number;
  series: number;
  question: number;
  /** The code of a cell; absent for the question's number of respondents. */
  code?: string;
}

/**
 * The program of a group of linked questions, and how to read its cells.
 *
 * Only the atoms in `free` get variables; the others count as known, at their true values. An
 * outsider who knew them would know more than the publication says, so a cell protected in
 * such a program is protected in the whole one: auditing around a cell first is sound, and
 * much faster; only cells found exposed need the whole program.
 */
export class GroupProgram {
  readonly program = new LinearProgram();
  /** Per free atom position, per question position. */
  readonly #vars = new Map<number, Map<number, AtomQuestion>>();
  /** The free atoms of each series they belong to: the only series whose facts involve a variable. */
  readonly #freeIn = new Map<number, number[]>();
  /** The published counts among its constraints (the states "nobody" and "fewer than k" are not counts). */
  readonly facts: Fact[] = [];

  /** The group's questions whose counts are unknowns; the others are held at their true counts. */
  readonly #unknown: ReadonlySet<number>;

  /**
   * @param free the atoms whose counts are unknowns (all when absent)
   * @param unknown the questions whose counts are unknowns (all when absent); holding the others
   *   at their true counts is a restriction too, and an even smaller program
   */
  constructor(
    readonly state: SecrecyState,
    readonly questions: readonly number[],
    links: ReadonlyMap<number, LinkExpression>,
    free?: ReadonlySet<number>,
    unknown?: ReadonlySet<number>,
  ) {
    const { tables } = state;
    this.#unknown = unknown ?? new Set(questions);
    const position = new Map(tables.questions.map((question, q) => [question.id, q]));
    tables.atoms.forEach((atom, a) => {
      if (atom.n === 0 || (free !== undefined && !free.has(a))) return;
      for (const s of atom.series) {
        const list = this.#freeIn.get(s);
        if (list) list.push(a);
        else this.#freeIn.set(s, [a]);
      }
      const perQuestion = new Map<number, AtomQuestion>();
      this.#vars.set(a, perQuestion);
      for (const q of questions) {
        const question = tables.questions[q]!;
        const counts = atom.tally.questions.get(question.id)!;
        const known = !this.#unknown.has(q);
        const count = (value: number): Linear => ({ terms: new Map(), constant: value });
        const codes = new Map(
          codesOf(question).map((code) => {
            const truth = counts.codes.get(code) ?? 0;
            return [code, known ? count(truth) : columnsForm([this.program.column(0, atom.n, truth)])];
          }),
        );
        let answered: Linear;
        if (known) answered = count(counts.n);
        else if (question.kind === 'multiple') {
          const column = this.program.column(0, atom.n, counts.n);
          answered = columnsForm([column]);
          for (const code of codes.values()) this.program.constrain(sum([code, answered], [1, -1]), -Infinity, 0);
        } else {
          answered = sum([...codes.values()]);
        }
        perQuestion.set(q, { codes, answered });
        const link = links.get(q);
        // A question never asked of the atom's kind or band is nobody's there (a structural zero);
        // elsewhere its comparisons on the collectivité hold, and only its answers' link remains.
        const asked = askedOf(question.visibleIf, { kind: atom.kind, populationBand: atom.band });
        // Those shown a required question all answered it: their count is where the solver starts.
        const shown: Linear = !asked
          ? { terms: new Map(), constant: 0 }
          : link ? this.#expression(link, atom.n, perQuestion, position, counts.n) : { terms: new Map(), constant: atom.n };
        // Answered by those shown it: all of them for a required question.
        const gap = sum([answered, shown], [1, -1]);
        this.program.constrain(gap, question.required === false ? -Infinity : 0, 0);
      }
    });
    this.#publishedFacts();
  }

  /** How many of an atom's respondents meet a condition, as a linear form (bounded where it cannot be exact). */
  #expression(link: LinkExpression, n: number, vars: Map<number, AtomQuestion>, position: Map<string, number>, truth = 0): Linear {
    if ('leaf' in link) {
      const read = vars.get(position.get(link.leaf.question)!)!;
      const form = sum(link.leaf.codes.map((code) => read.codes.get(code)!));
      if (link.leaf.exact) return form;
      // A threshold inside a bin: at most those of the bins it touches.
      const column = this.program.column(0, n, truth);
      this.program.constrain(sum([columnsForm([column]), form], [1, -1]), -Infinity, 0);
      return columnsForm([column]);
    }
    if ('not' in link) return sum([{ terms: new Map(), constant: n }, this.#expression(link.not, n, vars, position)], [1, -1]);
    const parts = ('all' in link ? link.all : link.any).map((part) => this.#expression(part, n, vars, position));
    // Without the joint answers, a conjunction or a disjunction is known only within the
    // Fréchet bounds of its parts.
    const column = this.program.column(0, n, truth);
    const self = columnsForm([column]);
    for (const part of parts) {
      const gap = sum([self, part], [1, -1]);
      if ('all' in link) this.program.constrain(gap, -Infinity, 0);
      else this.program.constrain(gap, 0, Infinity);
    }
    const total = sum([self, sum(parts)], [1, -1]);
    if ('all' in link) this.program.constrain(total, -(parts.length - 1) * n, Infinity);
    else this.program.constrain(total, -Infinity, 0);
    return self;
  }

  /** The count of a cell: its code's forms over the series' free atoms, plus the other atoms' true counts. */
  cell(s: number, q: number, code: string): Linear {
    const formOf = (vars: AtomQuestion) => vars.codes.get(code)!;
    const countOf = (counts: QuestionTally) => counts.codes.get(code) ?? 0;
    return this.#corrected(s, q, this.state.value(s, q, code), formOf, countOf);
  }

  /** Respondents of a question in a series. */
  answered(s: number, q: number): Linear {
    const formOf = (vars: AtomQuestion) => vars.answered;
    const countOf = (counts: QuestionTally) => counts.n;
    return this.#corrected(s, q, this.state.base(s, q), formOf, countOf);
  }

  /**
   * A series' true total with its free atoms' true counts replaced by their forms: only free
   * atoms are visited, where a series may hold hundreds.
   */
  #corrected(s: number, q: number, total: number, formOf: (vars: AtomQuestion) => Linear, countOf: (counts: QuestionTally) => number): Linear {
    const { tables } = this.state;
    const id = tables.questions[q]!.id;
    const parts: Linear[] = [];
    let constant = total;
    for (const a of this.#freeIn.get(s) ?? []) {
      parts.push(formOf(this.#vars.get(a)!.get(q)!));
      constant -= countOf(tables.atoms[a]!.tally.questions.get(id)!);
    }
    return sum([...parts, { terms: new Map(), constant }]);
  }

  /** Whether a question's counts are unknowns of the program (the others are held at their true counts). */
  isUnknown(q: number): boolean {
    return this.#unknown.has(q);
  }

  #publishedFacts(): void {
    const { state, program } = this;
    const k = state.minCell;
    for (const s of this.#freeIn.keys()) {
      if (state.seriesStatus(s) !== 'publie') continue;
      for (const q of this.questions) {
        if (!this.#unknown.has(q)) continue;
        const status = state.questionStatus(s, q);
        if (status === 'masque') continue;
        const answered = this.answered(s, q);
        // "Nobody" and "fewer than k" are published too, and withholding the question says neither:
        // a follow-up nobody answered in a group pins its parent's count there as surely as a zero.
        if (status === 'aucune' || status === 'insuffisant') {
          const row = status === 'aucune' ? program.constrain(answered, 0, 0) : program.constrain(answered, 1, k - 1);
          if (row !== undefined) this.facts.push({ row, series: s, question: q });
          continue;
        }
        const base = state.base(s, q);
        const row = program.constrain(answered, base, base);
        if (row !== undefined) this.facts.push({ row, series: s, question: q });
        for (const code of codesOf(state.question(q))) {
          if (!state.isKnown(s, q, code)) continue;
          const value = state.value(s, q, code);
          const cellRow = program.constrain(this.cell(s, q, code), value, value);
          if (cellRow !== undefined) this.facts.push({ row: cellRow, series: s, question: q, code });
        }
      }
    }
  }
}
