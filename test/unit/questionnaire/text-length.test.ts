import { test } from 'node:test';
import assert from 'node:assert/strict';
import { visibleLength } from '../../../src/core/i18n/index.js';
import { OTHER_TEXT_MAX_LENGTH, validateContribution } from '../../../src/core/questionnaire/index.js';
import { completeSurveyAnswers, survey } from './fixtures.js';

const CODER = '👩‍💻'; // five UTF-16 units, one character on screen

test('a text is as long as the characters a person sees', () => {
  assert.equal(CODER.length, 5);
  assert.equal(visibleLength(CODER), 1);
  assert.equal(visibleLength('Élu·e 🇫🇷'), 7);
  assert.equal(visibleLength('e\u0301te\u0301'), 3, 'accents typed as combining marks are part of their letter');
  assert.equal(visibleLength('Mairie de Rennes'), 16);
  assert.equal(visibleLength(''), 0);
});

test('the server’s check counts a text’s limit in those characters, as the browser’s counter does', () => {
  // `commentaire` takes 50 characters: 50 emoji pass (250 UTF-16 units), 51 are one too many.
  assert.deepEqual(validateContribution(survey, { ...completeSurveyAnswers, commentaire: CODER.repeat(50) }), []);
  assert.deepEqual(validateContribution(survey, { ...completeSurveyAnswers, commentaire: ` ${CODER.repeat(51)} ` }), [
    { questionId: 'commentaire', code: 'too_long', params: { max: 50, length: 51 } },
  ]);
});

test('so does the limit of an "other, specify" text', () => {
  const atLimit = CODER.repeat(OTHER_TEXT_MAX_LENGTH);
  assert.deepEqual(validateContribution(survey, { ...completeSurveyAnswers, 'pilote.autre': atLimit }), []);
  assert.deepEqual(validateContribution(survey, { ...completeSurveyAnswers, 'pilote.autre': `${atLimit}é` }), [
    { questionId: 'pilote', code: 'too_long', other: true, params: { max: OTHER_TEXT_MAX_LENGTH, length: OTHER_TEXT_MAX_LENGTH + 1 } },
  ]);
});
