import { html, nothing, type TemplateResult } from 'lit';
import type { Lang } from '../../core/schema/text.js';
import { FRAGILE_BELOW, FRAGILE_MARGIN_POINTS } from '../../core/stats/margin.js';
import type { CellPrecision } from '../shared/results/precision.js';
import type { ShareCell, ShareColumn, ShareRow, ShareTable } from '../shared/results/share-table.js';
import { cellText } from '../shared/results/wording.js';
import { indicatorMessages } from './messages.js';

/**
 * Text written for the eye and said for the ear: "± 9 pts" reads well on screen but is spelled
 * out poorly by screen readers, so they get the same content as a sentence instead.
 */
function seenAndSaid(seen: TemplateResult, said: string): TemplateResult {
  return html`<span aria-hidden="true">${seen}</span><span class="visually-hidden">${said}</span>`;
}

function marginText(lang: Lang, precision: CellPrecision | undefined): string | undefined {
  return precision?.margin == null ? undefined : indicatorMessages(lang, 'margin', { margin: precision.margin });
}

/**
 * The key figure, published: the share, its margin ("31 % ± 14 pts") and the answer it counts,
 * said to screen readers as one sentence ("31 % ont répondu « Oui », à 14 points près.").
 */
export function publishedFigureView(lang: Lang, table: ShareTable, row: ShareRow, cell: ShareCell, precision: CellPrecision | undefined): TemplateResult {
  const value = cellText(lang, cell, table);
  const margin = marginText(lang, precision);
  const label = indicatorMessages(lang, 'answered', { answer: row.label });
  const said =
    precision?.margin == null
      ? indicatorMessages(lang, 'spokenFigure', { value, answer: row.label })
      : indicatorMessages(lang, 'spokenFigureMargin', { value, answer: row.label, margin: precision.margin });
  const seen = html`<span part="value" class="value" data-state="value">${value}</span>${margin === undefined
      ? nothing
      : html` <span part="margin" class="margin">${margin}</span>`}
    <span part="label" class="label">${label}</span>`;
  return html`<p class="figure">${seenAndSaid(seen, said)}</p>`;
}

/**
 * A key figure that is not published, as a whole sentence for each state: nobody answered, too
 * few answered, or hidden by statistical secrecy (the whole territory or only this answer).
 */
export function unpublishedFigureView(lang: Lang, table: ShareTable, row: ShareRow, cell: ShareCell): TemplateResult {
  const key = cell.kind === 'value' ? 'missing' : cell.kind;
  const sentence = indicatorMessages(lang, key, { answer: row.label, minCell: table.minCell });
  return html`<p part="value" class="statement" data-state=${cell.kind}>${sentence}</p>`;
}

/**
 * Says that a figure is fragile, visibly and in words — a marked box, never a colour alone — and
 * why: too few respondents, else a margin too wide.
 */
export function fragileView(lang: Lang, column: ShareColumn, precision: CellPrecision | undefined): TemplateResult | typeof nothing {
  if (!precision?.fragile) return nothing;
  const few = column.n !== null && column.n < FRAGILE_BELOW;
  const sentence = few
    ? indicatorMessages(lang, 'fragileFew', { threshold: FRAGILE_BELOW })
    : indicatorMessages(lang, 'fragileWide', { points: FRAGILE_MARGIN_POINTS });
  return html`<p part="fragile" class="fragile"><span class="fragile-mark" aria-hidden="true">!</span> ${sentence}</p>`;
}

/** What a comparison item needs beside the table. */
export interface ComparisonInput {
  column: ShareColumn;
  rowIndex: number;
  precision: CellPrecision | undefined;
  /** True when the two shares cannot be told apart (their intervals overlap). */
  indistinct: boolean;
  /** The key figure's series name, for the spoken sentence. */
  mainName: string;
}

/**
 * One comparison: "France : 26 % ± 2 pts (écart non significatif)", or the state of a figure
 * that is not published in words; said as sentences to screen readers.
 */
export function comparisonView(lang: Lang, table: ShareTable, input: ComparisonInput): TemplateResult {
  const { column, precision } = input;
  const value = cellText(lang, column.cells[input.rowIndex] ?? { kind: 'missing' }, table);
  const margin = marginText(lang, precision);
  const notes = [
    ...(precision?.fragile ? [indicatorMessages(lang, 'fragile')] : []),
    ...(input.indistinct ? [indicatorMessages(lang, 'indistinct')] : []),
  ];
  const shown = margin === undefined ? value : `${value} ${margin}`;
  const seen = indicatorMessages(lang, 'comparison', {
    name: column.name,
    value: notes.length > 0 ? indicatorMessages(lang, 'comparisonNotes', { value: shown, notes: notes.join(', ') }) : shown,
  });
  if (margin === undefined && notes.length === 0) return html`<li>${seen}</li>`;
  const said = [
    precision?.margin == null
      ? indicatorMessages(lang, 'spokenComparison', { name: column.name, value })
      : indicatorMessages(lang, 'spokenComparisonMargin', { name: column.name, value, margin: precision.margin }),
    ...(precision?.fragile ? [indicatorMessages(lang, 'spokenFragile')] : []),
    ...(input.indistinct ? [indicatorMessages(lang, 'spokenIndistinct', { main: input.mainName })] : []),
  ].join(' ');
  return html`<li>${seenAndSaid(html`${seen}`, said)}</li>`;
}
