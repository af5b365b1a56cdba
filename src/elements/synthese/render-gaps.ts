import { html, nothing, type TemplateResult } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import { formatNumber } from '../../core/i18n/catalog.js';
import { typeset } from '../../core/i18n/typography.js';
import type { Lang } from '../../core/schema/text.js';
import { tableRegion } from '../shared/results/table-region.js';
import { cellWords } from './cells.js';
import { markedGaps, type Gap, type ThemeGaps } from './gaps.js';
import { syntheseMessages } from './messages.js';

/**
 * The gaps with France drawn and said: a line per headline figure with the territory's share as
 * a disc and France's as a stroke on one 0–100 % scale, the stretch between them marking the gap,
 * and beside it the same in words, which is what assistive technologies read (the drawing is
 * hidden from them). Drawn with borders, not backgrounds, so that it prints as shown. Above
 * the lines, the figures where the territory stands clearly apart, theme by theme: the answer
 * to "where are we behind?" in two sentences. The table alternative gives every figure again.
 */

export interface GapsView {
  lang: Lang;
  /** The territory's name, for the legend. */
  territory: string;
  themes: readonly ThemeGaps[];
  minCell: number;
  /** Whether the table is in sight (it is always there for screen readers). */
  tableShown: boolean;
  onToggleTable: () => void;
  /** Prefix of the ids inside the view, unique in its shadow root. */
  idPrefix: string;
  /** The level of the themes' headings: under the element's title, or under a section of the synthesis. */
  headingLevel: 3 | 4;
}

/** "14 pts de moins que la France", "comme la France", "pas de comparaison". */
export function gapText(lang: Lang, gap: Gap): string {
  if (gap.points === null) return syntheseMessages(lang, 'gapNone');
  if (gap.points === 0) return syntheseMessages(lang, 'gapEqual');
  const count = Math.abs(gap.points);
  return syntheseMessages(lang, gap.points > 0 ? 'gapHigher' : 'gapLower', { points: formatNumber(lang, count), count });
}

/** "écart net", "dans la marge d'erreur", or nothing to add when there is no comparison. */
function readingText(lang: Lang, gap: Gap): string {
  if (gap.comparison === null) return '';
  return syntheseMessages(lang, gap.comparison === 'indistinct' ? 'gapWithinMargin' : 'gapMarked');
}

/**
 * "62 % ± 12 pts · France 76 % ± 1 pt · 14 pts de moins que la France, écart net": each part
 * kept on one line, so that a figure never wraps between its number and its unit.
 */
function gapWords(lang: Lang, gap: Gap, minCell: number): TemplateResult {
  const here = cellWords(lang, gap.territory, minCell);
  if (gap.points === null) return html`${here}`;
  const france = syntheseMessages(lang, 'franceValue', { value: cellWords(lang, gap.france, minCell) });
  return html`<span class="gap-part">${here}</span> · <span class="gap-part">${france}</span> ·
    <span class="gap-part">${gapText(lang, gap)}</span>, ${readingText(lang, gap)}`;
}

/** The two summary sentences: what stands clearly higher, what clearly lower. */
function summary(lang: Lang, themes: readonly ThemeGaps[]): TemplateResult {
  const list = (comparison: 'superieur' | 'inferieur') =>
    markedGaps(themes, comparison)
      .map(({ theme, gap }) => typeset(lang, `${theme.title[lang]} : ${syntheseMessages(lang, 'gapItem', { question: gap.question.label[lang], answer: gap.answer.label[lang] })}`))
      .join(' ; ');
  const above = list('superieur');
  const below = list('inferieur');
  if (!above && !below) return html`<p class="gaps-summary">${syntheseMessages(lang, 'gapsNone')}</p>`;
  return html`<div class="gaps-summary">
    ${below ? html`<p data-comparison="inferieur">${syntheseMessages(lang, 'gapsBelow', { list: below })}</p>` : nothing}
    ${above ? html`<p data-comparison="superieur">${syntheseMessages(lang, 'gapsAbove', { list: above })}</p>` : nothing}
  </div>`;
}

/** A share as a position on the 0–100 % scale. */
const at = (percent: number) => `${Math.min(100, Math.max(0, percent))}%`;

