import { html, nothing, type TemplateResult } from 'lit';
import type { Lang } from '../../core/schema/text.js';
import { FRAGILE_BELOW, FRAGILE_MARGIN_POINTS } from '../../core/stats/margin.js';
import { resultsMessages } from '../shared/results/messages.js';
import { cellText, editionText } from './cell-text.js';
import type { EvolutionEditionView, EvolutionSeriesView, EvolutionView } from './evolution-view.js';
import { evolutionMessages } from './messages.js';

function figureCell(lang: Lang, view: EvolutionView, series: EvolutionSeriesView, edition: EvolutionEditionView, index: number): TemplateResult {
  const cell = series.cells[index] ?? { kind: 'missing' as const };
  const text = cellText(lang, cell, edition, view);
  if (cell.kind !== 'value') return html`<td class="note" data-state=${cell.kind}>${text}</td>`;
  return html`<td class="number" data-state="value" data-fragile=${cell.fragile ? 'true' : nothing}>
    <span class="figure">${text}</span>${cell.fragile ? html` <span class="fragile">${resultsMessages(lang, 'fragile')}</span>` : nothing}
  </td>`;
}

/**
 * The chart's figures as a real table, its text alternative: a row per edition (marked where the
 * series breaks), a column per series, each figure with its margin and fragile mark, the state of
 * a figure not published in words, and the publication each edition's figures come from. The
 * break sentences and what the marks mean follow it.
 */
export function evolutionTable(lang: Lang, view: EvolutionView): TemplateResult {
  const base = evolutionMessages(lang, view.ponderation === 'redressee' ? 'subtitleRedressee' : 'subtitle', { answer: view.answerLabel });
  const caption = evolutionMessages(lang, 'tableCaption', { question: view.questionLabel, answer: view.answerLabel, base });
  const breaks = view.editions.flatMap((edition) => (edition.breakBefore ? [edition.breakBefore.message[lang]] : []));
  const notes = [
    ...breaks,
    ...(view.series.some((series) => series.cells.some((cell) => cell.kind === 'value' && cell.margin !== null)) ? [resultsMessages(lang, 'marginNote')] : []),
    ...(view.series.some((series) => series.cells.some((cell) => cell.kind === 'value' && cell.fragile))
      ? [resultsMessages(lang, 'fragileNote', { below: String(FRAGILE_BELOW), points: String(FRAGILE_MARGIN_POINTS) })]
      : []),
  ];
  return html`
    <table part="table">
      <caption>${caption}</caption>
      <thead>
        <tr>
          <th scope="col">${evolutionMessages(lang, 'edition')}</th>
          ${view.series.map((series) => html`<th scope="col">${series.name}</th>`)}
          <th scope="col">${evolutionMessages(lang, 'publicationColumn')}</th>
        </tr>
      </thead>
      <tbody>
        ${view.editions.map(
          (edition, index) => html`<tr data-break=${edition.breakBefore ? edition.breakBefore.reason : nothing}>
            <th scope="row">${edition.breakBefore ? evolutionMessages(lang, 'editionBroken', { edition: edition.id }) : edition.id}</th>
            ${view.series.map((series) => figureCell(lang, view, series, edition, index))}
            <td class="note">${editionText(lang, edition)}</td>
          </tr>`,
        )}
      </tbody>
    </table>
    ${notes.length > 0 ? html`<ul part="table-notes" class="table-notes">${notes.map((note) => html`<li>${note}</li>`)}</ul>` : nothing}
  `;
}
