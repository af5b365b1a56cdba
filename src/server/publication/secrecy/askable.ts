import { askedOf, conditionQuestions, type CollectiviteProfile } from '../../../core/questionnaire/conditions.js';
import type { Question } from '../../../core/schema/questionnaire.js';
import type { ThemeTables } from '../tables.js';

/**
 * Who could have answered a question, by what anyone reads in the questionnaire: a question never
 * asked of a kind or size of collectivité (the Base adresse locale of a département, the REEN
 * strategy of a small commune), or shown only after answers to such questions, has nobody to count
 * there. Such a count is zero by the questionnaire's own rules, not by anybody's answer: saying it
 * discloses nothing, and no complement can make it move. The outsider's program knows it too
 * (`lp-model.ts`), so the protection a cell asks for stops at what its askable respondents allow.
 */
export class Askable {
  readonly #questions: ReadonlyMap<string, Question>;
  /** Per question id and atom kind and band: whether nobody of that kind and band is ever asked it. */
  readonly #never = new Map<string, boolean>();
  /** Per series and question position (`s:q`): respondents of the series who could be asked it. */
  readonly #counts = new Map<string, number>();

  constructor(private readonly tables: ThemeTables) {
    this.#questions = new Map(tables.definition.sections.flatMap((section) => section.questions.map((question) => [question.id, question] as const)));
  }

  /** Respondents of a series who could be asked a question, given their kind and size. */
  respondents(s: number, q: number): number {
    const key = `${s}:${q}`;
    let count = this.#counts.get(key);
    if (count === undefined) {
      const id = this.tables.questions[q]!.id;
      count = 0;
      for (const a of this.tables.series[s]!.atoms) {
        const atom = this.tables.atoms[a]!;
        if (!this.#neverAsked(id, atom.kind, atom.band)) count += atom.n;
      }
      this.#counts.set(key, count);
    }
    return count;
  }

  /**
   * Never asked of this kind and band: its own condition on the collectivité fails, or every
   * question its condition reads is never asked there either (its answers can then never show it).
   */
  #neverAsked(id: string, kind: string, band: string | null): boolean {
    const key = `${id}|${kind}|${band ?? ''}`;
    let never = this.#never.get(key);
    if (never === undefined) {
      // Provisionally asked: a condition reading itself, directly or not, cannot rule anyone out.
      this.#never.set(key, false);
      const condition = this.#questions.get(id)?.visibleIf;
      const profile: CollectiviteProfile = { kind, populationBand: band };
      const reads = condition ? conditionQuestions(condition) : [];
      never = !askedOf(condition, profile) || (reads.length > 0 && reads.every((parent) => this.#neverAsked(parent, kind, band)));
      this.#never.set(key, never);
    }
    return never;
  }
}
