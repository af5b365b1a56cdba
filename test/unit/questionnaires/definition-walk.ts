// Helpers shared by the questionnaire tests: walking definitions and checking references
// between questions, written independently of the engine so the two can cross-check.
import {
  OTHER_CODE,
  YES_NO_CODES,
  type Condition,
  type Question,
  type QuestionnaireDefinition,
} from '../../../src/core/schema/questionnaire.js';

export type Comparison = Exclude<Condition, { not: Condition } | { all: Condition[] } | { any: Condition[] }>;

/** Every question of a definition, in the order a respondent meets them. */
export function questionsOf(definition: QuestionnaireDefinition): Question[] {
  return definition.sections.flatMap((section) => section.questions);
}

/** The comparisons inside a condition, however deeply nested in not / all / any. */
export function comparisonsOf(condition: Condition): Comparison[] {
  if ('not' in condition) return comparisonsOf(condition.not);
  if ('all' in condition) return condition.all.flatMap(comparisonsOf);
  if ('any' in condition) return condition.any.flatMap(comparisonsOf);
  return [condition];
}

/** Which operators a condition uses, combinators included. */
export function operatorsOf(condition: Condition): string[] {
  if ('not' in condition) return ['not', ...operatorsOf(condition.not)];
  if ('all' in condition) return ['all', ...condition.all.flatMap(operatorsOf)];
  if ('any' in condition) return ['any', ...condition.any.flatMap(operatorsOf)];
  return Object.keys(condition).filter((key) => key !== 'question' && key !== 'collectivite');
}

/** The answer codes a question offers, or undefined for number and text questions. */
export function codesOf(question: Question): readonly string[] | undefined {
  if (question.kind === 'yesno') return YES_NO_CODES;
  if (question.kind === 'single' || question.kind === 'multiple') return question.options.map((o) => o.code);
  return undefined;
}

/**
 * Readable descriptions of every broken condition in a definition: a question that does not
 * exist or is not asked earlier, a code the question does not offer, or a comparison that does
 * not suit the question's kind. Empty when all is well.
 */
export function conditionProblems(definition: QuestionnaireDefinition): string[] {
  const problems: string[] = [];
  const earlier = new Map<string, Question>();
  for (const question of questionsOf(definition)) {
    for (const leaf of question.visibleIf ? comparisonsOf(question.visibleIf) : []) {
      // Comparisons on the collectivité read no question (the engine's own check covers them).
      if ('collectivite' in leaf) continue;
      const target = earlier.get(leaf.question);
      if (!target) {
        problems.push(`${question.id}: reads "${leaf.question}", which is not an earlier question`);
        continue;
      }
      problems.push(...comparisonProblems(question.id, leaf, target));
    }
    earlier.set(question.id, question);
  }
  return problems;
}

function comparisonProblems(at: string, leaf: Comparison, target: Question): string[] {
  const codes = codesOf(target);
  const wrongKind = (operator: string) => [`${at}: "${operator}" does not suit ${target.kind} question "${target.id}"`];
  const unknown = (wanted: readonly string[]) =>
    wanted.filter((code) => !codes?.includes(code)).map((code) => `${at}: "${target.id}" has no code "${code}"`);

  if ('equals' in leaf) {
    if (typeof leaf.equals === 'number') return target.kind === 'number' ? [] : wrongKind('equals');
    if (target.kind !== 'yesno' && target.kind !== 'single') return wrongKind('equals');
    return unknown([leaf.equals]);
  }
  if ('in' in leaf) return codes ? unknown(leaf.in) : wrongKind('in');
  if ('includes' in leaf) return target.kind === 'multiple' ? unknown([leaf.includes]) : wrongKind('includes');
  return target.kind === 'number' ? [] : wrongKind(Object.keys(leaf).find((k) => k !== 'question') ?? '?');
}

/** Problems of the options of one question: duplicate codes, a misplaced "other", an unknown exclusive code. */
export function optionProblems(question: Question): string[] {
  if (question.kind !== 'single' && question.kind !== 'multiple') return [];
  const codes = question.options.map((o) => o.code);
  const problems = codes
    .filter((code, position) => codes.indexOf(code) !== position)
    .map((code) => `${question.id}: code "${code}" appears twice`);
  if (question.otherSpecify && !codes.includes(OTHER_CODE)) {
    problems.push(`${question.id}: otherSpecify without an "${OTHER_CODE}" option`);
  }
  if (question.kind === 'multiple' && question.exclusive !== undefined && !codes.includes(question.exclusive)) {
    problems.push(`${question.id}: exclusive "${question.exclusive}" is not an option`);
  }
  return problems;
}