/** A line; after the first answer of a question, its wording is for screen readers only (it heads the group on screen). */
function gapLine(lang: Lang, gap: Gap, minCell: number, repeated: boolean): TemplateResult {
  const here = gap.territory.cell.kind === 'value' ? gap.territory.cell.percent : undefined;
  const france = gap.france.cell.kind === 'value' ? gap.france.cell.percent : undefined;
  const drawn =
    here === undefined || france === undefined
      ? nothing
      : html`<span class="gap-span" style=${styleMap({ insetInlineStart: at(Math.min(here, france)), inlineSize: at(Math.abs(here - france)) })}></span>
          <span class="gap-france" style=${styleMap({ insetInlineStart: at(france) })}></span>
          <span class="gap-here" style=${styleMap({ insetInlineStart: at(here) })}></span>`;
  return html`<li class="gap" data-question=${gap.question.id} data-answer=${gap.answer.code} data-comparison=${gap.comparison ?? 'none'}>
    <span class="gap-label"
      ><span class=${repeated ? 'visually-hidden' : 'gap-question'}>${typeset(lang, gap.question.label[lang])}</span>
      <span class="gap-answer">${typeset(lang, gap.answer.label[lang])}</span></span
    >
    <span class="gap-scale" aria-hidden="true">${drawn}</span>
    <span class="gap-words">${gapWords(lang, gap, minCell)}</span>
  </li>`;
}

function gapsTable(view: GapsView): TemplateResult {
  const { lang, themes, minCell } = view;
  const table = html`<table part="table gaps-table">
    <caption>${syntheseMessages(lang, 'gapsCaption')}</caption>
    <thead>
      <tr>
        <th scope="col">${syntheseMessages(lang, 'themeColumn')}</th>
        <th scope="col">${syntheseMessages(lang, 'questionColumn')}</th>
        <th scope="col">${syntheseMessages(lang, 'answerColumn')}</th>
        <th scope="col" data-role="territoire">${view.territory}</th>
        <th scope="col" data-role="france">France</th>
        <th scope="col">${syntheseMessages(lang, 'gapColumn')}</th>
        <th scope="col">${syntheseMessages(lang, 'readingColumn')}</th>
      </tr>
    </thead>
    ${themes.map(
      (theme) => html`<tbody data-theme=${theme.theme}>
        ${theme.gaps.map(
          (gap, g) => html`<tr data-question=${gap.question.id} data-answer=${gap.answer.code}>
            ${g === 0 ? html`<th scope="rowgroup" rowspan=${theme.gaps.length}>${theme.title[lang]}</th>` : nothing}
            <th scope="row">${typeset(lang, gap.question.label[lang])}</th>
            <td>${typeset(lang, gap.answer.label[lang])}</td>
            <td class="number" data-role="territoire">${cellWords(lang, gap.territory, minCell)}</td>
            <td class="number" data-role="france">${cellWords(lang, gap.france, minCell)}</td>
            <td class="number" data-role="ecart">${gapText(lang, gap)}</td>
            <td data-role="lecture">${readingText(lang, gap)}</td>
          </tr>`,
        )}
      </tbody>`,
    )}
  </table>`;
  return tableRegion({ id: `${view.idPrefix}-table`, label: syntheseMessages(lang, 'gapsRegion'), shown: view.tableShown, content: table });
}

/** The summary, the lines theme by theme, the table toggle and the table. */
export function gapsView(view: GapsView): TemplateResult {
  const { lang, themes, minCell } = view;
  return html`<div part="gaps" class="gaps">
    ${summary(lang, themes)}
    <p class="gaps-legend">${syntheseMessages(lang, 'gapsLegend', { territory: view.territory })}</p>
    ${themes.map(
      (theme) => html`<div class="gaps-theme" data-theme=${theme.theme}>
        ${view.headingLevel === 3
          ? html`<h3 id=${`${view.idPrefix}-${theme.theme}`}>${theme.title[lang]}</h3>`
          : html`<h4 id=${`${view.idPrefix}-${theme.theme}`}>${theme.title[lang]}</h4>`}
        <ul class="gap-lines">
          ${theme.gaps.map((gap, g) => gapLine(lang, gap, minCell, g > 0 && theme.gaps[g - 1]!.question.id === gap.question.id))}
        </ul>
      </div>`,
    )}
    <div part="toolbar" class="toolbar">
      <button
        part="table-button"
        class="button"
        type="button"
        aria-pressed=${view.tableShown ? 'true' : 'false'}
        aria-controls=${`${view.idPrefix}-table`}
        title=${syntheseMessages(lang, 'gapsTableHint')}
        @click=${view.onToggleTable}
      >
        ${syntheseMessages(lang, 'gapsTable')}
      </button>
    </div>
    ${gapsTable(view)}
  </div>`;
}
