import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  findQuestion,
  validateContribution,
  validateQuestion,
  validateSection,
  type Problem,
} from '../../../src/core/questionnaire/index.js';
import type { Question } from '../../../src/core/schema/questionnaire.js';
import { completeSurveyAnswers, inheritedNames, survey } from './fixtures.js';

function question(id: string): Question {
  const found = findQuestion(survey, id);
  assert.ok(found, `fixture question ${id}`);
  return found;
}

/** The problems of one question for one value, without the question id repeated everywhere. */
function check(id: string, value: unknown, extra: Record<string, unknown> = {}) {
  return validateQuestion(question(id), { [id]: value, ...extra }).map(({ questionId, ...rest }) => {
    assert.equal(questionId, id);
    return rest;
  });
}

test('a visible required question needs an answer; blank and empty count as none', () => {
  for (const value of [undefined, null, '', '  ', []]) {
    assert.deepEqual(check('equipe', value), [{ code: 'required' }], String(value));
  }
  assert.deepEqual(check('outils', []), [{ code: 'required' }]);
});

test('an optional question may stay unanswered', () => {
  assert.deepEqual(check('formation', undefined), []);
  assert.deepEqual(check('commentaire', '   '), []);
});

test('yes/no accepts only oui, non and nsp', () => {
  for (const code of ['oui', 'non', 'nsp']) assert.deepEqual(check('equipe', code), []);
  assert.deepEqual(check('equipe', 'peut-etre'), [{ code: 'unknown_code', params: { code: 'peut-etre' } }]);
  assert.deepEqual(check('equipe', ' oui'), [{ code: 'unknown_code', params: { code: ' oui' } }]);
  assert.deepEqual(check('equipe', 1), [{ code: 'type' }]);
  assert.deepEqual(check('equipe', ['oui']), [{ code: 'type' }]);
});

test('single choice accepts one of its option codes', () => {
  assert.deepEqual(check('pilote', 'dsi'), []);
  assert.deepEqual(check('pilote', 'elu'), [{ code: 'unknown_code', params: { code: 'elu' } }]);
  assert.deepEqual(check('pilote', ['dsi']), [{ code: 'type' }]);
  assert.deepEqual(check('pilote', true), [{ code: 'type' }]);
});

test('multiple choice takes distinct known codes, the exclusive one alone', () => {
  assert.deepEqual(check('outils', ['messagerie', 'visio']), []);
  assert.deepEqual(check('outils', ['aucun']), []);
  assert.deepEqual(check('outils', ['messagerie', 'fax']), [{ code: 'unknown_code', params: { code: 'fax' } }]);
  assert.deepEqual(check('outils', ['visio', 'visio']), [{ code: 'duplicate', params: { code: 'visio' } }]);
  assert.deepEqual(check('outils', ['aucun', 'agenda']), [{ code: 'exclusive', params: { code: 'aucun' } }]);
  assert.deepEqual(check('outils', ['aucun', 'aucun']), [{ code: 'duplicate', params: { code: 'aucun' } }]);
  assert.deepEqual(check('outils', 'messagerie'), [{ code: 'type' }]);
  assert.deepEqual(check('outils', ['messagerie', 3]), [{ code: 'type' }]);
});

test('numbers must be finite, whole when asked, and within bounds given together', () => {
  assert.deepEqual(check('effectif', 0), []);
  assert.deepEqual(check('effectif', 500), []);
  assert.deepEqual(check('effectif', -1), [{ code: 'min', params: { min: 0, max: 500 } }]);
  assert.deepEqual(check('effectif', 501), [{ code: 'max', params: { min: 0, max: 500 } }]);
  assert.deepEqual(check('effectif', 2.5), [{ code: 'integer' }]);
  assert.deepEqual(check('effectif', 500.5), [
    { code: 'integer' },
    { code: 'max', params: { min: 0, max: 500 } },
  ]);
  for (const value of [Number.NaN, Number.POSITIVE_INFINITY, '12']) {
    assert.deepEqual(check('effectif', value), [{ code: 'type' }], String(value));
  }
});

test('texts are measured once trimmed against their maximum length', () => {
  assert.deepEqual(check('commentaire', 'x'.repeat(50)), []);
  assert.deepEqual(check('commentaire', `  ${'x'.repeat(50)}  `), []);
  assert.deepEqual(check('commentaire', 'x'.repeat(51)), [{ code: 'too_long', params: { max: 50, length: 51 } }]);
  assert.deepEqual(check('commentaire', 42), [{ code: 'type' }]);
});

