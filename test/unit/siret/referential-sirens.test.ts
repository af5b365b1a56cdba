import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { validateSiren } from '../../../src/core/siret.js';

// The official COG data: real SIRENs of every commune and EPCI, a large test of the Luhn check.
const require = createRequire(import.meta.url);
const communes = require('@etalab/decoupage-administratif/data/communes.json') as Array<{
  code: string;
  type: string;
  siren?: string;
}>;
const epcis = require('@etalab/decoupage-administratif/data/epci.json') as Array<{ code: string; nom: string }>;

test('every current commune’s SIREN in the official data is a valid SIREN', () => {
  const current = communes.filter((commune) => commune.type === 'commune-actuelle' && commune.siren);
  assert.ok(current.length > 34_000, `only ${current.length} communes read`);
  const refused = current.filter((commune) => !validateSiren(commune.siren).ok).map((commune) => commune.code);
  assert.deepEqual(refused, []);
});

test('every EPCI code (its SIREN) in the official data is a valid SIREN', () => {
  assert.ok(epcis.length > 1_200);
  const refused = epcis.filter((epci) => !validateSiren(epci.code).ok).map((epci) => epci.nom);
  assert.deepEqual(refused, []);
});
