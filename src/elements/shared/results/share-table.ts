import { findQuestion } from '../../../core/questionnaire/question-index.js';
import type { QuestionnaireDefinition } from '../../../core/schema/questionnaire.js';
import type { FigureStatus, PublicationRef, ResultsResponse, Series, SeriesRole } from '../../../core/schema/results.js';
import type { Interval } from '../../../core/stats/margin.js';
import type { Lang } from '../../../core/schema/text.js';
import { resultsMessages } from './messages.js';
import { roundPercent } from './percent.js';

/** Which respondents a share is out of: those asked the question, or all respondents of the series. */
export type Base = 'concernees' | 'toutes';

/** Reads the `base` attribute; anything unknown falls back to `concernees`. */
export function toBase(value: string | null | undefined): Base {
  return value === 'toutes' ? 'toutes' : 'concernees';
}

/** The states of a figure that is not published, each said in words wherever the figure would be. */
export type UnpublishedStatus = Exclude<FigureStatus, 'publie'>;

/**
 * A published figure: its rounded percentage as shown, and the unrounded share with its 95 %
 * interval, from which its margin of error and fragility are told (see `precision.ts`). The API
 * publishes the interval of the share among those asked the question only: with `base="toutes"`
 * the interval is `null`, and no margin is claimed.
 */
export interface ShareValue {
  kind: 'value';
  percent: number;
  share: number;
  ci: Interval | null;
}

/**
 * One cell as every view shows it: a value, or why there is none — nobody answered (`aucune`),
 * too few did (`insuffisant`), hidden by statistical secrecy (`masque`) — never a zero; `missing`
 * is a code the series does not report at all (not asked in the data).
 */
export type ShareCell = ShareValue | { kind: UnpublishedStatus } | { kind: 'missing' };

/** One series (territory), as a column of the table and a dataset of the chart. */
export interface ShareColumn {
  role: SeriesRole;
  /** Territory or group id. */
  id: string;
  name: string;
  /**
   * Respondents behind the shares, on the base in force: a number when published, `0` when
   * nobody answered, `null` when the count itself is not published.
   */
  n: number | null;
  /**
   * `publie` is drawn; the three other statuses say why it is not (the series or its question is
   * not published); `missing`: the series has no figure for the question.
   */
  status: FigureStatus | 'missing';
  /** One cell per row, in row order. */
  cells: ShareCell[];
  /** The rounded median of a number question, when published. */
  median?: number;
  /**
   * For an estimate (weighted figures, similar collectivités), the share of the population its
   * figures stand for, when part of it has no respondent to stand for it; absent: all of it.
   */
  coverage?: number;
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
  /** The publication the figures come from. */
  publication: PublicationRef;
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

/**
 * Option labels in definition order: yes/no questions carry no options, their three codes are
 * fixed; number questions are published over their bins.
 */
export function optionLabels(definition: QuestionnaireDefinition | undefined, questionId: string, lang: Lang): Map<string, string> {
  const question = definition ? findQuestion(definition, questionId) : undefined;
  const labels = new Map<string, string>();
  if (question?.kind === 'yesno') {
    labels.set('oui', resultsMessages(lang, 'yes'));
    labels.set('non', resultsMessages(lang, 'no'));
    labels.set('nsp', resultsMessages(lang, 'dontKnow'));
  } else if (question?.kind === 'single' || question?.kind === 'multiple') {
    for (const option of question.options) labels.set(option.code, option.label[lang]);
  } else if (question?.kind === 'number') {
    for (const bin of question.bins ?? []) labels.set(bin.code, bin.label[lang]);
  }
  return labels;
}

function columnOf(series: Series, questionId: string, rows: readonly ShareRow[], base: Base, decimals: number): ShareColumn {
  const column = { role: series.role, id: series.territory.id, name: series.territory.name };
  // A series that is not published says so for every answer, whatever the question.
  if (series.status !== 'publie') {
    const kind = series.status;
    return { ...column, n: series.n, status: kind, cells: rows.map(() => ({ kind })) };
  }
  const question = series.questions[questionId];
  if (!question) return { ...column, n: series.n, status: 'missing', cells: rows.map(() => ({ kind: 'missing' })) };
  if (question.status !== 'publie') {
    const kind = question.status;
    return { ...column, n: question.n, status: kind, cells: rows.map(() => ({ kind })) };
  }
  const cells = rows.map((row): ShareCell => {
    const answer = question.answers?.[row.code];
    if (!answer) return { kind: 'missing' };
    const share = base === 'concernees' ? answer.share : answer.shareOfAll;
    // A published answer always carries its shares; a share left null is treated as hidden, never as zero.
    if (answer.status === 'masque' || share === null) return { kind: 'masque' };
    const ci = base === 'concernees' ? (answer.ci ?? null) : null;
    return { kind: 'value', percent: roundPercent(share, decimals), share, ci };
  });
  const median = question.median ?? undefined;
  return {
    ...column,
    n: base === 'concernees' ? question.n : series.n,
    status: 'publie',
    cells,
    ...(median === undefined ? {} : { median }),
    ...(question.coverage === undefined ? {} : { coverage: question.coverage }),
  };
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
  // (an older version's) follow in the order the data lists them. When no series is published
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
    publication: results.publication,
  };
}

/** True when there is nothing to show or explain: no series reports the question, or it has no answer codes. */
export function isEmptyTable(table: ShareTable): boolean {
  return table.rows.length === 0 || table.columns.every((column) => column.status === 'missing');
}

/** Columns drawn in the chart: only published series; the others are left out and said, never drawn as zero. */
export function drawnColumns(table: ShareTable): ShareColumn[] {
  return table.columns.filter((column) => column.status === 'publie');
}
