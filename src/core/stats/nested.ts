/**
 * Protection of nested series against differencing.
 *
 * A results page shows a territory beside the territories that contain it (a département, its
 * région, France). When a parent differs from a child by a few respondents, subtracting the
 * child's figures from the parent's gives the answers of that small group, even though each
 * figure alone passed the small-cell rules. `protectNestedSeries` hides figures of the children
 * until no such subtraction is possible.
 *
 * Why the child, not the parent: the parent (région, France) is the context that many pages
 * show, for many children; hiding the child keeps the difference group hidden while every
 * page keeps the same, complete parent. Each series then only depends on its ancestors, so a
 * territory's figures are the same whatever it is compared with, provided the caller always
 * passes all the territory's ancestors (even those the page does not display) — otherwise one
 * response would show a cell that another hides, and the difference would leak after all.
 *
 * Guarantee. Let m be `minCell` and "small" mean 1 to m − 1. Nesting is closed transitively
 * (a child of a child is a child). After protection, for every child and each of its
 * ancestors, among figures published in both:
 * 1. series: ancestor.n − child.n is not small (otherwise the child is suppressed whole);
 * 2. questions: for a question shown in both, ancestor.n − child.n of that question is not small
 *    (otherwise the child's question is suppressed);
 * 3. cells: for an answer code published in both, the difference of counts d is not small, nor
 *    is the difference group's complement (Δn − d, those of the group who did not choose it);
 * 4. within the child, the rules of `aggregateSeries` still hold: published counts and their
 *    complements are not small, and a yes/no or single-choice question has no hidden cell or
 *    at least two that together count at least m (the extra hiding caused by 1–3 is followed
 *    by complementary suppression, so a hidden cell is never n minus the published ones).
 * Hence no published figure of a child or of an ancestor yields a small group's answer by one
 * subtraction. Only hiding happens here: parents are never changed, and no figure is added.
 *
 * Not covered (they need a global cell-suppression solver): combinations of several figures
 * (e.g. an ancestor's hidden total minus a child's hidden total), series that overlap without
 * being nested (similar collectivités vs a région), and the sizes `n` themselves, which the
 * results contract always publishes.
 */
import { questionIndex } from '../questionnaire/index.js';
import type { QuestionKind, QuestionnaireDefinition } from '../schema/questionnaire.js';
import type { AnswerResult, QuestionResult } from '../schema/results.js';
import { checkMinCell, DEFAULT_MIN_CELL, isSmallGroup } from './min-cell.js';
import {
  hasExclusiveCodes,
  protectSuppressedTotal,
  suppressedAnswer,
  suppressedQuestion,
  suppressedSeries,
} from './suppression.js';
import type { SeriesBody, StatsOptions } from './types.js';

/** A child series contained in a parent series, by their positions in the list of series. */
export interface Nesting {
  child: number;
  parent: number;
}

/** Every ancestor of each series, by transitive closure; throws on a cycle. */
function ancestorsOf(count: number, nesting: readonly Nesting[]): Set<number>[] {
  const parents: number[][] = Array.from({ length: count }, () => []);
  for (const { child, parent } of nesting) {
    for (const index of [child, parent]) {
      if (!Number.isInteger(index) || index < 0 || index >= count) throw new RangeError(`No series at index ${index}`);
    }
    if (child === parent) throw new RangeError(`Series ${child} cannot contain itself`);
    parents[child]!.push(parent);
  }
  const ancestors: (Set<number> | undefined)[] = new Array<Set<number> | undefined>(count);
  const inProgress = new Set<number>();
  const visit = (index: number): Set<number> => {
    const known = ancestors[index];
    if (known) return known;
    if (inProgress.has(index)) throw new RangeError(`Nesting has a cycle through series ${index}`);
    inProgress.add(index);
    const found = new Set<number>();
    for (const parent of parents[index]!) {
      found.add(parent);
      for (const above of visit(parent)) found.add(above);
    }
    inProgress.delete(index);
    ancestors[index] = found;
    return found;
  };
  return Array.from({ length: count }, (_, index) => visit(index));
}

