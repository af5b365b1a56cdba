// Runs the engine over the project's own questionnaire definitions.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  checkDefinition,
  isQuestionVisible,
  normalizeAnswers,
  progress,
  validateContribution,
  validateSection,
} from '../../../src/core/questionnaire/index.js';
import { QuestionnaireDefinition, type Question } from '../../../src/core/schema/questionnaire.js';
import { definitions } from '../../../src/questionnaires/all.js';
import { messyAnswers, validAnswers } from './arbitraries.js';

/** A plain correct answer for a question, chosen from its definition alone. */
function firstAnswer(question: Question): string | number | string[] {
  switch (question.kind) {
    case 'yesno':
      return 'oui';
    case 'single':
      return question.options[0]!.code;
    case 'multiple':
      return [question.options.find((option) => option.code !== question.exclusive)!.code];
    case 'number': {
      const low = Math.ceil(question.min ?? 0);
      return question.max !== undefined && low > question.max ? question.max : low;
    }
    case 'text':
      return 'Réponse';
  }
}

/** Answers every question that becomes visible, walking the definition in order. */
function completeAnswers(definition: QuestionnaireDefinition): Record<string, unknown> {
  const answers: Record<string, unknown> = {};
  for (const question of definition.sections.flatMap((section) => section.questions)) {
    if (!isQuestionVisible(definition, answers, question.id)) continue;
    answers[question.id] = firstAnswer(question);
  }
  return answers;
}

const all = Object.values(definitions);

test('there are nine definitions, each valid for the schema and sound for the engine', () => {
  assert.equal(all.length, 9);
  for (const definition of all) {
    assert.ok(QuestionnaireDefinition.safeParse(definition).success, definition.theme);
    assert.deepEqual(checkDefinition(definition), [], definition.theme);
  }
});

test('a complete answer set built from each definition validates cleanly', () => {
  for (const definition of all) {
    const answers = completeAnswers(definition);
    assert.deepEqual(validateContribution(definition, answers), [], definition.theme);
    for (const section of definition.sections) assert.deepEqual(validateSection(definition, answers, section.id), []);
    assert.equal(progress(definition, answers).ratio, 1, definition.theme);
    assert.deepEqual(normalizeAnswers(definition, answers), answers, definition.theme);
  }
});

test('without answers, each definition asks for its first question', () => {
  for (const definition of all) {
    const first = definition.sections[0]!.questions[0]!;
    const problems = validateContribution(definition, {});
    if (first.required !== false && !first.visibleIf) {
      assert.deepEqual(problems[0], { questionId: first.id, code: 'required' }, definition.theme);
    }
    assert.ok(problems.every((problem) => problem.code === 'required'), definition.theme);
  }
});

test('random answers never break the engine and normalise idempotently', () => {
  for (const definition of all) {
    fc.assert(
      fc.property(messyAnswers(definition), (answers) => {
        validateContribution(definition, answers);
        const once = normalizeAnswers(definition, answers);
        assert.deepEqual(normalizeAnswers(definition, once), once);
      }),
      { numRuns: 100 },
    );
  }
});

test('correct answers to every question make a clean contribution once normalised', () => {
  for (const definition of all) {
    fc.assert(
      fc.property(validAnswers(definition), (answers) => {
        assert.deepEqual(validateContribution(definition, normalizeAnswers(definition, answers)), []);
      }),
      { numRuns: 100 },
    );
  }
});
