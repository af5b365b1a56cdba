import type { AnswerOption, NumberBin } from '../core/schema/questionnaire.js';
import type { LocalizedText } from '../core/schema/text.js';

/**
 * A text in French and English. Definitions hold hundreds of them: a short call keeps the
 * questions readable while the result stays plain `{ fr, en }` data.
 */
export function loc(fr: string, en: string): LocalizedText {
  return { fr, en };
}

/** An answer option: a stable machine code and its label in both languages. */
export function option(code: string, fr: string, en: string): AnswerOption {
  return { code, label: { fr, en } };
}

/** A range of a number question's answers as published: values up to `max`, or above the previous bin's when `max` is absent. */
export function numberBin(code: string, fr: string, en: string, max?: number): NumberBin {
  return max === undefined ? { code, label: { fr, en } } : { code, label: { fr, en }, max };
}
