import { test } from 'node:test';
import assert from 'node:assert/strict';
import { normalizeAnswers, validateContribution } from '../../../src/core/questionnaire/index.js';
import { completeSurveyAnswers, inheritedNames, survey } from './fixtures.js';

test('complete, clean answers come back unchanged', () => {
  assert.deepEqual(normalizeAnswers(survey, completeSurveyAnswers), completeSurveyAnswers);
});

test('answers to questions that became hidden are dropped, down the whole chain', () => {
  const normalized = normalizeAnswers(survey, {
    equipe: 'non',
    effectif: 12,
    pilote: 'dsi',
    outils: ['aucun'],
    formation: 'oui',
    incident: 'oui',
  });
  assert.deepEqual(normalized, { equipe: 'non', outils: ['aucun'] });
});

test('unknown keys and values that cannot be answers are dropped', () => {
  const normalized = normalizeAnswers(survey, {
    equipe: 'oui',
    effectif: null,
    inconnue: 'oui',
    'equipe.autre': 'texte',
    outils: [1, 'visio'],
    commentaire: { texte: 'x' },
  });
  assert.deepEqual(normalized, { equipe: 'oui' });
});

test('the "other, specify" text stays only beside a chosen autre, trimmed', () => {
  assert.deepEqual(normalizeAnswers(survey, { outils: ['autre'], 'outils.autre': '  Parapheur  ' }), {
    outils: ['autre'],
    'outils.autre': 'Parapheur',
  });
  assert.deepEqual(normalizeAnswers(survey, { outils: ['agenda'], 'outils.autre': 'Parapheur' }), {
    outils: ['agenda'],
  });
  assert.deepEqual(normalizeAnswers(survey, { outils: ['autre'], 'outils.autre': '   ' }), { outils: ['autre'] });
  assert.deepEqual(normalizeAnswers(survey, { outils: ['autre'], 'outils.autre': 12 }), { outils: ['autre'] });
  // A hidden question loses its text with its answer.
  assert.deepEqual(normalizeAnswers(survey, { equipe: 'non', pilote: 'autre', 'pilote.autre': 'x' }), {
    equipe: 'non',
  });
});

test('texts are trimmed and blank answers dropped; codes are left as given', () => {
  assert.deepEqual(normalizeAnswers(survey, { equipe: ' ', outils: [], commentaire: '  Rien à signaler \n' }), {
    commentaire: 'Rien à signaler',
  });
  assert.deepEqual(normalizeAnswers(survey, { equipe: ' oui' }), { equipe: ' oui' });
});

test('multiple-choice codes follow the definition order, unknown ones last as given', () => {
  assert.deepEqual(normalizeAnswers(survey, { outils: ['visio', 'zzz', 'messagerie', 'fax', 'agenda'] }).outils, [
    'messagerie',
    'agenda',
    'visio',
    'zzz',
    'fax',
  ]);
});

test('wrong but well-shaped answers are kept for validation to report', () => {
  const normalized = normalizeAnswers(survey, { equipe: 'oui', effectif: 900, outils: ['aucun', 'visio'] });
  assert.deepEqual(normalized, { equipe: 'oui', effectif: 900, outils: ['visio', 'aucun'] });
  assert.deepEqual(
    validateContribution(survey, normalized).map(({ questionId, code }) => `${questionId} ${code}`),
    ['effectif max', 'pilote required', 'outils exclusive', 'incident required'],
  );
});

test('inherited property names are not taken for answers', () => {
  assert.deepEqual(normalizeAnswers(inheritedNames, {}), {});
  assert.deepEqual(normalizeAnswers(inheritedNames, { constructor: 'oui', tostring: ' a ' }), {
    constructor: 'oui',
    tostring: 'a',
  });
});

test('the input is left untouched', () => {
  const answers = { outils: ['visio', 'messagerie'], commentaire: ' x ' };
  const copy = structuredClone(answers);
  normalizeAnswers(survey, answers);
  assert.deepEqual(answers, copy);
});
