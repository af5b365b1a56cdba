import type { FigureStatus } from '../../../core/schema/results.js';
import type { PublishedQuestion } from '../../../core/stats/tally.js';
import type { ThemeTables } from '../tables.js';
import { Askable } from './askable.js';

/**
 * What a publication shows of a theme's tables: the status of every series and question, and
 * every hidden cell with the protection it needs. Rules add to it (primary suppression, then
 * complements, then what the audit asks for). Only `consolidate.ts` ever shows a hidden cell
 * again, before the audit, when hiding another does the same work for less (see there).
 */

/** Why a cell is hidden. */
export type HiddenReason = 'seuil' | 'sensible' | 'evolution' | 'complement';

/**
 * How uncertain a hidden cell must stay for someone who knows every published figure: the
 * range of values consistent with them must reach `below` under its true value and `above`
 * over it, and can never be a single value.
 */
export interface Protection {
  reason: HiddenReason;
  below: number;
  above: number;
}

/** A cell: a series, a question and one of its codes, by position. */
export interface Cell {
  series: number;
  question: number;
  code: string;
}

export const cellKey = (series: number, question: number, code: string): string => `${series}:${question}:${code}`;

const STRENGTH: Record<HiddenReason, number> = { complement: 0, seuil: 1, evolution: 2, sensible: 3 };

/** A copy of what a state hides and withholds (see `SecrecyState.snapshot`). */
export interface StateSnapshot {
  readonly questions: ReadonlyMap<string, FigureStatus>;
  readonly hidden: ReadonlyMap<string, Protection>;
  readonly hiddenIn: ReadonlyMap<string, number>;
}

function refill<K, V>(target: Map<K, V>, source: ReadonlyMap<K, V>): void {
  target.clear();
  for (const [key, value] of source) target.set(key, value);
}

export class SecrecyState {
  readonly #series: FigureStatus[];
  readonly #questions = new Map<string, FigureStatus>();
  readonly #hidden = new Map<string, Protection>();
  /** Hidden cells per series and question (`s:q`). */
  readonly #hiddenIn = new Map<string, number>();

  /** Who in each series could be asked each question (see `askable.ts`). */
  private readonly askable: Askable;

