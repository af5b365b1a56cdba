import { findQuestion } from '../../core/questionnaire/question-index.js';
import type { QuestionnaireDefinition } from '../../core/schema/questionnaire.js';
import type { Ponderation } from '../../core/schema/results.js';
import type { Lang } from '../../core/schema/text.js';
import { resultsMessages } from '../shared/results/messages.js';
import { roundPercent } from '../shared/results/percent.js';
import { classOf, quantileScale, thresholdScale, type ClassScale } from './classes.js';
import type { MapResults } from '../../core/schema/map-results.js';
import { territoriesOf, type MapLevel, type MapTerritory } from './territories.js';

/**
 * What one territory shows. `value` is coloured by its class; `suppressed` is hidden by
 * statistical confidentiality (hatched, never a zero); `none` has no respondent at all; `missing`
 * has respondents but no figure for the answer. The last two share the neutral fill.
 */
export type EntryState = 'value' | 'suppressed' | 'none' | 'missing';

/** One territory as the map, its tooltip and its table show it. */
export interface MapEntry extends MapTerritory {
  /** Respondents to the question there. */
  n: number;
  state: EntryState;
  /** The share as a percentage, rounded as shown; only for `value`. */
  percent?: number;
  /** The palette colour (1 to 5) of its class; only for `value`. */
  colour?: number;
}

/** Everything a map shows, built once per render so the map, legend, tooltip and table agree. */
export interface MapModel {
  level: MapLevel;
  /** Every territory of the level, in keyboard and table order. */
  entries: MapEntry[];
  scale: ClassScale;
  questionLabel: string;
  answerLabel: string;
  minCell: number;
  decimals: number;
  ponderation: Ponderation;
  source: string;
  generatedAt: string;
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

/** The wording of an answer code: yes/no questions have fixed words, others their options'; the code otherwise. */
function answerLabelOf(definition: QuestionnaireDefinition | undefined, questionId: string, code: string, lang: Lang): string {
  const question = definition ? findQuestion(definition, questionId) : undefined;
  if (question?.kind === 'yesno') {
    const key = code === 'oui' ? 'yes' : code === 'non' ? 'no' : code === 'nsp' ? 'dontKnow' : undefined;
    if (key) return resultsMessages(lang, key);
  }
  if (question?.kind === 'single' || question?.kind === 'multiple') {
    const option = question.options.find((one) => one.code === code);
    if (option) return option.label[lang];
  }
  return code;
}

/** Builds the shown figures of a map from validated results. */
export function buildMapModel({ results, definition, code, decimals, thresholds, ponderation, lang }: MapModelInput): MapModel {
  const byId = new Map(results.territories.map((territory) => [territory.id, territory]));
  const entries: MapEntry[] = territoriesOf(results.niveau).map((territory) => {
    const result = byId.get(territory.id);
    const base = { ...territory, name: result?.name ?? territory.name, n: result?.n ?? 0 };
    if (!result || result.n === 0) return { ...base, state: 'none' };
    if (result.suppressed) return { ...base, state: 'suppressed' };
    const answer = result.answers?.[code];
    if (!answer) return { ...base, state: 'missing' };
    if (answer.share === null) return { ...base, state: 'suppressed' };
    return { ...base, state: 'value', percent: roundPercent(answer.share, decimals) };
  });
  const percents = entries.flatMap((entry) => (entry.percent === undefined ? [] : [entry.percent]));
  const scale = thresholds ? thresholdScale(thresholds) : quantileScale(percents);
  for (const entry of entries) {
    if (entry.percent !== undefined) entry.colour = classOf(scale, entry.percent)?.colour;
  }
  const question = definition ? findQuestion(definition, results.question) : undefined;
  return {
    level: results.niveau,
    entries,
    scale,
    questionLabel: question?.label[lang] ?? results.question,
    answerLabel: answerLabelOf(definition, results.question, code, lang),
    minCell: results.minCell,
    decimals,
    ponderation: results.ponderation ?? ponderation,
    source: results.source[lang],
    generatedAt: results.generatedAt,
  };
}

/** True when no territory has anything to show or explain: nobody answered anywhere. */
export function isEmptyModel(model: MapModel): boolean {
  return model.entries.every((entry) => entry.state === 'none' || entry.state === 'missing');
}
