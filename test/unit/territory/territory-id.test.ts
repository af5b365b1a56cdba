import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  TerritoryId,
  formatTerritoryId,
  isTerritoryId,
  parseTerritoryId,
  territoryCodeOf,
  territoryKindOf,
} from '../../../src/core/territory/index.js';

test('parses every documented form of territory id', () => {
  assert.deepEqual(parseTerritoryId('commune:35238'), { kind: 'commune', code: '35238' });
  assert.deepEqual(parseTerritoryId('commune:2A004'), { kind: 'commune', code: '2A004' });
  assert.deepEqual(parseTerritoryId('epci:243500139'), { kind: 'epci', code: '243500139' });
  assert.deepEqual(parseTerritoryId('departement:35'), { kind: 'departement', code: '35' });
  assert.deepEqual(parseTerritoryId('departement:2B'), { kind: 'departement', code: '2B' });
  assert.deepEqual(parseTerritoryId('departement:974'), { kind: 'departement', code: '974' });
  assert.deepEqual(parseTerritoryId('region:53'), { kind: 'region', code: '53' });
  assert.deepEqual(parseTerritoryId('france'), { kind: 'france' });
});

test('refuses malformed ids rather than guessing', () => {
  for (const bad of [
    '',
    'France',
    'france:FR',
    'commune:3523',
    'commune:352380',
    'commune:2C004',
    'commune: 35238',
    'Commune:35238',
    'epci:24350013',
    'epci:24350013X',
    'departement:20',
    'departement:00',
    'departement:96',
    'departement:975',
    'departement:2a',
    'region:5',
    'region:530',
    'pays:FR',
    'commune',
    'commune:',
    'toString:1',
    '__proto__:35',
  ]) {
    assert.equal(parseTerritoryId(bad), null, bad);
    assert.equal(isTerritoryId(bad), false, bad);
  }
  assert.equal(isTerritoryId(35238), false);
  assert.equal(isTerritoryId(null), false);
});

test('formatting a parsed id gives the same id back', () => {
  for (const id of ['commune:35238', 'epci:243500139', 'departement:2A', 'region:53', 'france']) {
    assert.equal(formatTerritoryId(parseTerritoryId(id)!), id);
  }
});

test('formatting refuses a code that does not fit its kind', () => {
  assert.throws(() => formatTerritoryId({ kind: 'departement', code: '20' }), RangeError);
  assert.throws(() => formatTerritoryId({ kind: 'epci', code: '35238' }), RangeError);
});

test('kind and code are read from an id', () => {
  assert.equal(territoryKindOf('epci:243500139'), 'epci');
  assert.equal(territoryKindOf('france'), 'france');
  assert.equal(territoryCodeOf('departement:35'), '35');
  assert.equal(territoryCodeOf('france'), null);
});

test('the TerritoryId schema accepts ids and rejects anything else', () => {
  assert.equal(TerritoryId.parse('region:53'), 'region:53');
  assert.equal(TerritoryId.safeParse('region:5').success, false);
  assert.equal(TerritoryId.safeParse(53).success, false);
});
