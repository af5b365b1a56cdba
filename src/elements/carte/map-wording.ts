import type { Lang } from '../../core/schema/text.js';
import { resultsMessages } from '../shared/results/messages.js';
import { formatPercentValue } from '../shared/results/percent.js';
import { nText, suppressedText } from '../shared/results/wording.js';
import type { ColourClass } from './classes.js';
import type { MapEntry, MapModel } from './map-model.js';
import { mapMessages } from './messages.js';

/** A territory's figure in words: "26 %", the suppression notice, "aucune réponse" or "pas de données". */
export function valueText(lang: Lang, entry: MapEntry, model: Pick<MapModel, 'decimals' | 'minCell'>): string {
  switch (entry.state) {
    case 'value':
      return formatPercentValue(lang, entry.percent ?? 0, model.decimals);
    case 'suppressed':
      return suppressedText(lang, model.minCell);
    case 'none':
      return mapMessages(lang, 'noResponse');
    case 'missing':
      return resultsMessages(lang, 'notAsked');
  }
}

/**
 * Everything a territory says in one line — its name, figure and respondents — as its shape's
 * accessible name and its tooltip: "Ille-et-Vilaine : 26 % (n = 42)".
 */
export function entryText(lang: Lang, entry: MapEntry, model: Pick<MapModel, 'decimals' | 'minCell'>): string {
  const value = valueText(lang, entry, model);
  if (entry.state === 'none') return mapMessages(lang, 'optionEmpty', { name: entry.name, note: value });
  const key = entry.state === 'value' ? 'optionValue' : 'optionNote';
  return mapMessages(lang, key, { name: entry.name, value, note: value, n: nText(lang, entry.n) });
}

/** A class's bounds in words: "de 20 % à moins de 30 %", the last one "de 40 % à 52 %". */
export function classText(lang: Lang, colourClass: ColourClass): string {
  const low = formatPercentValue(lang, colourClass.lower);
  const high = formatPercentValue(lang, colourClass.upper);
  if (colourClass.lower === colourClass.upper) return mapMessages(lang, 'classSingle', { low });
  return mapMessages(lang, colourClass.last ? 'classLast' : 'classRange', { low, high });
}
