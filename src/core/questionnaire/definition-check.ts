import { COLLECTIVITE_KINDS } from '../schema/collectivite-kinds.js';
import {
  OTHER_CODE,
  YES_NO_CODES,
  type CollectiviteCondition,
  type Condition,
  type Question,
  type QuestionnaireDefinition,
} from '../schema/questionnaire.js';
import { POPULATION_BAND_BOUNDS, POPULATION_BAND_IDS } from '../territory/population-band.js';
import { questionIndex } from './question-index.js';

/**
 * Defects the schema cannot see because they span several questions.
 *
 * - `duplicate_section`, `duplicate_question`, `duplicate_option`: an id or code used twice.
 * - `unknown_reference`: a condition reads a question the definition does not have.
 * - `forward_reference`: a condition reads the question itself or a later one, which
 *   visibility always sees unanswered.
 * - `condition_on_text`: a condition reads a free-text question (free text is not a code).
 * - `condition_mismatch`: the comparison does not suit the question read (a number bound on
 *   a choice, a code on a number, `equals` on multiple choice which never equals one value).
 * - `unknown_condition_code`: a code the question read does not offer.
 * - `other_without_option`: `otherSpecify` without an `autre` option.
 * - `unknown_exclusive`: an exclusive code that is not among the options.
 * - `min_above_max`: a number question nobody can answer.
 * - `bins_order`: number bins whose bounds do not increase, or whose last bin is not open.
 * - `threshold_off_bins`: a `gt`/`gte`/`lt`/`lte` condition on a binned number question whose
 *   threshold is not a bin boundary: the figures of the question it shows could then not be
 *   checked against the published bins (statistical secrecy links them).
 * - `unknown_collectivite_value`: a comparison on the collectivité names a kind or a
 *   population band that does not exist.
 * - `population_off_bands`: a population threshold that is not a band boundary (conditions
 *   read the population on its band, and figures are published by band).
 * - `collectivite_nested`: a comparison on the collectivité under `not` or `any`: it must stand
 *   alone or in an `all` at the top, so that who is asked a question can be read without
 *   answers (figures count a question never asked of a kind as a structural zero).
 */
export type DefinitionIssueCode =
  | 'duplicate_section'
  | 'duplicate_question'
  | 'duplicate_option'
  | 'unknown_reference'
  | 'forward_reference'
  | 'condition_on_text'
  | 'condition_mismatch'
  | 'unknown_condition_code'
  | 'other_without_option'
  | 'unknown_exclusive'
  | 'min_above_max'
  | 'bins_order'
  | 'threshold_off_bins'
  | 'unknown_collectivite_value'
  | 'population_off_bands'
  | 'collectivite_nested';

/** One defect of a definition, for its authors and its tests. */
export interface DefinitionIssue {
  code: DefinitionIssueCode;
  /** The section or question where the defect is. */
  at: string;
  /** What it refers to: the duplicated id or code, the question or code a condition reads. */
  ref?: string;
}

/** Every defect of a definition that the engine would otherwise silently put up with; empty when sound. */
export function checkDefinition(definition: QuestionnaireDefinition): DefinitionIssue[] {
  const issues: DefinitionIssue[] = [];
  const sectionIds = new Set<string>();
  const questionIds = new Set<string>();
  const index = questionIndex(definition);
  let order = 0;
  for (const section of definition.sections) {
    if (sectionIds.has(section.id)) issues.push({ code: 'duplicate_section', at: section.id, ref: section.id });
    sectionIds.add(section.id);
    for (const question of section.questions) {
      if (questionIds.has(question.id)) issues.push({ code: 'duplicate_question', at: question.id, ref: question.id });
      questionIds.add(question.id);
      issues.push(...checkQuestion(question));
      if (question.visibleIf) {
        issues.push(...nestedCollectivite(question.id, question.visibleIf, true));
        for (const leaf of leaves(question.visibleIf)) {
          if ('collectivite' in leaf) {
            issues.push(...checkCollectivite(question.id, leaf));
            continue;
          }
          const target = index.get(leaf.question);
          if (!target) issues.push({ code: 'unknown_reference', at: question.id, ref: leaf.question });
          else if (target.order >= order) issues.push({ code: 'forward_reference', at: question.id, ref: leaf.question });
          else issues.push(...checkComparison(question.id, leaf, target.question));
        }
      }
      order += 1;
    }
  }
  return issues;
}

type Comparison = Exclude<Condition, { not: Condition } | { all: Condition[] } | { any: Condition[] }>;

function leaves(condition: Condition): Comparison[] {
  if ('not' in condition) return leaves(condition.not);
  if ('all' in condition) return condition.all.flatMap(leaves);
  if ('any' in condition) return condition.any.flatMap(leaves);
  return [condition];
}

/** Comparisons on the collectivité anywhere but alone or in a top-level `all`. */
function nestedCollectivite(at: string, condition: Condition, top: boolean): DefinitionIssue[] {
  if ('all' in condition) return condition.all.flatMap((part) => nestedCollectivite(at, part, top));
  if ('not' in condition || 'any' in condition) {
    const parts = 'not' in condition ? [condition.not] : condition.any;
    return parts.flatMap((part) => nestedCollectivite(at, part, false));
  }
  return 'collectivite' in condition && !top ? [{ code: 'collectivite_nested', at, ref: condition.collectivite }] : [];
}

