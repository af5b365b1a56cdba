import { html, nothing, type TemplateResult } from 'lit';
import type { Lang } from '../../core/schema/text.js';
import { classPaint, PATTERN_STATES, statePaint, swatch } from './fills.js';
import type { MapEntry, MapModel } from './map-model.js';
import { classText, scaleText, stateText } from './map-wording.js';
import { mapMessages } from './messages.js';

/**
 * The legend: what each colour means in words ("de 20 % à moins de 30 %"), how many classes
 * there are and how they were chosen, and each state of a territory without a figure with its pattern and its words
 * ("aucune réponse", "moins de 5 réponses", "masqué (secret statistique)", "pas de données", and on a
 * participation map "pas de communes dans ce territoire").
 * A state appears only when some territory is in it, so the legend never explains what the map
 * does not show.
 */
export function legendView(lang: Lang, model: MapModel, current: MapEntry | undefined): TemplateResult {
  const states = PATTERN_STATES.filter((state) => model.entries.some((entry) => entry.state === state));
  return html`
    <div part="legend" class="legend">
      <p class="legend-title">${[model.words.counted, scaleText(lang, model)].filter(Boolean).join(' · ')}</p>
      <ul>
        ${model.scale.classes.map(
          (one) => html`<li data-colour=${one.colour}>${swatch(classPaint(one.colour))}<span>${classText(lang, one)}</span></li>`,
        )}
        ${states.map((state) => html`<li data-kind=${state}>${swatch(statePaint(state))}<span>${stateText(lang, state, model)}</span></li>`)}
        ${current
          ? html`<li data-kind="current">
              ${swatch({ className: '', fill: nothing }, 'current')}<span>${mapMessages(lang, 'currentLegend', { name: current.name })}</span>
            </li>`
          : nothing}
      </ul>
    </div>
  `;
}
