import { otherTextKey } from './answers.js';
import { PROBLEM_CODES, type Problem, type ProblemCode } from './problems.js';
import type { VisibleSection } from './visibility.js';

/** A refused answer as the server reports it: its code may be one this version does not know. */
export interface ReportedProblem {
  questionId: string;
  code: string;
  /** The server's own words, in the request's language; may be empty. */
  message: string;
  other?: true;
}

/** The server's refusals, keyed by the field they concern (an answer or its "other, specify" text), in order. */
export type RefusedFields = Readonly<Record<string, readonly string[]>>;

const KNOWN: ReadonlySet<string> = new Set(PROBLEM_CODES);

function isProblemCode(code: string): code is ProblemCode {
  return KNOWN.has(code);
}

/** The field a reported problem belongs to: the "other, specify" text for its own problems, else the answer. */
export function reportedField(reported: ReportedProblem): string {
  return reported.other || reported.code.startsWith('other_') ? otherTextKey(reported.questionId) : reported.questionId;
}

/** The reported problem as the engine's own, when its code is one the engine knows. */
export function asProblem(reported: ReportedProblem): Problem | undefined {
  if (!isProblemCode(reported.code)) return undefined;
  return { questionId: reported.questionId, code: reported.code, ...(reported.other ? { other: true } : {}) };
}

/**
 * The server's refusals per field, each in words: the server's own message first, else the
 * engine's for a code it knows (`describe`), else `fallback`.
 */
export function refusedFields(
  reported: readonly ReportedProblem[],
  describe: (problem: Problem) => string,
  fallback: string,
): RefusedFields {
  const byField: Record<string, string[]> = {};
  for (const problem of reported) {
    const known = asProblem(problem);
    const message = problem.message || (known ? describe(known) : '') || fallback;
    const key = reportedField(problem);
    byField[key] = [...(byField[key] ?? []), message];
  }
  return byField;
}

/** The refusals without a field's, once the respondent changed it; the same object when it had none. */
export function withoutField(refused: RefusedFields, key: string): RefusedFields {
  if (refused[key] === undefined) return refused;
  const rest = { ...refused };
  delete rest[key];
  return rest;
}

/** The first visible section holding a refused field, where the respondent is taken to fix it. */
export function firstRefusedSection(sections: readonly VisibleSection[], refused: RefusedFields): string | undefined {
  return sections.find(({ questions }) =>
    questions.some((question) => refused[question.id] !== undefined || refused[otherTextKey(question.id)] !== undefined),
  )?.section.id;
}