/** Rules 2 and 3 for one question of a child against the same question of an ancestor. */
function protectQuestion(child: QuestionResult, parent: QuestionResult | undefined, minCell: number): QuestionResult {
  if (child.suppressed || parent === undefined || parent.suppressed) return child;
  const differenceN = parent.n - child.n;
  if (isSmallGroup(differenceN, minCell)) return suppressedQuestion(child.n);
  if (child.answers === undefined || parent.answers === undefined) return child;
  let changed = false;
  const answers: Record<string, AnswerResult> = {};
  for (const [code, answer] of Object.entries(child.answers)) {
    const parentCount = Object.hasOwn(parent.answers, code) ? parent.answers[code]!.count : null;
    if (answer.count !== null && parentCount !== null) {
      const difference = parentCount - answer.count;
      if (isSmallGroup(difference, minCell) || isSmallGroup(differenceN - difference, minCell)) {
        answers[code] = suppressedAnswer();
        changed = true;
        continue;
      }
    }
    answers[code] = answer;
  }
  return changed ? { ...child, answers } : child;
}

/** Rules 1 to 3 for a child against one ancestor (rule 4 comes once all ancestors are done). */
function protectAgainst<S extends SeriesBody>(child: S, parent: SeriesBody, minCell: number): S {
  if (child.suppressed) return child;
  if (isSmallGroup(parent.n - child.n, minCell)) return suppressedSeries(child);
  if (parent.suppressed) return child;
  let changed = false;
  const questions: Record<string, QuestionResult> = {};
  for (const [id, question] of Object.entries(child.questions)) {
    const parentQuestion = Object.hasOwn(parent.questions, id) ? parent.questions[id] : undefined;
    const protectedQuestion = protectQuestion(question, parentQuestion, minCell);
    if (protectedQuestion !== question) changed = true;
    questions[id] = protectedQuestion;
  }
  return changed ? { ...child, questions } : child;
}

/** Rule 4: complementary suppression again, where the cross-series rules hid a cell. */
function protectTotals<S extends SeriesBody>(series: S, kinds: ReadonlyMap<string, QuestionKind>, minCell: number): S {
  if (series.suppressed) return series;
  let changed = false;
  const questions: Record<string, QuestionResult> = {};
  for (const [id, question] of Object.entries(series.questions)) {
    const result = hasExclusiveCodes(kinds.get(id)) ? protectSuppressedTotal(question, minCell) : question;
    if (result !== question) changed = true;
    questions[id] = result;
  }
  return changed ? { ...series, questions } : series;
}

/**
 * Hides figures of child series that subtraction from an ancestor would turn into the answers
 * of a small group (see the module comment for the exact guarantee). Series come from
 * `aggregateSeries` with the same `minCell`; extra properties (role, territory) are kept.
 *
 * Ancestors are protected before their descendants, so each child is compared with what its
 * ancestors finally publish; the result does not depend on the order of `nesting`.
 *
 * @param definition the questionnaire the series were aggregated from (it tells which
 *   questions' counts add up to their `n`)
 * @param series every series of the response, plus any ancestor it needs but does not show
 * @param nesting child ⊂ parent pairs by index; ancestors of ancestors need not be listed
 * @returns new series in the same order; unchanged ones are the same objects
 * @throws RangeError for an index out of range, a series containing itself, a cycle, or an
 *   invalid `minCell`
 */
export function protectNestedSeries<S extends SeriesBody>(
  definition: QuestionnaireDefinition,
  series: readonly S[],
  nesting: readonly Nesting[],
  options: StatsOptions = {},
): S[] {
  const minCell = checkMinCell(options.minCell ?? DEFAULT_MIN_CELL);
  const ancestors = ancestorsOf(series.length, nesting);
  const kinds = new Map<string, QuestionKind>();
  for (const [id, { question }] of questionIndex(definition)) kinds.set(id, question.kind);

  // An ancestor has strictly fewer ancestors than its descendants: this order handles it first.
  const order = series.map((_, index) => index).sort((a, b) => ancestors[a]!.size - ancestors[b]!.size);
  const result = [...series];
  for (const index of order) {
    let current = result[index]!;
    for (const ancestor of ancestors[index]!) current = protectAgainst(current, result[ancestor]!, minCell);
    if (current !== result[index]) result[index] = protectTotals(current, kinds, minCell);
  }
  return result;
}
