import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Problem } from '../../../src/core/questionnaire/problems.js';
import {
  asProblem,
  firstRefusedSection,
  refusedFields,
  reportedField,
  withoutField,
} from '../../../src/core/questionnaire/server-problems.js';
import { visibleSections } from '../../../src/core/questionnaire/visibility.js';
import { survey } from './fixtures.js';

const describe = (problem: Problem) => `${problem.code}${problem.other ? ' (autre)' : ''} : ${problem.questionId}`;

test('a problem of the "other, specify" text belongs to that text, by flag or by code', () => {
  assert.equal(reportedField({ questionId: 'pilote', code: 'too_long', message: '', other: true }), 'pilote.autre');
  assert.equal(reportedField({ questionId: 'pilote', code: 'other_required', message: '' }), 'pilote.autre');
  assert.equal(reportedField({ questionId: 'pilote', code: 'required', message: '' }), 'pilote');
});

test('only codes the engine knows become its problems', () => {
  assert.deepEqual(asProblem({ questionId: 'effectif', code: 'max', message: '' }), { questionId: 'effectif', code: 'max' });
  assert.deepEqual(asProblem({ questionId: 'pilote', code: 'too_long', message: '', other: true }), {
    questionId: 'pilote',
    code: 'too_long',
    other: true,
  });
  assert.equal(asProblem({ questionId: 'effectif', code: 'not_yet_invented', message: '' }), undefined);
});

test("the server's words first, then the engine's, then the fallback, grouped by field in order", () => {
  const refused = refusedFields(
    [
      { questionId: 'effectif', code: 'max', message: 'Trop grand.' },
      { questionId: 'effectif', code: 'integer', message: '' },
      { questionId: 'pilote', code: 'not_yet_invented', message: '' },
      { questionId: 'pilote', code: 'too_long', message: '', other: true },
    ],
    describe,
    'Refusé.',
  );
  assert.deepEqual(refused, {
    effectif: ['Trop grand.', 'integer : effectif'],
    pilote: ['Refusé.'],
    'pilote.autre': ['too_long (autre) : pilote'],
  });
});

test('changing a field drops its refusal only', () => {
  const refused = { effectif: ['Trop grand.'], pilote: ['Refusé.'] };
  assert.deepEqual(withoutField(refused, 'effectif'), { pilote: ['Refusé.'] });
  assert.equal(withoutField(refused, 'outils'), refused);
});

test('the respondent is taken to the first visible section holding a refusal', () => {
  const answers = { equipe: 'oui', effectif: 2, outils: ['visio', 'autre'] };
  const sections = visibleSections(survey, answers);
  assert.equal(firstRefusedSection(sections, { 'outils.autre': ['x'], incident: ['y'] }), 'outils');
  assert.equal(firstRefusedSection(sections, { incident: ['y'] }), 'securite');
  assert.equal(firstRefusedSection(sections, { inconnue: ['z'] }), undefined);
});
