import { test } from 'node:test';
import assert from 'node:assert/strict';
import { conditionQuestions, evaluateCondition } from '../../../src/core/questionnaire/index.js';

const answers = {
  equipe: 'oui',
  effectif: 12,
  outils: ['messagerie', 'visio'],
  vide: '',
  blanc: '   ',
  rien: [],
};

test('equals matches the same code or the same number, never a value of another type', () => {
  assert.equal(evaluateCondition({ question: 'equipe', equals: 'oui' }, answers), true);
  assert.equal(evaluateCondition({ question: 'equipe', equals: 'non' }, answers), false);
  assert.equal(evaluateCondition({ question: 'effectif', equals: 12 }, answers), true);
  assert.equal(evaluateCondition({ question: 'effectif', equals: '12' }, answers), false);
  assert.equal(evaluateCondition({ question: 'outils', equals: 'messagerie' }, answers), false);
});

test('in matches a code among the list, or any chosen code of a multiple choice', () => {
  assert.equal(evaluateCondition({ question: 'equipe', in: ['non', 'oui'] }, answers), true);
  assert.equal(evaluateCondition({ question: 'equipe', in: ['non', 'nsp'] }, answers), false);
  assert.equal(evaluateCondition({ question: 'outils', in: ['agenda', 'visio'] }, answers), true);
  assert.equal(evaluateCondition({ question: 'outils', in: ['agenda'] }, answers), false);
  assert.equal(evaluateCondition({ question: 'effectif', in: ['12'] }, answers), false);
});

test('includes looks inside a multiple choice and compares a single code', () => {
  assert.equal(evaluateCondition({ question: 'outils', includes: 'visio' }, answers), true);
  assert.equal(evaluateCondition({ question: 'outils', includes: 'agenda' }, answers), false);
  assert.equal(evaluateCondition({ question: 'equipe', includes: 'oui' }, answers), true);
  assert.equal(evaluateCondition({ question: 'equipe', includes: 'ou' }, answers), false);
});

test('gt, gte, lt and lte compare numbers at and around the bound', () => {
  const at = (operator: 'gt' | 'gte' | 'lt' | 'lte', bound: number) =>
    evaluateCondition({ question: 'effectif', [operator]: bound } as never, answers);
  assert.deepEqual([at('gt', 11), at('gt', 12)], [true, false]);
  assert.deepEqual([at('gte', 12), at('gte', 13)], [true, false]);
  assert.deepEqual([at('lt', 13), at('lt', 12)], [true, false]);
  assert.deepEqual([at('lte', 12), at('lte', 11)], [true, false]);
});

test('numeric comparisons are false on codes, texts and non-finite numbers', () => {
  assert.equal(evaluateCondition({ question: 'equipe', gt: 0 }, answers), false);
  assert.equal(evaluateCondition({ question: 'n', gt: 0 }, { n: '5' }), false);
  assert.equal(evaluateCondition({ question: 'n', lt: 0 }, { n: Number.NEGATIVE_INFINITY }), false);
  assert.equal(evaluateCondition({ question: 'n', gte: 0 }, { n: Number.NaN }), false);
});

test('a condition on an unanswered question is false, and its negation true', () => {
  for (const question of ['absente', 'vide', 'blanc', 'rien']) {
    assert.equal(evaluateCondition({ question, equals: '' }, answers), false, question);
    assert.equal(evaluateCondition({ question, in: ['', 'oui'] }, answers), false, question);
    assert.equal(evaluateCondition({ not: { question, equals: 'oui' } }, answers), true, question);
  }
  assert.equal(evaluateCondition({ question: 'n', equals: 0 }, { n: null }), false);
});

test('answers are read as own properties only', () => {
  assert.equal(evaluateCondition({ not: { question: 'constructor', in: ['oui'] } }, {}), true);
  assert.equal(evaluateCondition({ question: 'tostring', includes: 'x' }, {}), false);
  assert.equal(evaluateCondition({ question: 'constructor', equals: 'oui' }, { constructor: 'oui' }), true);
});

test('not, all and any combine conditions, nested to any depth', () => {
  const yes = { question: 'equipe', equals: 'oui' } as const;
  const no = { question: 'equipe', equals: 'non' } as const;
  assert.equal(evaluateCondition({ not: yes }, answers), false);
  assert.equal(evaluateCondition({ all: [yes, { question: 'effectif', gte: 10 }] }, answers), true);
  assert.equal(evaluateCondition({ all: [yes, no] }, answers), false);
  assert.equal(evaluateCondition({ any: [no, yes] }, answers), true);
  assert.equal(evaluateCondition({ any: [no, { question: 'absente', equals: 'oui' }] }, answers), false);
  assert.equal(evaluateCondition({ any: [{ all: [yes, { not: no }] }, no] }, answers), true);
  assert.equal(evaluateCondition({ not: { any: [{ all: [yes, { not: no }] }, no] } }, answers), false);
});

test('empty all holds and empty any does not, as in logic', () => {
  assert.equal(evaluateCondition({ all: [] }, answers), true);
  assert.equal(evaluateCondition({ any: [] }, answers), false);
});

test('an unrecognised condition shape is false rather than an error', () => {
  assert.equal(evaluateCondition({ question: 'equipe', matches: 'o.*' } as never, answers), false);
  assert.equal(evaluateCondition({} as never, answers), false);
});

test('conditionQuestions lists every question a condition reads', () => {
  assert.deepEqual(
    conditionQuestions({
      all: [{ question: 'a', equals: 'oui' }, { any: [{ not: { question: 'b', gt: 1 } }, { question: 'c', in: ['x'] }] }],
    }),
    ['a', 'b', 'c'],
  );
});
