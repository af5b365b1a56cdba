import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fnv1a32, hashAnswers, serializeAnswers, stableStringify } from '../../../src/core/questionnaire/index.js';

test('equal answers give equal strings whatever order their keys were set in', () => {
  const a = serializeAnswers({ equipe: 'oui', effectif: 3, outils: ['messagerie'], 'outils.autre': 'x' });
  const b = serializeAnswers({ 'outils.autre': 'x', outils: ['messagerie'], effectif: 3, equipe: 'oui' });
  assert.equal(a, b);
  assert.equal(a, '{"effectif":3,"equipe":"oui","outils":["messagerie"],"outils.autre":"x"}');
});

test('the string is JSON that reads back to the same answers', () => {
  const answers = { b: 'é "guillemets"', a: [' z', 'y'], c: -0.5 };
  assert.deepEqual(JSON.parse(serializeAnswers(answers)), answers);
});

test('arrays keep their order: different orders are different strings', () => {
  assert.notEqual(serializeAnswers({ outils: ['a', 'b'] }), serializeAnswers({ outils: ['b', 'a'] }));
});

test('nested keys are sorted too, undefined properties dropped, non-finite numbers null', () => {
  assert.equal(stableStringify({ z: { b: 1, a: [{ d: 1, c: 2 }] }, y: undefined }), '{"z":{"a":[{"c":2,"d":1}],"b":1}}');
  assert.equal(stableStringify([Number.NaN, Number.POSITIVE_INFINITY]), '[null,null]');
  assert.equal(stableStringify(undefined), 'null');
});

test('keys sort by code unit, the same on every machine', () => {
  assert.equal(stableStringify({ é: 1, z: 2, Z: 3, a: 4 }), '{"Z":3,"a":4,"z":2,"é":1}');
});

test('a key named __proto__ stays a key', () => {
  const parsed = JSON.parse('{"__proto__":"x","a":1}') as Record<string, unknown>;
  assert.equal(serializeAnswers(parsed), '{"__proto__":"x","a":1}');
});

test('fnv1a32 matches the published FNV-1a test vectors', () => {
  assert.equal(fnv1a32(''), '811c9dc5');
  assert.equal(fnv1a32('a'), 'e40c292c');
  assert.equal(fnv1a32('foobar'), 'bf9cf968');
});

test('fnv1a32 hashes UTF-8 bytes: composed and decomposed accents differ', () => {
  assert.match(fnv1a32('é'), /^[0-9a-f]{8}$/);
  assert.notEqual(fnv1a32('\u00e9'), fnv1a32('e\u0301'));
});

test('hashAnswers ignores key order and tells different answers apart', () => {
  assert.equal(hashAnswers({ a: 'oui', b: 2 }), hashAnswers({ b: 2, a: 'oui' }));
  assert.notEqual(hashAnswers({ a: 'oui' }), hashAnswers({ a: 'non' }));
  assert.match(hashAnswers({}), /^[0-9a-f]{8}$/);
});