  constructor(
    readonly tables: ThemeTables,
    readonly minCell: number,
  ) {
    this.askable = new Askable(tables);
    // An atom series (never published, fewer than k respondents) is protected as a series below the threshold.
    this.#series = tables.series.map(({ n }) => (n === 0 ? 'aucune' : n < minCell ? 'insuffisant' : 'publie'));
    for (let s = 0; s < tables.series.length; s++) {
      if (this.#series[s] !== 'publie') continue;
      for (let q = 0; q < tables.questions.length; q++) this.unmask(s, q);
    }
  }

  question(q: number): PublishedQuestion {
    return this.tables.questions[q]!;
  }

  seriesStatus(s: number): FigureStatus {
    return this.#series[s]!;
  }

  /** A question's status in a series; a series that is not published shows its own status. */
  questionStatus(s: number, q: number): FigureStatus {
    return this.#questions.get(`${s}:${q}`) ?? this.#series[s]!;
  }

  /** Respondents of a series who answered a question (true value, published or not). */
  base(s: number, q: number): number {
    return this.tables.series[s]!.tally.questions.get(this.question(q).id)!.n;
  }

  /** How many chose a code (true value). */
  value(s: number, q: number, code: string): number {
    return this.tables.series[s]!.tally.questions.get(this.question(q).id)!.codes.get(code) ?? 0;
  }

  /**
   * The largest value a cell can take for someone who knows the published figures around it but
   * not the cell: its question's respondents whenever those are known — published, or equal to a
   * published count (a follow-up of shown answers, a question everyone answers in a series whose
   * size is public) — else the series' respondents who could be asked it (see `askable.ts`).
   */
  upper(s: number, q: number): number {
    const status = this.questionStatus(s, q);
    if (status === 'masque' || (status === 'insuffisant' && this.seriesStatus(s) === 'insuffisant' && this.question(q).visibleIf)) {
      return Math.min(this.tables.series[s]!.n, this.askable.respondents(s, q));
    }
    return this.base(s, q);
  }

  /** Whether nobody in a series could be asked a question: its counts are zero by the questionnaire's rules. */
  neverAsked(s: number, q: number): boolean {
    return this.askable.respondents(s, q) === 0;
  }

  /** Whether a cell's count can be read: shown, or known to be zero because nobody answered. */
  isKnown(s: number, q: number, code: string): boolean {
    const status = this.questionStatus(s, q);
    if (status === 'aucune') return true;
    return status === 'publie' && !this.#hidden.has(cellKey(s, q, code));
  }

  protection(s: number, q: number, code: string): Protection | undefined {
    return this.#hidden.get(cellKey(s, q, code));
  }

  /** Every hidden cell of a series or question that is not known, with its protection. */
  *hiddenCells(): Generator<[Cell, Protection]> {
    for (const [key, protection] of this.#hidden) {
      const [series, question, code] = key.split(':') as [string, string, string];
      yield [{ series: Number(series), question: Number(question), code }, protection];
    }
  }

  /**
   * Hides a cell for a reason; the protection it needs follows from the rules (see
   * `protectionFor`). Returns whether the cell was shown before.
   */
  hide(s: number, q: number, code: string, protection: Protection): boolean {
    const key = cellKey(s, q, code);
    const previous = this.#hidden.get(key);
    if (previous && STRENGTH[previous.reason] >= STRENGTH[protection.reason] && previous.below >= protection.below && previous.above >= protection.above) {
      return false;
    }
    this.#hidden.set(key, {
      reason: previous && STRENGTH[previous.reason] > STRENGTH[protection.reason] ? previous.reason : protection.reason,
      below: Math.max(previous?.below ?? 0, protection.below),
      above: Math.max(previous?.above ?? 0, protection.above),
    });
    if (previous === undefined) this.#hiddenIn.set(`${s}:${q}`, this.hiddenIn(s, q) + 1);
    return previous === undefined;
  }

  /** How many cells of a question are hidden in a series. */
  hiddenIn(s: number, q: number): number {
    return this.#hiddenIn.get(`${s}:${q}`) ?? 0;
  }

  /** Withholds a published question of a series entirely: its count goes, and all its cells. */
  mask(s: number, q: number): void {
    if (this.#series[s] === 'publie') this.#questions.set(`${s}:${q}`, 'masque');
  }

  /** Shows a hidden cell again. Returns whether it was hidden. */
  reveal(s: number, q: number, code: string): boolean {
    if (!this.#hidden.delete(cellKey(s, q, code))) return false;
    this.#hiddenIn.set(`${s}:${q}`, this.hiddenIn(s, q) - 1);
    return true;
  }

  /** What is hidden and withheld now, to go back to with `restore`. */
  snapshot(): StateSnapshot {
    return { questions: new Map(this.#questions), hidden: new Map(this.#hidden), hiddenIn: new Map(this.#hiddenIn) };
  }

  restore(snapshot: StateSnapshot): void {
    refill(this.#questions, snapshot.questions);
    refill(this.#hidden, snapshot.hidden);
    refill(this.#hiddenIn, snapshot.hiddenIn);
  }

  /** Gives a question of a published series the status its number of respondents gives it. */
  unmask(s: number, q: number): void {
    if (this.#series[s] !== 'publie') return;
    const base = this.base(s, q);
    this.#questions.set(`${s}:${q}`, base === 0 ? 'aucune' : base < this.minCell ? 'insuffisant' : 'publie');
  }

  /** How many cells are hidden, for reports. */
  get hiddenCount(): number {
    return this.#hidden.size;
  }
}
