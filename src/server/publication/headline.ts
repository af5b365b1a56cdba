import { codesOf, type PublishedQuestion } from '../../core/stats/tally.js';

/**
 * The figures a headline question is read by — what the synthesis of a territory shows of it and
 * what the Baromètre's own publications quote: a yes/no question by its share of yeses ("26 % ont
 * un lieu de médiation"), another question by each of its answers but "ne sait pas". The other
 * counts of a headline question (its "non", its "ne sait pas") matter to readers as much as any
 * question's: hiding them as complements keeps the headline figure whole.
 */
export function headlineCodes(question: PublishedQuestion): readonly string[] {
  if (question.headline !== true) return [];
  if (question.kind === 'yesno') return YES;
  return codesOf(question).filter((code) => code !== 'nsp');
}

const YES = ['oui'] as const;

/** Whether a count is one of the figures a headline question is read by. */
export function isHeadlineFigure(question: PublishedQuestion, code: string): boolean {
  return headlineCodes(question).includes(code);
}
