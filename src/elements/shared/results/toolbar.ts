import { html, nothing, type TemplateResult } from 'lit';
import type { Lang } from '../../../core/schema/text.js';
import { resultsMessages } from './messages.js';

/** What {@link figureToolbar} needs. */
export interface FigureToolbar {
  lang: Lang;
  /** Whether the table alternative is in sight. */
  tableShown: boolean;
  /** The id of the table's region, which the toggle controls. */
  tableId: string;
  onToggleTable: () => void;
  onCsv: () => void;
  /** Buttons of the element's own after the shared ones (the chart's PNG). */
  extra?: TemplateResult | typeof nothing;
}

/** The buttons under a chart or a map: the table toggle, the CSV download, then the element's own. */
export function figureToolbar({ lang, tableShown, tableId, onToggleTable, onCsv, extra = nothing }: FigureToolbar): TemplateResult {
  return html`<div part="toolbar" class="toolbar">
    <button
      part="table-button"
      class="button"
      type="button"
      aria-pressed=${tableShown ? 'true' : 'false'}
      aria-controls=${tableId}
      title=${resultsMessages(lang, 'tableHint')}
      @click=${onToggleTable}
    >
      ${resultsMessages(lang, 'table')}
    </button>
    <button part="csv-button" class="button" type="button" @click=${onCsv}>${resultsMessages(lang, 'csv')}</button>
    ${extra}
  </div>`;
}
