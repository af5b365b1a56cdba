import type { Series } from '../../core/schema/results.js';
import type { Lang } from '../../core/schema/text.js';
import { isFragile, marginPoints } from '../../core/stats/margin.js';
import { resultsMessages } from '../shared/results/messages.js';
import { roundPercent } from '../shared/results/percent.js';
import type { ShareCell } from '../shared/results/share-table.js';
import { cellText, statusText, valueWithMarginText } from '../shared/results/wording.js';

/** Shares are shown as whole percentages, as the elements do by default. */
const DECIMALS = 0;

/** One figure of the synthesis, as the charts' tables read it: a share, or why there is none. */
export interface SynthesisCell {
  cell: ShareCell;
  fragile: boolean;
}

/**
 * The share of one answer to one question in one series, read by the rules of the results tables:
 * a series or question that is not published gives its state to every answer, a hidden answer is
 * `masque`, and a figure is never a zero standing for nothing.
 */
export function cellOf(series: Series | undefined, questionId: string, code: string): SynthesisCell {
  const plain = (cell: ShareCell): SynthesisCell => ({ cell, fragile: false });
  if (series === undefined) return plain({ kind: 'missing' });
  if (series.status !== 'publie') return plain({ kind: series.status });
  const question = series.questions[questionId];
  if (question === undefined) return plain({ kind: 'missing' });
  if (question.status !== 'publie') return plain({ kind: question.status });
  const answer = question.answers?.[code];
  if (answer === undefined) return plain({ kind: 'missing' });
  if (answer.status === 'masque' || answer.share === null) return plain({ kind: 'masque' });
  const ci = answer.ci ?? null;
  return {
    cell: { kind: 'value', percent: roundPercent(answer.share, DECIMALS), share: answer.share, ci },
    fragile: isFragile(question.n, answer.share, ci),
  };
}

/** "28 % ± 9 pts", "28 % ± 16 pts (fragile)", "moins de 5 réponses", "masqué (secret statistique)". */
export function cellWords(lang: Lang, { cell, fragile }: SynthesisCell, minCell: number): string {
  if (cell.kind !== 'value') return cellText(lang, cell, { decimals: DECIMALS, minCell });
  const value = valueWithMarginText(lang, cell, DECIMALS, marginPoints(cell.share, cell.ci));
  return fragile ? `${value} (${resultsMessages(lang, 'fragile')})` : value;
}

/** A series' respondents to a theme: their number, or why it is not published. */
export function participationWords(lang: Lang, series: Series | undefined, minCell: number): string {
  if (series === undefined) return resultsMessages(lang, 'notAsked');
  if (series.status === 'publie' && series.n !== null) return resultsMessages(lang, 'respondents', { n: series.n });
  return statusText(lang, series.status === 'publie' ? 'masque' : series.status, minCell);
}
