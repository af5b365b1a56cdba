import type { Lang } from '../../core/schema/text.js';
import { FRAGILE_BELOW, FRAGILE_MARGIN_POINTS } from '../../core/stats/margin.js';
import { resultsMessages } from '../shared/results/messages.js';
import { formatNumber } from '../../core/i18n/catalog.js';
import { formatPercentValue } from '../shared/results/percent.js';
import { nText, statusText } from '../shared/results/wording.js';
import type { ColourClass } from './classes.js';
import type { EntryState, MapEntry, MapModel } from './map-model.js';
import { mapMessages } from './messages.js';

/** What the wording of a territory's figure reads from the model. */
type Worded = Pick<MapModel, 'decimals' | 'minCell' | 'words'>;

/**
 * A state without a figure in words: "aucune réponse", "moins de 5 réponses", "masqué (secret
 * statistique)", "pas de données", or for a participation map "pas de communes dans ce territoire".
 */
export function stateText(lang: Lang, state: Exclude<EntryState, 'value'>, model: Pick<MapModel, 'minCell' | 'words'>): string {
  if (state === 'sans') return model.words.noneHeld ?? resultsMessages(lang, 'notAsked');
  return state === 'missing' ? resultsMessages(lang, 'notAsked') : statusText(lang, state, model.minCell);
}

/** A territory's figure in words: "26 %", or the state of a figure that is not there. */
export function valueText(lang: Lang, entry: MapEntry, model: Worded): string {
  if (entry.state === 'value') return formatPercentValue(lang, entry.percent ?? 0, model.decimals);
  return stateText(lang, entry.state, model);
}

/** A shown figure with its margin, as read on screen: "26 % ± 9 pts"; the state in words otherwise. */
export function figureText(lang: Lang, entry: MapEntry, model: Worded): string {
  const value = valueText(lang, entry, model);
  if (entry.state !== 'value' || entry.margin === undefined) return value;
  return `${value} ${mapMessages(lang, 'margin', { margin: String(entry.margin) })}`;
}

/** The same figure in words a screen reader says well: "26 % à 9 points près, chiffre fragile". */
function spokenFigure(lang: Lang, entry: MapEntry, model: Worded): string {
  let value = valueText(lang, entry, model);
  if (entry.state !== 'value') return value;
  if (entry.margin !== undefined) value = mapMessages(lang, 'marginSpoken', { value, margin: String(entry.margin) });
  return entry.fragile ? mapMessages(lang, 'fragileSpoken', { value }) : value;
}

/**
 * Why a figure is fragile, in words, or `undefined` when it is not: too few respondents, else a
 * margin too wide (the rule of `core/stats/margin.ts`).
 */
export function fragileText(lang: Lang, entry: MapEntry): string | undefined {
  if (entry.state !== 'value' || !entry.fragile) return undefined;
  if (entry.n !== null && entry.n < FRAGILE_BELOW) return mapMessages(lang, 'fragileFew', { threshold: String(FRAGILE_BELOW) });
  return mapMessages(lang, 'fragileWide', { points: String(FRAGILE_MARGIN_POINTS) });
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
 * The respondents, when their number is published: "n = 42" for a results map, "89 sur 277" for
 * a participation map, whose share is out of the collectivités the territory holds.
 */
export function countText(lang: Lang, entry: MapEntry): string | undefined {
  const n = shownCount(entry);
  if (n === undefined) return undefined;
  if (entry.total === undefined) return nText(lang, n);
  return mapMessages(lang, 'respondentsOf', { n: formatNumber(lang, n), total: formatNumber(lang, entry.total) });
}

/**
 * Everything a territory says in one line — its name, figure, margin and respondents — as its
 * shape's accessible name and the words announced on hover: "Ille-et-Vilaine : 26 % à 7 points
 * près (n = 42)", "Côtes-d’Armor : moins de 5 réponses". The margin is said in words, not "±".
 */
export function entryText(lang: Lang, entry: MapEntry, model: Worded): string {
  const value = spokenFigure(lang, entry, model);
  const count = countText(lang, entry);
  if (count === undefined) return mapMessages(lang, 'optionEmpty', { name: entry.name, note: value });
  const key = entry.state === 'value' ? 'optionValue' : 'optionNote';
  return mapMessages(lang, key, { name: entry.name, value, note: value, n: count });
}

/** A class's bounds in words: "de 20 % à moins de 30 %", the last one "de 40 % à 52 %". */
export function classText(lang: Lang, colourClass: ColourClass): string {
  const low = formatPercentValue(lang, colourClass.lower);
  const high = formatPercentValue(lang, colourClass.upper);
  if (colourClass.lower === colourClass.upper) return mapMessages(lang, 'classSingle', { low });
  return mapMessages(lang, colourClass.last ? 'classLast' : 'classRange', { low, high });
}

/**
 * How the colours were chosen, with the number of classes the map really has: "4 classes, chacune
 * avec à peu près le même nombre de départements". Quantile breaks that fall on the same
 * whole percent are merged, so a map may have fewer than five classes, and the words say so.
 * `undefined` when no territory has a figure, so there is no colour to explain.
 */
export function scaleText(lang: Lang, model: Pick<MapModel, 'scale' | 'level'>): string | undefined {
  const count = model.scale.classes.length;
  // No published figure at all: no colour to explain.
  if (count === 0) return undefined;
  if (model.scale.method === 'seuils') return mapMessages(lang, 'scaleSeuils', { count: String(count) });
  if (count === 1) return mapMessages(lang, 'scaleSingle');
  const level = mapMessages(lang, model.level === 'region' ? 'regions' : 'departements');
  return mapMessages(lang, 'scaleQuantiles', { count: String(count), level });
}
