import type { Lang } from '../../core/schema/text.js';
import { resultsMessages } from '../shared/results/messages.js';
import { formatPercentValue } from '../shared/results/percent.js';
import { nText, statusText } from '../shared/results/wording.js';
import type { ColourClass } from './classes.js';
import type { EntryState, MapEntry, MapModel } from './map-model.js';
import { mapMessages } from './messages.js';

/** A state without a figure in words: "aucune réponse", "moins de 5 réponses", "masqué (secret statistique)", "pas de données". */
export function stateText(lang: Lang, state: Exclude<EntryState, 'value'>, model: Pick<MapModel, 'minCell'>): string {
  return state === 'missing' ? resultsMessages(lang, 'notAsked') : statusText(lang, state, model.minCell);
}

/** A territory's figure in words: "26 %", or the state of a figure that is not there. */
export function valueText(lang: Lang, entry: MapEntry, model: Pick<MapModel, 'decimals' | 'minCell'>): string {
  if (entry.state === 'value') return formatPercentValue(lang, entry.percent ?? 0, model.decimals);
  return stateText(lang, entry.state, model);
}

/**
 * The number of respondents, when it is published: a territory whose figure is shown, or a
 * published territory whose answer counted is hidden. Never for a territory nobody answered in,
 * nor for one whose count is not published.
 */
export function shownCount(entry: MapEntry): number | undefined {
  return entry.n !== null && entry.state !== 'aucune' && entry.state !== 'insuffisant' ? entry.n : undefined;
}

/**
 * Everything a territory says in one line — its name, figure and respondents — as its shape's
 * accessible name and its tooltip: "Ille-et-Vilaine : 26 % (n = 42)", "Côtes-d’Armor : moins de
 * 5 réponses".
 */
export function entryText(lang: Lang, entry: MapEntry, model: Pick<MapModel, 'decimals' | 'minCell'>): string {
  const value = valueText(lang, entry, model);
  const n = shownCount(entry);
  if (n === undefined) return mapMessages(lang, 'optionEmpty', { name: entry.name, note: value });
  const key = entry.state === 'value' ? 'optionValue' : 'optionNote';
  return mapMessages(lang, key, { name: entry.name, value, note: value, n: nText(lang, n) });
}

/** A class's bounds in words: "de 20 % à moins de 30 %", the last one "de 40 % à 52 %". */
export function classText(lang: Lang, colourClass: ColourClass): string {
  const low = formatPercentValue(lang, colourClass.lower);
  const high = formatPercentValue(lang, colourClass.upper);
  if (colourClass.lower === colourClass.upper) return mapMessages(lang, 'classSingle', { low });
  return mapMessages(lang, colourClass.last ? 'classLast' : 'classRange', { low, high });
}
