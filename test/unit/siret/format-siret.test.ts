import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatSiret, sirenOf, stripSeparators } from '../../../src/core/siret.js';

test('groups a SIRET as printed: 3 3 3 5', () => {
  assert.equal(formatSiret('21350238800019'), '213 502 388 00019');
});

test('groups partial input as it is typed', () => {
  const steps = ['2', '21', '213', '2135', '213502', '2135023', '213502388', '2135023880', '21350238800019'];
  assert.deepEqual(steps.map(formatSiret), [
    '2',
    '21',
    '213',
    '213 5',
    '213 502',
    '213 502 3',
    '213 502 388',
    '213 502 388 0',
    '213 502 388 00019',
  ]);
});

test('regroups input typed with other separators or groupings', () => {
  assert.equal(formatSiret('213.502.388-000 19'), '213 502 388 00019');
  assert.equal(formatSiret('2135\u00a002388'), '213 502 388');
  assert.equal(formatSiret(''), '');
  assert.equal(formatSiret(undefined), '');
});

test('keeps typed mistakes visible: letters stay in place, extra digits form a last group', () => {
  assert.equal(formatSiret('2135O2388'), '213 5O2 388');
  assert.equal(formatSiret('213502388000191'), '213 502 388 00019 1');
});

test('sirenOf gives the first 9 digits of a valid SIRET only', () => {
  assert.equal(sirenOf('213 502 388 00019'), '213502388');
  assert.equal(sirenOf('21350238800017'), undefined);
  assert.equal(sirenOf('213502388'), undefined);
});

test('stripSeparators removes separators and nothing else', () => {
  assert.equal(stripSeparators(' 213\u202f502.388-00019 '), '21350238800019');
  assert.equal(stripSeparators('21/35'), '21/35');
});
