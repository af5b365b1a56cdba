import { html, nothing, type TemplateResult } from 'lit';
import { formatNumber } from '../../core/i18n/catalog.js';
import type { Lang } from '../../core/schema/text.js';
import { FRAGILE_BELOW, FRAGILE_MARGIN_POINTS } from '../../core/stats/margin.js';
import { resultsMessages } from '../shared/results/messages.js';
import type { MapEntry, MapModel } from './map-model.js';
import { countText, figureText, valueText } from './map-wording.js';
import { mapMessages } from './messages.js';

/** The columns the table sorts by. */
export type SortKey = 'territory' | 'share' | 'n';

/** The table's order: a column and a direction. */
export interface TableSort {
  key: SortKey;
  descending: boolean;
}

/** The map's own order (by number or by name), ascending: the order the keyboard follows. */
export const DEFAULT_SORT: TableSort = { key: 'territory', descending: false };

/** Orders two optional numbers: values by `sign`, absent ones after every value whatever the direction. */
function compareValues(a: number | undefined, b: number | undefined, sign: number): number {
  if (a === undefined || b === undefined) return (a === undefined ? 1 : 0) - (b === undefined ? 1 : 0);
  return sign * (a - b);
}

/**
 * Rows in the asked order. Territories without a figure (or without a published count) stay at
 * the end whatever the direction of the sort: they have no place among values, and must never
 * pass for zeros. Ties keep the map's order, so the table is the same from one sort to the next.
 */
export function sortedEntries(entries: readonly MapEntry[], sort: TableSort): MapEntry[] {
  const rank = new Map(entries.map((entry, index) => [entry.id, index]));
  const sign = sort.descending ? -1 : 1;
  return [...entries].sort((a, b) => {
    let order = 0;
    if (sort.key === 'share') order = compareValues(a.percent, b.percent, sign);
    else if (sort.key === 'n') order = compareValues(a.n ?? undefined, b.n ?? undefined, sign);
    else order = sign * (rank.get(a.id)! - rank.get(b.id)!);
    return order || rank.get(a.id)! - rank.get(b.id)!;
  });
}

function header(label: string, key: SortKey, sort: TableSort, onSort: (key: SortKey) => void): TemplateResult {
  const active = sort.key === key;
  const ariaSort = active ? (sort.descending ? 'descending' : 'ascending') : nothing;
  const arrow = active ? (sort.descending ? ' ▼' : ' ▲') : '';
  return html`<th scope="col" aria-sort=${ariaSort}>
    <button class="sort" type="button" @click=${() => onSort(key)}>${label}<span aria-hidden="true">${arrow}</span></button>
  </th>`;
}

/**
 * The map as a table: one row per territory with its share and its margin ("26 % ± 7 pts",
 * "(fragile)" when it rests on few respondents), or the state of a figure that is not published
 * in words, and its respondents when their number is published ("89 sur 277" on a participation
 * map). It is the map's text
 * alternative and holds exactly the figures the map colours.
 * Column headers are buttons that sort the rows (again to reverse); `aria-sort` tells screen
 * readers which column orders them.
 */
export function mapTable(
  lang: Lang,
  model: MapModel,
  currentId: string | undefined,
  sort: TableSort,
  onSort: (key: SortKey) => void,
): TemplateResult {
  // What "±" and "fragile" mean, said once under the caption when some row uses them, in the charts' words.
  const notes = [
    model.words.tableNote,
    model.entries.some((entry) => entry.margin !== undefined) ? resultsMessages(lang, 'marginNote') : undefined,
    model.entries.some((entry) => entry.fragile)
      ? resultsMessages(lang, 'fragileNote', { below: FRAGILE_BELOW, points: FRAGILE_MARGIN_POINTS })
      : undefined,
  ].filter((note): note is string => note !== undefined);
  const territoryLabel = mapMessages(lang, model.level === 'region' ? 'region' : 'departement');
  return html`
    <table part="table">
      <caption>
        ${model.words.tableCaption}${notes.map((note) => html`<span class="caption-note">${note}</span>`)}
      </caption>
      <thead>
        <tr>
          ${header(territoryLabel, 'territory', sort, onSort)}
          ${header(model.words.shareColumn, 'share', sort, onSort)}
          ${header(mapMessages(lang, 'nColumn'), 'n', sort, onSort)}
        </tr>
      </thead>
      <tbody>
        ${sortedEntries(model.entries, sort).map(
          (entry) => html`
            <tr data-id=${entry.id}>
              <th scope="row">
                ${model.level === 'departement' ? `${entry.name} (${entry.code})` : entry.name}
                ${entry.id === currentId ? html`<span class="note"> — ${mapMessages(lang, 'current')}</span>` : nothing}
              </th>
              <td class=${entry.state === 'value' ? 'number' : 'note'} data-state=${entry.state}>
                ${figureText(lang, entry, model)}${entry.fragile
                  ? html` <span class="fragile">(${mapMessages(lang, 'fragile')})</span>`
                  : nothing}
              </td>
              ${entry.n === null
                ? html`<td class="note">${valueText(lang, entry, model)}</td>`
                : html`<td class="number">${entry.total === undefined ? formatNumber(lang, entry.n) : countText(lang, entry)}</td>`}
            </tr>
          `,
        )}
      </tbody>
    </table>
  `;
}
