import { html, nothing, type TemplateResult } from 'lit';
import type { Lang } from '../../core/schema/text.js';
import { suppressedText } from '../shared/results/wording.js';
import { classPaint, EMPTY_PAINT, SUPPRESSED_PAINT, swatch } from './fills.js';
import type { MapEntry, MapModel } from './map-model.js';
import { classText } from './map-wording.js';
import { mapMessages } from './messages.js';

/**
 * The legend: what each colour means in words ("de 20 % à moins de 30 %"), how the classes were
 * chosen, and the two kinds of territory without a figure. Their entries appear only when some
 * territory is in that case, so the legend never explains what the map does not show.
 */
export function legendView(lang: Lang, model: MapModel, current: MapEntry | undefined): TemplateResult {
  const method = mapMessages(lang, model.scale.method);
  const hasSuppressed = model.entries.some((entry) => entry.state === 'suppressed');
  const hasEmpty = model.entries.some((entry) => entry.state === 'none' || entry.state === 'missing');
  return html`
    <div part="legend" class="legend">
      <p class="legend-title">${mapMessages(lang, 'shareOf', { answer: model.answerLabel })} · ${method}</p>
      <ul>
        ${model.scale.classes.map(
          (one) => html`<li data-colour=${one.colour}>${swatch(classPaint(one.colour))}<span>${classText(lang, one)}</span></li>`,
        )}
        ${hasSuppressed
          ? html`<li data-kind="suppressed">${swatch(SUPPRESSED_PAINT)}<span>${suppressedText(lang, model.minCell)}</span></li>`
          : nothing}
        ${hasEmpty ? html`<li data-kind="empty">${swatch(EMPTY_PAINT)}<span>${mapMessages(lang, 'noResponse')}</span></li>` : nothing}
        ${current
          ? html`<li data-kind="current">
              ${swatch({ className: '', fill: nothing }, 'current')}<span>${mapMessages(lang, 'currentLegend', { name: current.name })}</span>
            </li>`
          : nothing}
      </ul>
    </div>
  `;
}
