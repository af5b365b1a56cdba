import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkDefinition } from '../../../src/core/questionnaire/index.js';
import { QuestionnaireDefinition, type Question } from '../../../src/core/schema/questionnaire.js';
import { inheritedNames, survey } from './fixtures.js';

const label = { fr: 'Q', en: 'Q' };
const option = (code: string) => ({ code, label });

/** A one-section definition around the given questions, after `base` questions to refer to. */
function definitionWith(...questions: unknown[]): QuestionnaireDefinition {
  const base: Question[] = [
    { id: 'oui_non', kind: 'yesno', label },
    { id: 'choix', kind: 'single', label, options: [option('a'), option('b')] },
    { id: 'cases', kind: 'multiple', label, options: [option('a'), option('b')] },
    { id: 'nombre', kind: 'number', label },
    { id: 'libre', kind: 'text', label, maxLength: 10 },
  ];
  return QuestionnaireDefinition.parse({
    theme: 'strategie',
    version: '1.0',
    title: label,
    wave: 3,
    estimatedMinutes: 1,
    sections: [{ id: 's', title: label, questions: [...base, ...questions] }],
  });
}

const shown = (visibleIf: unknown) => ({ id: 'cible', kind: 'yesno', label, visibleIf });

test('the test definitions are sound', () => {
  assert.deepEqual(checkDefinition(survey), []);
  assert.deepEqual(checkDefinition(inheritedNames), []);
});

test('conditions that suit the question they read raise nothing', () => {
  const sound = [
    { question: 'oui_non', equals: 'nsp' },
    { question: 'choix', in: ['a', 'b'] },
    { question: 'cases', includes: 'b' },
    { question: 'cases', in: ['a'] },
    { question: 'nombre', equals: 3 },
    { question: 'nombre', lt: 3 },
  ];
  for (const condition of sound) {
    assert.deepEqual(checkDefinition(definitionWith(shown(condition))), [], JSON.stringify(condition));
  }
});

test('references to unknown, later or the same question are reported', () => {
  assert.deepEqual(checkDefinition(definitionWith(shown({ question: 'absente', equals: 'oui' }))), [
    { code: 'unknown_reference', at: 'cible', ref: 'absente' },
  ]);
  assert.deepEqual(checkDefinition(definitionWith(shown({ not: { question: 'cible', equals: 'oui' } }))), [
    { code: 'forward_reference', at: 'cible', ref: 'cible' },
  ]);
  assert.deepEqual(
    checkDefinition(
      definitionWith(shown({ any: [{ question: 'apres', gt: 1 }] }), { id: 'apres', kind: 'number', label }),
    ),
    [{ code: 'forward_reference', at: 'cible', ref: 'apres' }],
  );
});

test('comparisons that do not suit the question read are reported', () => {
  const issues = (condition: unknown) => checkDefinition(definitionWith(shown(condition))).map((issue) => issue.code);
  assert.deepEqual(issues({ question: 'libre', equals: 'x' }), ['condition_on_text']);
  assert.deepEqual(issues({ question: 'choix', gt: 1 }), ['condition_mismatch']);
  assert.deepEqual(issues({ question: 'choix', equals: 1 }), ['condition_mismatch']);
  assert.deepEqual(issues({ question: 'cases', equals: 'a' }), ['condition_mismatch']);
  assert.deepEqual(issues({ question: 'nombre', equals: '3' }), ['condition_mismatch']);
  assert.deepEqual(issues({ question: 'nombre', in: ['3'] }), ['condition_mismatch']);
});

test('codes a question does not offer are reported one by one', () => {
  assert.deepEqual(checkDefinition(definitionWith(shown({ question: 'oui_non', in: ['oui', 'peut_etre'] }))), [
    { code: 'unknown_condition_code', at: 'cible', ref: 'peut_etre' },
  ]);
  assert.deepEqual(checkDefinition(definitionWith(shown({ all: [{ question: 'cases', includes: 'c' }] }))), [
    { code: 'unknown_condition_code', at: 'cible', ref: 'c' },
  ]);
});

test('duplicates, otherSpecify without autre, unknown exclusive and empty ranges are reported', () => {
  const issues = checkDefinition(
    definitionWith(
      { id: 'choix', kind: 'yesno', label },
      { id: 'double', kind: 'single', label, options: [option('a'), option('a')], otherSpecify: true },
      { id: 'exclu', kind: 'multiple', label, options: [option('a'), option('b')], exclusive: 'aucun' },
      { id: 'borne', kind: 'number', label, min: 10, max: 1 },
    ),
  );
  assert.deepEqual(issues, [
    { code: 'duplicate_question', at: 'choix', ref: 'choix' },
    { code: 'duplicate_option', at: 'double', ref: 'a' },
    { code: 'other_without_option', at: 'double' },
    { code: 'unknown_exclusive', at: 'exclu', ref: 'aucun' },
    { code: 'min_above_max', at: 'borne' },
  ]);
});

test('a section id used twice is reported', () => {
  const definition = definitionWith();
  const again = { id: 's', title: label, questions: [{ id: 'encore', kind: 'yesno' as const, label }] };
  const twice = { ...definition, sections: [...definition.sections, again] };
  assert.deepEqual(checkDefinition(twice), [{ code: 'duplicate_section', at: 's', ref: 's' }]);
});
