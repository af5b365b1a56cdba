import type { ResultsResponse } from '../../../core/schema/results.js';

/**
 * A quick look at a results body before it is drawn: the fields a figure reads, their types, the
 * statuses, shares between 0 and 1, and nothing shown where a figure is not published. It stands
 * in front of the full contract (`core/schema/results.ts`), which is checked once the first frame
 * is painted: loading and running the schema library before it would delay every first bar, and
 * valid figures are the rule. A body this refuses is checked against the full contract at once,
 * so that its refusal names the first problem in the contract's own words.
 */

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const isText = (value: unknown): value is string => typeof value === 'string' && value.length > 0;
const isCount = (value: unknown) => Number.isInteger(value) && (value as number) >= 0;
const isShare = (value: unknown) => typeof value === 'number' && value >= 0 && value <= 1;
const orNull = (check: (value: unknown) => boolean) => (value: unknown) => value === null || check(value);
const optional = (check: (value: unknown) => boolean) => (value: unknown) => value === undefined || check(value);

const FIGURE_STATUSES = new Set(['publie', 'aucune', 'insuffisant', 'masque']);
const ROLES = new Set(['territoire', 'departement', 'region', 'france', 'similaires']);

function isAnswer(answer: unknown): boolean {
  if (!isObject(answer)) return false;
  const { status, count, share, shareOfAll, ci } = answer;
  if (status === 'masque') return count === null && share === null && shareOfAll === null && ci == null;
  const interval = (value: unknown) => Array.isArray(value) && value.length === 2 && value.every(isShare);
  return status === 'publie' && orNull(isCount)(count) && isShare(share) && isShare(shareOfAll) && optional(orNull(interval))(ci);
}

function isQuestion(question: unknown): boolean {
  if (!isObject(question) || !FIGURE_STATUSES.has(question.status as string)) return false;
  const { n, answers, median } = question;
  if (!orNull(isCount)(n) || !optional(orNull((value) => typeof value === 'number'))(median)) return false;
  if (answers === undefined) return true;
  return isObject(answers) && Object.values(answers).every(isAnswer);
}

function isSeries(series: unknown): boolean {
  if (!isObject(series) || !ROLES.has(series.role as string) || !FIGURE_STATUSES.has(series.status as string)) return false;
  const { territory, n, questions } = series;
  return (
    isObject(territory) &&
    isText(territory.id) &&
    isText(territory.name) &&
    isText(territory.kind) &&
    orNull(isCount)(n) &&
    isObject(questions) &&
    Object.values(questions).every(isQuestion)
  );
}

/** Whether a body has the shape of results, enough to draw them (see above for what waits). */
export function hasResultsShape(body: unknown): body is ResultsResponse {
  if (!isObject(body)) return false;
  const { theme, publication, ponderation, minCell, source, series } = body;
  return (
    isText(theme) &&
    isObject(publication) &&
    isText(publication.id) &&
    isText(publication.publishedAt) &&
    (ponderation === 'brute' || ponderation === 'redressee') &&
    isCount(minCell) &&
    isObject(source) &&
    isText(source.fr) &&
    isText(source.en) &&
    Array.isArray(series) &&
    series.length > 0 &&
    series.every(isSeries)
  );
}
