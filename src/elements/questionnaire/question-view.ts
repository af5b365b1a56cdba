import type { AnswerValue, Question } from '../../core/schema/questionnaire.js';
import type { Lang } from '../../core/schema/text.js';

/** What the element does when a respondent acts on a question. */
export interface QuestionHandlers {
  /**
   * A new value for an answer key (a question id, or `<id>.autre`); `undefined` clears it.
   * `raw` is the text as typed, for fields whose text is not the value itself (numbers).
   */
  answer(key: string, value: AnswerValue | undefined, raw?: string): void;
  /** Focus left a typed field: from now on its problems show. */
  leave(key: string): void;
  /** A number field holds text that is not a number. */
  badNumber(questionId: string, bad: boolean): void;
  /**
   * Something the element did to an answer besides what the respondent clicked (an exclusive
   * answer unticked the others), to say in the question's live region; the next answer to the
   * question clears it.
   */
  note(key: string, message: string): void;
}

/** Everything a question's template needs. */
export interface QuestionView {
  lang: Lang;
  question: Question;
  /** The stored value of an answer key. */
  value(key: string): unknown;
  /** The text to show in a typed field (as typed when known, else the stored value). */
  text(key: string): string;
  /** The problems to show now for an answer key (none before the respondent interacted). */
  errors(key: string): string[];
  /** What the element last said about an answer key's change (see {@link QuestionHandlers.note}), or ''. */
  note(key: string): string;
  /** Words saying the question is new or changed since the edition whose answers were taken up. */
  mark?: string;
  handlers: QuestionHandlers;
}
