import { findQuestion } from '../../core/questionnaire/question-index.js';
import type { MapResults, MapTerritoryResult } from '../../core/schema/map-results.js';
import type { QuestionnaireDefinition } from '../../core/schema/questionnaire.js';
import type { Ponderation } from '../../core/schema/results.js';
import type { Lang } from '../../core/schema/text.js';
import { isFragile, marginPoints } from '../../core/stats/margin.js';
import { resultsMessages } from '../shared/results/messages.js';
import { roundPercent } from '../shared/results/percent.js';
import { optionLabels } from '../shared/results/share-table.js';
import { editionPublicationText, ponderationText, publicationCsvLines } from '../shared/results/wording.js';
import { colourEntries, type MapEntry, type MapModel, type MapWords } from './map-model.js';
import { mapMessages } from './messages.js';
import { territoriesOf, type MapLevel } from './territories.js';

/** What {@link buildResultsMapModel} needs. */
export interface ResultsMapModelInput {
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

/** The words of a results map: the question, the answer counted, the weighting. */
function resultsWords(lang: Lang, level: MapLevel, question: string, answer: string, ponderation: Ponderation, publication: string): MapWords {
  const estimated = ponderation === 'redressee';
  const counted = mapMessages(lang, estimated ? 'shareOfEstimated' : 'shareOf', { answer });
  const levelWord = mapMessages(lang, level === 'region' ? 'regions' : 'departements');
  return {
    title: question,
    subtitle: `${counted} · ${ponderationText(lang, ponderation)}`,
    counted,
    mapLabel: mapMessages(lang, estimated ? 'mapLabelEstimated' : 'mapLabel', { level: levelWord, answer, question }),
    tableCaption: mapMessages(lang, estimated ? 'tableCaptionEstimated' : 'tableCaption', { question, answer, level: levelWord, publication }),
    shareColumn: mapMessages(lang, 'shareColumn', { answer }),
    shareCsvColumn: mapMessages(lang, 'shareCsvColumn', { answer }),
    empty: mapMessages(lang, 'emptyMap'),
  };
}

/** Builds what a results map shows from validated results: the share giving answer `code`, per territory. */
export function buildResultsMapModel({ results, definition, code, decimals, thresholds, ponderation, lang }: ResultsMapModelInput): MapModel {
  const byId = new Map(results.territories.map((territory) => [territory.id, territory]));
  const entries: MapEntry[] = territoriesOf(results.niveau).map((territory) => {
    const result = byId.get(territory.id);
    return { ...territory, name: result?.name ?? territory.name, ...figuresOf(result, code, decimals) };
  });
  const question = definition ? findQuestion(definition, results.question) : undefined;
  const questionLabel = question?.label[lang] ?? results.question;
  const answerLabel = optionLabels(definition, results.question, lang).get(code) ?? code;
  const weighting = results.ponderation ?? ponderation;
  const source = results.source[lang];
  return {
    measure: 'resultats',
    level: results.niveau,
    entries,
    scale: colourEntries(entries, thresholds),
    words: resultsWords(lang, results.niveau, questionLabel, answerLabel, weighting, editionPublicationText(lang, results.publication)),
    minCell: results.minCell,
    decimals,
    publication: results.publication,
    source,
    csvContext: [
      [resultsMessages(lang, 'questionLabel'), questionLabel],
      [mapMessages(lang, 'answerLabel'), answerLabel],
      [resultsMessages(lang, 'ponderationLabel'), ponderationText(lang, weighting)],
      [resultsMessages(lang, 'sourceLabel'), source],
      ...publicationCsvLines(lang, results.publication),
    ],
    fileName: ['barometre', results.theme, results.question, code, results.niveau],
  };
}