const KINDS: readonly string[] = COLLECTIVITE_KINDS;
const BANDS: readonly string[] = POPULATION_BAND_IDS;

function checkCollectivite(at: string, leaf: CollectiviteCondition): DefinitionIssue[] {
  if (leaf.collectivite === 'kind' || leaf.collectivite === 'band') {
    const known = leaf.collectivite === 'kind' ? KINDS : BANDS;
    return leaf.in
      .filter((value) => !known.includes(value))
      .map((value) => ({ code: 'unknown_collectivite_value', at, ref: value }) satisfies DefinitionIssue);
  }
  // gte / lt need a band starting at the threshold, gt / lte one ending there.
  const bounds = Object.values(POPULATION_BAND_BOUNDS);
  const onBoundary =
    'gte' in leaf ? bounds.some((band) => band.min === leaf.gte && band.min > 0)
    : 'lt' in leaf ? bounds.some((band) => band.min === leaf.lt && band.min > 0)
    : 'gt' in leaf ? bounds.some((band) => band.max === leaf.gt)
    : bounds.some((band) => band.max === leaf.lte);
  return onBoundary ? [] : [{ code: 'population_off_bands', at }];
}

function codesOf(question: Question): readonly string[] | undefined {
  if (question.kind === 'yesno') return YES_NO_CODES;
  if (question.kind === 'single' || question.kind === 'multiple') return question.options.map((option) => option.code);
  return undefined;
}

function checkComparison(at: string, leaf: Comparison, target: Question): DefinitionIssue[] {
  const ref = target.id;
  if (target.kind === 'text') return [{ code: 'condition_on_text', at, ref }];
  const codes = codesOf(target);
  let wanted: string[];
  if ('equals' in leaf) {
    if (typeof leaf.equals === 'number') {
      return target.kind === 'number' ? [] : [{ code: 'condition_mismatch', at, ref }];
    }
    if (target.kind === 'multiple') return [{ code: 'condition_mismatch', at, ref }];
    wanted = [leaf.equals];
  } else if ('in' in leaf) wanted = leaf.in;
  else if ('includes' in leaf) wanted = [leaf.includes];
  else if (target.kind !== 'number') return [{ code: 'condition_mismatch', at, ref }];
  else return onBinBoundary(leaf, target) ? [] : [{ code: 'threshold_off_bins', at, ref }];

  if (!codes) return [{ code: 'condition_mismatch', at, ref }];
  return wanted
    .filter((code) => !codes.includes(code))
    .map((code) => ({ code: 'unknown_condition_code', at, ref: code }) satisfies DefinitionIssue);
}

/**
 * Whether a number condition splits the question's bins cleanly: `gt t` and `lte t` need a bin
 * ending at t; for whole numbers `gte t` and `lt t` need one ending at t − 1.
 */
function onBinBoundary(leaf: Comparison, target: Extract<Question, { kind: 'number' }>): boolean {
  if (!target.bins) return true;
  const ends = new Set(target.bins.flatMap((bin) => (bin.max === undefined ? [] : [bin.max])));
  if ('gt' in leaf) return ends.has(leaf.gt);
  if ('lte' in leaf) return ends.has(leaf.lte);
  if ('gte' in leaf) return target.integer === true && ends.has(leaf.gte - 1);
  if ('lt' in leaf) return target.integer === true && ends.has(leaf.lt - 1);
  return true;
}

function binsInOrder(bins: readonly { max?: number }[]): boolean {
  for (let i = 0; i < bins.length; i++) {
    const max = bins[i]!.max;
    const last = i === bins.length - 1;
    if (last !== (max === undefined)) return false;
    if (i > 0 && max !== undefined && !(max > bins[i - 1]!.max!)) return false;
  }
  return true;
}

function checkQuestion(question: Question): DefinitionIssue[] {
  const at = question.id;
  const issues: DefinitionIssue[] = [];
  if (question.kind === 'single' || question.kind === 'multiple') {
    const codes = question.options.map((option) => option.code);
    codes
      .filter((code, position) => codes.indexOf(code) !== position)
      .forEach((code) => issues.push({ code: 'duplicate_option', at, ref: code }));
    if (question.otherSpecify && !codes.includes(OTHER_CODE)) issues.push({ code: 'other_without_option', at });
    if (question.kind === 'multiple' && question.exclusive !== undefined && !codes.includes(question.exclusive)) {
      issues.push({ code: 'unknown_exclusive', at, ref: question.exclusive });
    }
  }
  if (question.kind === 'number' && (question.min ?? -Infinity) > (question.max ?? Infinity)) {
    issues.push({ code: 'min_above_max', at });
  }
  if (question.kind === 'number' && question.bins) {
    const codes = question.bins.map((bin) => bin.code);
    codes
      .filter((code, position) => codes.indexOf(code) !== position)
      .forEach((code) => issues.push({ code: 'duplicate_option', at, ref: code }));
    if (!binsInOrder(question.bins)) issues.push({ code: 'bins_order', at });
  }
  return issues;
}
