import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isValidSiren, isValidSiret, passesLuhn } from '../../../src/referential/luhn.js';

test('real SIRENs pass and a changed digit fails', () => {
  assert.equal(isValidSiren('213502388'), true); // Commune de Rennes
  assert.equal(isValidSiren('243500139'), true); // Rennes Métropole
  assert.equal(isValidSiren('213502387'), false);
  assert.equal(isValidSiren('231502388'), false); // two digits swapped
});

test('only nine digits make a SIREN', () => {
  assert.equal(isValidSiren('21350238'), false);
  assert.equal(isValidSiren('2135023880'), false);
  assert.equal(isValidSiren('21350238A'), false);
  assert.equal(passesLuhn(''), false);
});

test('a SIRET needs a valid SIREN and a valid key over its fourteen digits', () => {
  assert.equal(isValidSiret('22350001800013'), true); // Département d'Ille-et-Vilaine, seat
  assert.equal(isValidSiret('22350001800014'), false);
  assert.equal(isValidSiret('2235000180001'), false);
});

test("La Poste's establishments follow their own rule: digit sum a multiple of 5", () => {
  // 3+5+6+0+0+0+0+0+0+0+0+0+1+0 = 15: not a Luhn number, yet a valid La Poste SIRET.
  assert.equal(passesLuhn('35600000000010'), false);
  assert.equal(isValidSiret('35600000000010'), true);
  assert.equal(isValidSiret('35600000000011'), false);
});
