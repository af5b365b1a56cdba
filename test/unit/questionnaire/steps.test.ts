import { test } from 'node:test';
import assert from 'node:assert/strict';
import { visibleSections } from '../../../src/core/questionnaire/visibility.js';
import {
  IDENTIFICATION_STEP,
  REVIEW_STEP,
  nextStep,
  previousStep,
  stepKeys,
  stepKind,
  stepPlace,
} from '../../../src/core/questionnaire/step-keys.js';
import { survey } from './fixtures.js';

const withSecurity = { equipe: 'oui', effectif: 2, outils: ['visio'] };

test('the steps are identification, the visible sections, then review', () => {
  assert.deepEqual(stepKeys(visibleSections(survey, withSecurity)), [IDENTIFICATION_STEP, 'profil', 'outils', 'securite', REVIEW_STEP]);
  assert.deepEqual(stepKeys(visibleSections(survey, {})), [IDENTIFICATION_STEP, 'profil', 'outils', REVIEW_STEP]);
});

test('a step key says its kind, and cannot be taken for a section id', () => {
  assert.equal(stepKind(IDENTIFICATION_STEP), 'identification');
  assert.equal(stepKind(REVIEW_STEP), 'review');
  assert.equal(stepKind('profil'), 'section');
  assert.doesNotMatch(IDENTIFICATION_STEP, /^[a-z][a-z0-9_]*$/);
  assert.doesNotMatch(REVIEW_STEP, /^[a-z][a-z0-9_]*$/);
});

test('a step no longer there counts as the first', () => {
  const keys = stepKeys(visibleSections(survey, {}));
  assert.deepEqual(stepPlace(keys, 'outils'), { index: 2, total: 4 });
  assert.deepEqual(stepPlace(keys, 'securite'), { index: 0, total: 4 });
});

test('next and previous go through visible sections, identification and review at the ends', () => {
  const sections = visibleSections(survey, withSecurity);
  const next = (key: string) => nextStep(survey, withSecurity, sections, key);
  const previous = (key: string) => previousStep(survey, withSecurity, sections, key);
  assert.equal(next(IDENTIFICATION_STEP), 'profil');
  assert.equal(next('outils'), 'securite');
  assert.equal(next('securite'), REVIEW_STEP);
  assert.equal(previous(REVIEW_STEP), 'securite');
  assert.equal(previous('profil'), IDENTIFICATION_STEP);
  assert.equal(previous(IDENTIFICATION_STEP), IDENTIFICATION_STEP);
});

test('from a section the answers just hid, the respondent moves on from where they stood', () => {
  const answers = { equipe: 'non' };
  const sections = visibleSections(survey, answers);
  assert.equal(nextStep(survey, answers, sections, 'securite'), REVIEW_STEP);
  assert.equal(previousStep(survey, answers, sections, 'securite'), 'outils');
});

test('without any visible section, identification leads to review and back', () => {
  assert.equal(nextStep(survey, {}, [], IDENTIFICATION_STEP), REVIEW_STEP);
  assert.equal(previousStep(survey, {}, [], REVIEW_STEP), IDENTIFICATION_STEP);
});
