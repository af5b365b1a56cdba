import { test } from 'node:test';
import assert from 'node:assert/strict';
import { passesLuhn } from '../../../src/core/siret.js';
import { DEPARTEMENT_COUNCIL_SIRENS, REGION_COUNCIL_SIRENS, SPECIAL_STATUS_COLLECTIVITES } from '../../../src/referential/sirens.js';
import { source } from './real-referential.js';

const allSirens = [
  ...Object.values(DEPARTEMENT_COUNCIL_SIRENS),
  ...Object.values(REGION_COUNCIL_SIRENS),
  ...SPECIAL_STATUS_COLLECTIVITES.map((c) => c.siren),
];

test('every SIREN of the hand-kept table passes the Luhn check', () => {
  for (const siren of allSirens) {
    assert.match(siren, /^\d{9}$/);
    assert.equal(passesLuhn(siren), true, siren);
  }
});

test('no SIREN appears twice', () => {
  assert.equal(new Set(allSirens).size, allSirens.length);
});

test('département councils start with 22, regional councils with 23 or 2000 (régions of 2016)', () => {
  for (const siren of Object.values(DEPARTEMENT_COUNCIL_SIRENS)) assert.match(siren, /^22/);
  for (const siren of Object.values(REGION_COUNCIL_SIRENS)) assert.match(siren, /^(?:23|2000)/);
});

test('every département and région of the geography is governed by exactly one table row', () => {
  const governed = new Map<string, number>();
  const count = (id: string) => governed.set(id, (governed.get(id) ?? 0) + 1);
  for (const code of Object.keys(DEPARTEMENT_COUNCIL_SIRENS)) count(`departement:${code}`);
  for (const code of Object.keys(REGION_COUNCIL_SIRENS)) count(`region:${code}`);
  for (const csp of SPECIAL_STATUS_COLLECTIVITES) csp.governs.forEach(count);
  const expected = [
    ...source.departements.filter((d) => d.zone !== 'com').map((d) => `departement:${d.code}`),
    ...source.regions.filter((r) => r.zone !== 'com').map((r) => `region:${r.code}`),
  ];
  assert.equal(expected.length, 101 + 18);
  for (const id of expected) assert.equal(governed.get(id), 1, id);
  const extra = [...governed.keys()].filter((id) => !id.startsWith('commune:') && !id.startsWith('epci:') && !expected.includes(id));
  assert.deepEqual(extra, []);
});

test('keeps the SIRENs the survey documents for départements, régions and special-status bodies', () => {
  assert.equal(DEPARTEMENT_COUNCIL_SIRENS['35'], '223500018');
  assert.equal(DEPARTEMENT_COUNCIL_SIRENS['59'], '225900018');
  assert.equal(REGION_COUNCIL_SIRENS['53'], '233500016');
  assert.equal(REGION_COUNCIL_SIRENS['44'], '200052264');
  assert.equal(REGION_COUNCIL_SIRENS['84'], '200053767');
  const special = Object.fromEntries(SPECIAL_STATUS_COLLECTIVITES.map((c) => [c.siren, c.governs]));
  assert.deepEqual(special['217500016'], ['commune:75056', 'departement:75']);
  assert.deepEqual(special['200094332'], ['departement:67', 'departement:68']);
  assert.deepEqual(special['200076958'], ['region:94', 'departement:2A', 'departement:2B']);
  assert.ok(special['200046977'] && special['200055507'] && special['200052678'] && special['229850003']);
});

test('special-status bodies that are also a commune or an EPCI carry the same SIREN in the geography', () => {
  const paris = source.communes.find((c) => c.code === '75056' && c.type === 'commune-actuelle');
  assert.equal(paris?.siren, '217500016');
  const lyon = source.epci.find((e) => e.code === '200046977');
  assert.equal(lyon?.type, 'MET69');
});
