import { html, nothing, type TemplateResult } from 'lit';
import type { Lang } from '../../../core/schema/text.js';
import type { EmbedAction } from './embed-action.js';
import { resultsMessages } from './messages.js';

/** The table alternative's toggle, in the toolbar of the elements that have one (chart, map). */
export interface ToolbarTable {
  /** Whether the table alternative is in sight. */
  shown: boolean;
  /** The id of the table's region, which the toggle controls. */
  id: string;
  onToggle: () => void;
}

/** What {@link figureToolbar} needs. */
export interface FigureToolbar {
  lang: Lang;
  table?: ToolbarTable;
  onCsv?: () => void;
  /** Buttons of the element's own after the shared ones (the chart's PNG). */
  extra?: TemplateResult | typeof nothing;
  /** The "Intégrer" action: its toggle ends the toolbar, its panel follows it. */
  embed: EmbedAction;
}

/**
 * The buttons under a figure: the table toggle and the CSV download where the element has them,
 * the element's own, then "Intégrer", whose panel opens under the toolbar.
 */
export function figureToolbar({ lang, table, onCsv, extra = nothing, embed }: FigureToolbar): TemplateResult {
  return html`<div part="toolbar" class="toolbar">
      ${table
        ? html`<button
            part="table-button"
            class="button"
            type="button"
            aria-pressed=${table.shown ? 'true' : 'false'}
            aria-controls=${table.id}
            title=${resultsMessages(lang, 'tableHint')}
            @click=${table.onToggle}
          >
            ${resultsMessages(lang, 'table')}
          </button>`
        : nothing}
      ${onCsv ? html`<button part="csv-button" class="button" type="button" @click=${onCsv}>${resultsMessages(lang, 'csv')}</button>` : nothing}
      ${extra} ${embed.button(lang)}
    </div>
    ${embed.view(lang)}`;
}
