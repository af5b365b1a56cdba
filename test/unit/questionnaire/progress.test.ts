import { test } from 'node:test';
import assert from 'node:assert/strict';
import { adjacentSectionId, progress, stepIndex, steps } from '../../../src/core/questionnaire/index.js';
import { completeSurveyAnswers, survey } from './fixtures.js';

test('progress counts answered questions among visible ones only', () => {
  assert.deepEqual(progress(survey, {}), { answered: 0, total: 4, ratio: 0 });
  assert.deepEqual(progress(survey, { equipe: 'oui' }), { answered: 1, total: 5, ratio: 1 / 5 });
  // `effectif` is hidden by `non`: its leftover answer neither counts nor adds to the total.
  assert.deepEqual(progress(survey, { equipe: 'non', effectif: 4, outils: ['aucun'] }), {
    answered: 2,
    total: 3,
    ratio: 2 / 3,
  });
  assert.deepEqual(progress(survey, completeSurveyAnswers), { answered: 7, total: 7, ratio: 1 });
});

test('blank answers do not count as answered', () => {
  assert.equal(progress(survey, { equipe: '', outils: [], commentaire: '  ' }).answered, 0);
});

test('steps are the visible sections, numbered, each with its own progress', () => {
  const answers = { equipe: 'oui', effectif: 2, outils: ['visio'] };
  const found = steps(survey, answers);
  assert.deepEqual(
    found.map(({ section, index, answered, total }) => [section.id, index, answered, total]),
    [
      ['profil', 0, 2, 3],
      ['outils', 1, 1, 3],
      ['securite', 2, 0, 1],
    ],
  );
  assert.deepEqual(found[2]?.questions.map((question) => question.id), ['incident']);
  assert.equal(steps(survey, {}).length, 2);
});

test('a section’s step index moves as sections appear, and is -1 when hidden or unknown', () => {
  const shown = { equipe: 'oui', outils: ['messagerie'] };
  assert.equal(stepIndex(survey, shown, 'securite'), 2);
  assert.equal(stepIndex(survey, shown, 'outils'), 1);
  assert.equal(stepIndex(survey, {}, 'securite'), -1);
  assert.equal(stepIndex(survey, {}, 'absente'), -1);
});

test('the next and previous steps skip hidden sections, even from a section just hidden', () => {
  const shown = { equipe: 'oui', outils: ['messagerie'] };
  assert.equal(adjacentSectionId(survey, shown, 'outils', 1), 'securite');
  assert.equal(adjacentSectionId(survey, {}, 'outils', 1), undefined);
  assert.equal(adjacentSectionId(survey, {}, 'securite', -1), 'outils');
  assert.equal(adjacentSectionId(survey, {}, 'profil', -1), undefined);
  assert.equal(adjacentSectionId(survey, {}, 'absente', 1), undefined);
});
