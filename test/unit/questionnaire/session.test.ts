import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  formAt,
  isForm,
  isLoaded,
  stepOf,
  type QuestionnaireSession,
} from '../../../src/core/questionnaire/session.js';
import { IDENTIFICATION_STEP, REVIEW_STEP } from '../../../src/core/questionnaire/step-keys.js';
import { survey } from './fixtures.js';

const material = { definition: survey };

test('a step key gives the form phase, and the phase gives the key back', () => {
  assert.deepEqual(formAt(material, IDENTIFICATION_STEP), { phase: 'identifying', material });
  assert.deepEqual(formAt(material, REVIEW_STEP), { phase: 'reviewing', material });
  assert.deepEqual(formAt(material, 'outils'), { phase: 'answering', material, sectionId: 'outils' });
  for (const key of [IDENTIFICATION_STEP, 'profil', REVIEW_STEP]) assert.equal(stepOf(formAt(material, key)), key);
});

test('each phase says whether it is the form and whether it is loaded', () => {
  const sessions: QuestionnaireSession<typeof material, { code: string }>[] = [
    { phase: 'loading' },
    { phase: 'failed', message: 'Hors ligne' },
    formAt(material, IDENTIFICATION_STEP),
    formAt(material, 'profil'),
    formAt(material, REVIEW_STEP),
    { phase: 'sending', material, entryId: 'a' },
    { phase: 'waiting', material, entryId: 'a', reason: '' },
    { phase: 'confirmed', material, receipt: { code: 'x' } },
  ];
  assert.deepEqual(sessions.map(isForm), [false, false, true, true, true, false, false, false]);
  assert.deepEqual(sessions.map(isLoaded), [false, false, true, true, true, true, true, true]);
});
