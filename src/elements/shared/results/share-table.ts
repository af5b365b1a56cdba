import { findQuestion } from '../../../core/questionnaire/question-index.js';
import type { QuestionnaireDefinition } from '../../../core/schema/questionnaire.js';
import type { ResultsResponse, Series, SeriesRole } from '../../../core/schema/results.js';
import type { Lang } from '../../../core/schema/text.js';
import { resultsMessages } from './messages.js';
import { roundPercent } from './percent.js';

/** Which respondents a share is out of: those asked the question, or all respondents of the series. */
export type Base = 'concernees' | 'toutes';

/** Reads the `base` attribute; anything unknown falls back to `concernees`. */
export function toBase(value: string | null | undefined): Base {
  return value === 'toutes' ? 'toutes' : 'concernees';
}

/**
 * One cell as every view shows it. `suppressed` is hidden by statistical confidentiality, never
 * a zero; `missing` is a code the series does not report at all.
 */
export type ShareCell = { kind: 'value'; percent: number } | { kind: 'suppressed' } | { kind: 'missing' };

/** One series (territory), as a column of the table and a dataset of the chart. */
export interface ShareColumn {
  role: SeriesRole;
  /** Territory or group id. */
  id: string;
  name: string;
  /** Respondents behind the shares, on the base in force. */
  n: number;
  /** `shown` is drawn; `suppressed` is hidden for confidentiality; `missing` has no figure for the question. */
  status: 'shown' | 'suppressed' | 'missing';
  /** One cell per row, in row order. */
  cells: ShareCell[];
}

/** One answer option. */
export interface ShareRow {
  code: string;
  label: string;
}

/**
 * The figures of one question as shown: chart, table and CSV are all drawn from this one object,
 * so they cannot disagree on series, base or rounding.
 */
export interface ShareTable {
  theme: string;
  questionId: string;
  /** The question's wording, or its id when the definition does not know it. */
  questionLabel: string;
  rows: ShareRow[];
  columns: ShareColumn[];
  base: Base;
  decimals: number;
  minCell: number;
  ponderation: ResultsResponse['ponderation'];
  source: string;
  generatedAt: string;
}

/** What {@link buildShareTable} needs. */
export interface ShareTableInput {
  results: ResultsResponse;
  definition?: QuestionnaireDefinition;
  question: string;
  base: Base;
  decimals: number;
  lang: Lang;
}

/** Option labels in definition order: yes/no questions carry no options, their three codes are fixed. */
function optionLabels(definition: QuestionnaireDefinition | undefined, questionId: string, lang: Lang): Map<string, string> {
  const question = definition ? findQuestion(definition, questionId) : undefined;
  const labels = new Map<string, string>();
  if (question?.kind === 'yesno') {
    labels.set('oui', resultsMessages(lang, 'yes'));
    labels.set('non', resultsMessages(lang, 'no'));
    labels.set('nsp', resultsMessages(lang, 'dontKnow'));
  } else if (question?.kind === 'single' || question?.kind === 'multiple') {
    for (const option of question.options) labels.set(option.code, option.label[lang]);
  }
  return labels;
}

function columnOf(series: Series, questionId: string, rows: readonly ShareRow[], base: Base, decimals: number): ShareColumn {
  const question = series.questions[questionId];
  const status = series.suppressed || question?.suppressed ? 'suppressed' : question ? 'shown' : 'missing';
  const n = base === 'concernees' && question ? question.n : series.n;
  const cells = rows.map((row): ShareCell => {
    if (status === 'suppressed') return { kind: 'suppressed' };
    const answer = question?.answers?.[row.code];
    if (!answer) return { kind: 'missing' };
    const share = base === 'concernees' ? answer.share : answer.shareOfAll;
    return share === null ? { kind: 'suppressed' } : { kind: 'value', percent: roundPercent(share, decimals) };
  });
  return { role: series.role, id: series.territory.id, name: series.territory.name, n, status, cells };
}

/**
 * One series per territory. Without a territory of its own, an element asking for the France
 * comparison gets France twice (as the territory and as the comparison); showing a territory
 * beside itself only adds noise.
 */
function distinctTerritories(series: readonly Series[]): Series[] {
  const seen = new Set<string>();
  return series.filter((one) => {
    if (seen.has(one.territory.id)) return false;
    seen.add(one.territory.id);
    return true;
  });
}

/** Builds the shown figures of one question from validated results. */
export function buildShareTable({ results, definition, question, base, decimals, lang }: ShareTableInput): ShareTable {
  const labels = optionLabels(definition, question, lang);
  const reported = new Set<string>();
  for (const series of results.series) {
    for (const code of Object.keys(series.questions[question]?.answers ?? {})) reported.add(code);
  }
  // Definition order first (it is the order respondents saw); codes the definition does not know
  // (an older version's) follow in the order the data lists them. When every series is suppressed
  // nothing is reported, and the options still give the rows their names.
  const codes = reported.size > 0 ? [...labels.keys()].filter((code) => reported.has(code)) : [...labels.keys()];
  for (const code of reported) if (!labels.has(code)) codes.push(code);
  const rows = codes.map((code) => ({ code, label: labels.get(code) ?? code }));

  const questionDef = definition ? findQuestion(definition, question) : undefined;
  return {
    theme: results.theme,
    questionId: question,
    questionLabel: questionDef?.label[lang] ?? question,
    rows,
    columns: distinctTerritories(results.series).map((series) => columnOf(series, question, rows, base, decimals)),
    base,
    decimals,
    minCell: results.minCell,
    ponderation: results.ponderation,
    source: results.source[lang],
    generatedAt: results.generatedAt,
  };
}

/** True when there is nothing to show or explain: no series reports the question, or it has no answer codes. */
export function isEmptyTable(table: ShareTable): boolean {
  return table.rows.length === 0 || table.columns.every((column) => column.status === 'missing');
}

/** Columns drawn in the chart: suppressed and missing series are left out, never drawn as zero. */
export function drawnColumns(table: ShareTable): ShareColumn[] {
  return table.columns.filter((column) => column.status === 'shown');
}
