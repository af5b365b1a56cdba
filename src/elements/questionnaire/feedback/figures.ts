import { YES_NO_CODES } from '../../../core/schema/codes.js';
import type { QuestionnaireDefinition } from '../../../core/schema/questionnaire.js';
import type { FigureStatus, PublicationRef, Series } from '../../../core/schema/results.js';
import type { LocalizedText } from '../../../core/schema/text.js';
import { headlineQuestions } from './own-answers.js';
import type { PeerGroup } from './plan.js';

/**
 * One published share as the feedback shows it: a share (0..1); or why there is none — nobody
 * answered (`aucune`), fewer respondents than the threshold (`insuffisant`), hidden by statistical
 * secrecy (`masque`), never a zero; or not reported at all by the series (`missing`).
 */
export type FeedbackCell = { kind: 'share'; share: number } | { kind: Exclude<FigureStatus, 'publie'> } | { kind: 'missing' };

/** A column of comparison: similar collectivités, the respondent's area (département or région), France. */
export interface FeedbackColumn {
  role: 'similaires' | 'area' | 'france';
  /** The area's name as the API gives it; the other columns are named by the view, in the reader's language. */
  name: string;
}

/** The figures of one key question: a row per answer code, a cell per column and row. */
export interface FeedbackQuestion {
  id: string;
  /** Answer codes in the order the respondent saw them; codes only the data knows follow. */
  codes: string[];
  /** `cells[column][row]`. */
  cells: FeedbackCell[][];
}

/** Everything the confirmation needs from the published figures. Labels come from the definition at render time. */
export interface FeedbackFigures {
  peers?: PeerGroup;
  columns: FeedbackColumn[];
  questions: FeedbackQuestion[];
  /** The largest confidentiality threshold of the responses used: no shown share rests on fewer respondents. */
  minCell: number;
  source: LocalizedText;
  /** The publication the figures come from: the answers just sent are not in it yet. */
  publication: PublicationRef;
}

/** The series the feedback draws from, each already checked against the results contract. */
export interface FeedbackSeries {
  peers?: Series;
  area: Series;
  france?: Series;
}

function cellOf(series: Series, questionId: string, code: string): FeedbackCell {
  if (series.status !== 'publie') return { kind: series.status };
  const question = series.questions[questionId];
  if (!question) return { kind: 'missing' };
  if (question.status !== 'publie') return { kind: question.status };
  const answer = question.answers?.[code];
  if (!answer) return { kind: 'missing' };
  // Shares among those asked: a conditional question compares the collectivités it was put to.
  return answer.status === 'masque' || answer.share === null ? { kind: 'masque' } : { kind: 'share', share: answer.share };
}

/**
 * Every option is a row, reported or not: the respondent's own answer must find its row even when
 * no published series carries that code.
 */
function codesOf(question: ReturnType<typeof headlineQuestions>[number], series: readonly Series[]): string[] {
  const codes: string[] = question.kind === 'yesno' ? [...YES_NO_CODES] : question.options.map((option) => option.code);
  for (const one of series) {
    for (const code of Object.keys(one.questions[question.id]?.answers ?? {})) if (!codes.includes(code)) codes.push(code);
  }
  return codes;
}

/** Builds the shown figures of every key question of the definition from the series received. */
export function buildFeedbackFigures(
  definition: QuestionnaireDefinition,
  series: FeedbackSeries,
  meta: { peers?: PeerGroup; minCell: number; source: LocalizedText; publication: PublicationRef },
): FeedbackFigures {
  const shown: Array<{ column: FeedbackColumn; series: Series }> = [];
  if (series.peers) shown.push({ column: { role: 'similaires', name: series.peers.territory.name }, series: series.peers });
  shown.push({ column: { role: 'area', name: series.area.territory.name }, series: series.area });
  if (series.france) shown.push({ column: { role: 'france', name: series.france.territory.name }, series: series.france });
  const all = shown.map((entry) => entry.series);
  const questions = headlineQuestions(definition).map((question): FeedbackQuestion => {
    const codes = codesOf(question, all);
    return { id: question.id, codes, cells: all.map((one) => codes.map((code) => cellOf(one, question.id, code))) };
  });
  return {
    ...(meta.peers ? { peers: meta.peers } : {}),
    columns: shown.map((entry) => entry.column),
    questions,
    minCell: meta.minCell,
    source: meta.source,
    publication: meta.publication,
  };
}
