import { findQuestion } from '../../core/questionnaire/question-index.js';
import type { QuestionnaireDefinition } from '../../core/schema/questionnaire.js';
import type { Ponderation, PublicationRef } from '../../core/schema/results.js';
import type { Lang } from '../../core/schema/text.js';
import { isFragile, marginPoints } from '../../core/stats/margin.js';
import { roundPercent } from '../shared/results/percent.js';
import { optionLabels, type UnpublishedStatus } from '../shared/results/share-table.js';
import { classOf, quantileScale, thresholdScale, type ClassScale } from './classes.js';
import type { MapResults, MapTerritoryResult } from '../../core/schema/map-results.js';
import { territoriesOf, type MapLevel, type MapTerritory } from './territories.js';

/**
 * What one territory shows. `value` is coloured by its class. The three states of a figure that
 * is not published each have a pattern and words of their own, never a colour alone nor a zero:
 * `aucune` (nobody answered), `insuffisant` (fewer respondents than the threshold), `masque`
 * (hidden by statistical secrecy, the whole territory or only the answer counted). `missing`: the
 * data has no figure for it (the territory is not listed, or the answer code not reported).
 */
export type EntryState = 'value' | UnpublishedStatus | 'missing';

/** One territory as the map, its tooltip and its table show it. */
export interface MapEntry extends MapTerritory {
  /**
   * Respondents to the question there: a number when the territory is published, `0` when
   * nobody answered, `null` when the count is not published (or the territory not listed).
   */
  n: number | null;
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

/** Everything a map shows, built once per render so the map, legend, tooltip and table agree. */
export interface MapModel {
  level: MapLevel;
  /** The theme and question, for file names. */
  theme: string;
  questionId: string;
  /** The answer code counted. */
  code: string;
  /** Every territory of the level, in keyboard and table order. */
  entries: MapEntry[];
  scale: ClassScale;
  questionLabel: string;
  answerLabel: string;
  minCell: number;
  decimals: number;
  ponderation: Ponderation;
  source: string;
  /** The publication the figures come from. */
  publication: PublicationRef;
}

/** What {@link buildMapModel} needs. */
export interface MapModelInput {
  results: MapResults;
  definition?: QuestionnaireDefinition;
  code: string;
  decimals: number;
  /** Fixed class bounds; quintiles when absent. */
  thresholds?: readonly number[];
  /** The weighting asked for, used when the response does not say. */
  ponderation: Ponderation;
  lang: Lang;
}

type EntryFigures = Pick<MapEntry, 'n' | 'state' | 'percent' | 'margin' | 'fragile'>;

/** A territory's figures for the answer counted, from its result (absent when the data does not list it). */
function figuresOf(result: MapTerritoryResult | undefined, code: string, decimals: number): EntryFigures {
  if (!result) return { n: null, state: 'missing' };
  if (result.status !== 'publie') return { n: result.n, state: result.status };
  const answer = result.answers?.[code];
  if (!answer) return { n: result.n, state: 'missing' };
  // A published answer always carries its share; one left null is treated as hidden, never as zero.
  if (answer.status === 'masque' || answer.share === null) return { n: result.n, state: 'masque' };
  const figures: EntryFigures = { n: result.n, state: 'value', percent: roundPercent(answer.share, decimals) };
  // The map colours `share`, the share the published interval is about.
  const margin = marginPoints(answer.share, answer.ci);
  if (margin !== null) figures.margin = margin;
  if (isFragile(result.n, answer.share, answer.ci)) figures.fragile = true;
  return figures;
}

/** Builds the shown figures of a map from validated results. */
export function buildMapModel({ results, definition, code, decimals, thresholds, ponderation, lang }: MapModelInput): MapModel {
  const byId = new Map(results.territories.map((territory) => [territory.id, territory]));
  const entries: MapEntry[] = territoriesOf(results.niveau).map((territory) => {
    const result = byId.get(territory.id);
    return { ...territory, name: result?.name ?? territory.name, ...figuresOf(result, code, decimals) };
  });
  const percents = entries.flatMap((entry) => (entry.percent === undefined ? [] : [entry.percent]));
  const scale = thresholds ? thresholdScale(thresholds) : quantileScale(percents);
  for (const entry of entries) {
    if (entry.percent !== undefined) entry.colour = classOf(scale, entry.percent)?.colour;
  }
  const question = definition ? findQuestion(definition, results.question) : undefined;
  return {
    level: results.niveau,
    theme: results.theme,
    questionId: results.question,
    code,
    entries,
    scale,
    questionLabel: question?.label[lang] ?? results.question,
    answerLabel: optionLabels(definition, results.question, lang).get(code) ?? code,
    minCell: results.minCell,
    decimals,
    ponderation: results.ponderation ?? ponderation,
    source: results.source[lang],
    publication: results.publication,
  };
}

/** True when no territory has anything to show or explain: nobody answered anywhere, or nothing is listed. */
export function isEmptyModel(model: MapModel): boolean {
  return model.entries.every((entry) => entry.state === 'aucune' || entry.state === 'missing');
}