test('choosing autre asks for its text, 200 characters at most', () => {
  assert.deepEqual(check('pilote', 'autre'), [{ code: 'other_required', other: true }]);
  assert.deepEqual(check('pilote', 'autre', { 'pilote.autre': '  ' }), [{ code: 'other_required', other: true }]);
  assert.deepEqual(check('pilote', 'autre', { 'pilote.autre': 7 }), [{ code: 'type', other: true }]);
  assert.deepEqual(check('pilote', 'autre', { 'pilote.autre': 'x'.repeat(200) }), []);
  assert.deepEqual(check('pilote', 'autre', { 'pilote.autre': 'x'.repeat(201) }), [
    { code: 'too_long', other: true, params: { max: 200, length: 201 } },
  ]);
  assert.deepEqual(check('outils', ['autre', 'aucun']), [
    { code: 'exclusive', params: { code: 'aucun' } },
    { code: 'other_required', other: true },
  ]);
  assert.deepEqual(check('outils', ['agenda'], { 'outils.autre': 'Parapheur' }), [], 'leftover text is not the question’s problem');
});

test('a section reports the problems of its visible questions only, in order', () => {
  assert.deepEqual(validateSection(survey, {}, 'profil'), [{ questionId: 'equipe', code: 'required' }]);
  assert.deepEqual(validateSection(survey, { equipe: 'oui' }, 'profil'), [{ questionId: 'effectif', code: 'required' }]);
  assert.deepEqual(validateSection(survey, { equipe: 'oui', effectif: 4 }, 'profil'), [
    { questionId: 'pilote', code: 'required' },
  ]);
  // Another section's problems, hidden and unknown answers are not this step's concern.
  const answers = { equipe: 'non', effectif: -3, outils: ['fax'], inconnue: 1 };
  assert.deepEqual(validateSection(survey, answers, 'profil'), []);
  assert.deepEqual(validateSection(survey, answers, 'outils'), [
    { questionId: 'outils', code: 'unknown_code', params: { code: 'fax' } },
  ]);
  assert.deepEqual(validateSection(survey, answers, 'securite'), []);
  assert.deepEqual(validateSection(survey, answers, 'absente'), []);
});

test('a complete, correct contribution has no problem in strict mode', () => {
  assert.deepEqual(validateContribution(survey, completeSurveyAnswers), []);
  assert.deepEqual(validateContribution(survey, { equipe: 'non', outils: ['aucun'] }), []);
});

test('strict mode reports every problem, hidden and unknown answers included', () => {
  const answers = {
    equipe: 'non',
    effectif: 12, // hidden: no team
    'pilote.autre': 'DSI mutualisée', // hidden question's text
    outils: ['agenda'],
    'outils.autre': 'Parapheur', // autre not chosen
    commentaire: 'x'.repeat(60),
    'equipe.autre': 'non', // yes/no has no "other" text
    inconnue: 'oui',
    'absente.autre': 'x',
    incident: '', // hidden, even blank
  };
  const expected: Problem[] = [
    { questionId: 'effectif', code: 'hidden' },
    { questionId: 'pilote', code: 'hidden', other: true },
    { questionId: 'outils', code: 'other_unexpected', other: true },
    { questionId: 'commentaire', code: 'too_long', params: { max: 50, length: 60 } },
    { questionId: 'incident', code: 'hidden' },
    { questionId: 'absente.autre', code: 'unknown_question' },
    { questionId: 'equipe.autre', code: 'unknown_question' },
    { questionId: 'inconnue', code: 'unknown_question' },
  ];
  assert.deepEqual(validateContribution(survey, answers), expected);
});

test('strict mode includes missing answers of every section', () => {
  assert.deepEqual(validateContribution(survey, {}), [
    { questionId: 'equipe', code: 'required' },
    { questionId: 'outils', code: 'required' },
  ]);
});

test('inherited property names are neither answers nor known keys', () => {
  assert.deepEqual(validateContribution(inheritedNames, {}), [{ questionId: 'constructor', code: 'required' }]);
  const parsed = JSON.parse('{"constructor":"non","__proto__":"oui","valueOf":1}') as Record<string, unknown>;
  assert.deepEqual(validateContribution(inheritedNames, parsed), [
    { questionId: '__proto__', code: 'unknown_question' },
    { questionId: 'valueOf', code: 'unknown_question' },
  ]);
});

test('validation never throws on values of the wrong shape', () => {
  const junk = { equipe: { oui: true }, effectif: [1], outils: [null, {}], 'outils.autre': ['x'], pilote: null };
  assert.doesNotThrow(() => validateContribution(survey, junk));
  assert.doesNotThrow(() => validateContribution(survey, null as never));
  assert.deepEqual(
    validateContribution(survey, junk).map(({ questionId, code }) => `${questionId} ${code}`),
    ['equipe type', 'effectif hidden', 'pilote hidden', 'outils type', 'outils other_unexpected'],
  );
});
