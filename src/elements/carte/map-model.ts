import type { PublicationRef } from '../../core/schema/results.js';
import type { UnpublishedStatus } from '../shared/results/share-table.js';
import { classOf, quantileScale, thresholdScale, type ClassScale } from './classes.js';
import type { MapMeasure } from './map-measure.js';
import type { MapLevel, MapTerritory } from './territories.js';

/**
 * What a map shows, whatever it measures: a share per territory, coloured by class, and the words
 * that say what the share counts. Each measure fills this one shape (`map-results-model.ts` from
 * one question's results, `map-participation-model.ts` from participation counts), so the map,
 * its legend, tooltip, keyboard, table and CSV are the same code for both.
 */

/**
 * What one territory shows. `value` is coloured by its class. The three states of a figure that
 * is not published each have a pattern and words of their own, never a colour alone nor a zero:
 * `aucune` (nobody answered), `insuffisant` (fewer respondents than the threshold), `masque`
 * (hidden by statistical secrecy, the whole territory or only the answer counted). `sans`: the
 * territory holds no collectivité of the kind a participation map counts, so it has no share to
 * give. `missing`: the data has no figure for it (the territory is not listed, or the answer
 * code not reported).
 */
export type EntryState = 'value' | UnpublishedStatus | 'sans' | 'missing';

/** One territory as the map, its tooltip and its table show it. */
export interface MapEntry extends MapTerritory {
  /**
   * Respondents there: a number when the territory is published, `0` when nobody answered,
   * `null` when the count is not published (or the territory not listed).
   */
  n: number | null;
  /** How many collectivités of the kind counted the territory holds: a participation map's shares are out of it. */
  total?: number;
  state: EntryState;
  /** The share as a percentage, rounded as shown; only for `value`. */
  percent?: number;
  /** The palette colour (1 to 5) of its class; only for `value`. */
  colour?: number;
  /** The margin of error in percentage points, when the data gives the share's interval; only for `value`. */
  margin?: number;
  /** True when the figure rests on few respondents or has a wide margin: shown, flagged, to be read with care. */
  fragile?: boolean;
}

/** What the map's parts say the shares count, in the reader's language, filled by each measure. */
export interface MapWords {
  /** The caption's title: the question, or the theme whose participation is shown. */
  title: string;
  /** The caption's subtitle: what is counted, and how (weighting, edition). */
  subtitle: string;
  /** What the colours count, heading the legend: "Part des collectivités ayant répondu « Oui »". */
  counted: string;
  /** The accessible name of the territories' listbox. */
  mapLabel: string;
  /** The table's caption, naming the publication. */
  tableCaption: string;
  /** The table's share column. */
  shareColumn: string;
  /** The CSV's share column, in percent. */
  shareCsvColumn: string;
  /** What to say when no territory has anything to show. */
  empty: string;
  /** A territory holding no collectivité of the kind counted, in words (participation only). */
  noneHeld?: string;
  /** The CSV's column of the collectivités each territory holds (participation only): "Nombre de communes". */
  totalColumn?: string;
  /** A note under the table's caption about the measure itself. */
  tableNote?: string;
}

/** Everything a map shows, built once per render so the map, legend, tooltip and table agree. */
export interface MapModel {
  measure: MapMeasure;
  level: MapLevel;
  /** Every territory of the level, in keyboard and table order. */
  entries: MapEntry[];
  scale: ClassScale;
  words: MapWords;
  /** The threshold of the results, said by "moins de 5 réponses". */
  minCell: number;
  decimals: number;
  /** The publication the figures come from. */
  publication: PublicationRef;
  /** Who publishes the figures, for the source line: "Baromètre numérique des collectivités, vague 1". */
  source: string;
  /** The lines of context heading the CSV, label and value, since a file travels without its page. */
  csvContext: [string, string][];
  /** The words of the CSV's file name (`barometre-inclusion-lieu_mediation-oui-departement.csv`). */
  fileName: string[];
}

/**
 * Colours the entries that have a value by the class they fall in: classes cut at the quintiles
 * of the shown shares, or at the fixed `thresholds`. Returns the scale for the legend.
 */
export function colourEntries(entries: MapEntry[], thresholds: readonly number[] | undefined): ClassScale {
  const percents = entries.flatMap((entry) => (entry.percent === undefined ? [] : [entry.percent]));
  const scale = thresholds ? thresholdScale(thresholds) : quantileScale(percents);
  for (const entry of entries) {
    if (entry.percent !== undefined) entry.colour = classOf(scale, entry.percent)?.colour;
  }
  return scale;
}

/** True when no territory has anything to show or explain: nobody answered anywhere, or nothing is listed. */
export function isEmptyModel(model: MapModel): boolean {
  return model.entries.every((entry) => entry.state === 'aucune' || entry.state === 'missing');
}
