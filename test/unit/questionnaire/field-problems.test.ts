import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sectionFieldProblems } from '../../../src/core/questionnaire/field-problems.js';
import type { Problem } from '../../../src/core/questionnaire/problems.js';
import { validateSection } from '../../../src/core/questionnaire/validation.js';
import { visibleSections } from '../../../src/core/questionnaire/visibility.js';
import { survey } from './fixtures.js';

const describe = (problem: Problem) => `${problem.code}${problem.other ? ' (autre)' : ''}`;

function problemsOf(answers: Record<string, unknown>, sectionId: string, unreadable: string[] = [], refused = {}) {
  const visible = visibleSections(survey, answers).find((candidate) => candidate.section.id === sectionId);
  assert.ok(visible);
  return sectionFieldProblems(visible, {
    engine: validateSection(survey, answers, sectionId),
    unreadable: new Set(unreadable),
    refused,
    describe,
  }).map(({ key, question, messages }) => [key, question.id, messages]);
}

test("a section's problems come in question order, each answer before its other text", () => {
  const answers = { equipe: 'oui', effectif: 2, pilote: 'autre', outils: ['visio'] };
  assert.deepEqual(problemsOf(answers, 'profil'), [['pilote.autre', 'pilote', ['other_required (autre)']]]);
  assert.deepEqual(problemsOf({ equipe: 'oui' }, 'profil'), [['effectif', 'effectif', ['required']]]);
});

test('a number that cannot be read is all that is said about it', () => {
  assert.deepEqual(problemsOf({ equipe: 'oui' }, 'profil', ['effectif']), [['effectif', 'effectif', ['type']]]);
});

test("the server's refusal stands only where the engine finds nothing", () => {
  const answers = { equipe: 'oui', effectif: 0 };
  const refused = { effectif: ['Refusé par le serveur.'], equipe: ['Autre refus.'] };
  assert.deepEqual(problemsOf(answers, 'profil', [], refused), [
    ['equipe', 'equipe', ['Autre refus.']],
    ['effectif', 'effectif', ['Refusé par le serveur.']],
  ]);
  assert.deepEqual(problemsOf({ equipe: 'oui' }, 'profil', [], refused), [
    ['equipe', 'equipe', ['Autre refus.']],
    ['effectif', 'effectif', ['required']],
  ]);
});
