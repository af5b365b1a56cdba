import type { Condition, QuestionnaireDefinition } from '../../../core/schema/questionnaire.js';
import { codesOf, type PublishedQuestion } from '../../../core/stats/tally.js';

/**
 * How a follow-up question's respondents depend on earlier answers. A follow-up is shown to
 * those whose answers meet its condition, so its number of respondents is a function of the
 * counts of the questions it reads: publishing one can give away the other. Secrecy reads
 * conditions as links between tables, never as code.
 */

/**
 * A comparison on one question, as the codes it selects (number bins for numbers). `exact` is
 * false when a number threshold falls inside a bin: the bin then holds respondents on both
 * sides, and the link only bounds the follow-up's count (definitions avoid it: `checkDefinition`
 * asks for thresholds on bin boundaries).
 */
export interface Leaf {
  question: string;
  codes: readonly string[];
  exact: boolean;
}

/** A condition over leaves, with `not`, `all` and `any` as in definitions. */
export type LinkExpression = { leaf: Leaf } | { not: LinkExpression } | { all: LinkExpression[] } | { any: LinkExpression[] };

type Comparison = Exclude<Condition, { not: Condition } | { all: Condition[] } | { any: Condition[] }>;

/** The lowest and highest value each bin of a number question holds. */
function binRanges(target: Extract<PublishedQuestion, { kind: 'number' }>): { code: string; lowest: number; highest: number }[] {
  return target.bins.map((bin, position) => {
    const previous = position === 0 ? undefined : target.bins[position - 1]!.max!;
    const lowest =
      previous === undefined ? (target.min ?? -Infinity) : target.integer ? Math.floor(previous) + 1 : previous + Math.max(1e-9, Math.abs(previous) * 1e-12);
    return { code: bin.code, lowest, highest: bin.max ?? target.max ?? Infinity };
  });
}

/** The codes of `target` a comparison selects, and whether the selection is exact. */
function selected(condition: Comparison, target: PublishedQuestion): { codes: string[]; exact: boolean } {
  const codes = codesOf(target);
  if ('in' in condition) return { codes: codes.filter((code) => condition.in.includes(code)), exact: true };
  if ('includes' in condition) return { codes: codes.filter((code) => code === condition.includes), exact: true };
  if ('equals' in condition && typeof condition.equals === 'string') {
    return { codes: codes.filter((code) => code === condition.equals), exact: true };
  }
  if (target.kind !== 'number') return { codes: [], exact: true };
  const test: ((value: number) => boolean) | undefined =
    'gt' in condition ? (v) => v > condition.gt
    : 'gte' in condition ? (v) => v >= condition.gte
    : 'lt' in condition ? (v) => v < condition.lt
    : 'lte' in condition ? (v) => v <= condition.lte
    : undefined;
  // Equality with a number: any bin may hold it, and none is sure to.
  if (test === undefined) return { codes: [...codes], exact: false };
  const chosen: string[] = [];
  let exact = true;
  for (const { code, lowest, highest } of binRanges(target)) {
    // Each comparison is monotone: testing a bin's ends tells whether it holds across the bin.
    const atLowest = test(lowest);
    const atHighest = test(highest);
    if (atLowest || atHighest) chosen.push(code);
    if (atLowest !== atHighest) exact = false;
  }
  return { codes: chosen, exact };
}

/** A definition's condition as links to the published questions it reads; `undefined` when it reads none. */
export function linkOf(condition: Condition, questions: ReadonlyMap<string, PublishedQuestion>): LinkExpression | undefined {
  if ('not' in condition) {
    const inner = linkOf(condition.not, questions);
    return inner && { not: inner };
  }
  if ('all' in condition || 'any' in condition) {
    const parts = ('all' in condition ? condition.all : condition.any).map((part) => linkOf(part, questions));
    const known = parts.filter((part): part is LinkExpression => part !== undefined);
    if (known.length === 0) return undefined;
    return 'all' in condition ? { all: known } : { any: known };
  }
  // The collectivité is no answer: who is asked what is read atom by atom (see `askedOf`).
  if ('collectivite' in condition) return undefined;
  const target = questions.get(condition.question);
  return target && { leaf: { question: target.id, ...selected(condition, target) } };
}

/** Every leaf of an expression. */
export function leavesOf(expression: LinkExpression): Leaf[] {
  if ('leaf' in expression) return [expression.leaf];
  if ('not' in expression) return leavesOf(expression.not);
  return ('all' in expression ? expression.all : expression.any).flatMap(leavesOf);
}

/** The follow-up questions of a definition and what their conditions read, in definition order. */
export function followUpLinks(definition: QuestionnaireDefinition, questions: readonly PublishedQuestion[]): Map<string, LinkExpression> {
  const byId = new Map(questions.map((question) => [question.id, question]));
  const links = new Map<string, LinkExpression>();
  for (const question of questions) {
    if (!question.visibleIf) continue;
    const link = linkOf(question.visibleIf, byId);
    if (link) links.set(question.id, link);
  }
  return links;
}

/**
 * Questions linked through conditions, each group in definition order: a question and its
 * follow-ups (and theirs) must be protected and audited together.
 */
export function linkedGroups(questions: readonly PublishedQuestion[], links: ReadonlyMap<string, LinkExpression>): PublishedQuestion[][] {
  const root = new Map<string, string>(questions.map((question) => [question.id, question.id]));
  const find = (id: string): string => {
    let at = id;
    while (root.get(at) !== at) at = root.get(at)!;
    return at;
  };
  for (const [id, link] of links) {
    for (const leaf of leavesOf(link)) root.set(find(leaf.question), find(id));
  }
  const groups = new Map<string, PublishedQuestion[]>();
  for (const question of questions) {
    const key = find(question.id);
    groups.set(key, [...(groups.get(key) ?? []), question]);
  }
  return [...groups.values()];
}
