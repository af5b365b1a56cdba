import { test } from 'node:test';
import assert from 'node:assert/strict';
import { COLLECTIVITE_KINDS } from '../../../src/core/schema/collectivite.js';
import { POPULATION_BAND_BOUNDS, POPULATION_BAND_IDS } from '../../../src/core/territory/population-band.js';
import { referential, source } from './real-referential.js';

const inBand = (population: number, band: (typeof POPULATION_BAND_IDS)[number]) => {
  const { min, max } = POPULATION_BAND_BOUNDS[band];
  return population >= min && (max === null || population <= max);
};
const total = (row: Record<string, number>) => Object.values(row).reduce((a, b) => a + b, 0);

test('counts of communes by band in a département match the source', () => {
  const counts = referential.countCollectivites('departement:35')!;
  const raw = source.communes.filter((c) => c.type === 'commune-actuelle' && c.departement === '35');
  for (const band of POPULATION_BAND_IDS) {
    assert.equal(counts.commune[band], raw.filter((c) => inBand(c.population!, band)).length, band);
  }
});

test('a département counts itself, the EPCI seated in it, and no région', () => {
  const counts = referential.countCollectivites('departement:35')!;
  assert.equal(total(counts.departement), 1);
  assert.equal(counts.departement['100000+'], 1);
  assert.equal(total(counts.region), 0);
  const seated = referential.territoriesOfKind('epci').filter((e) => e.parentIds[0] === 'departement:35');
  assert.equal(total(counts.epci), seated.length);
});

test('France counts every collectivité once, special-status bodies apart', () => {
  const counts = referential.countCollectivites('france')!;
  assert.equal(total(counts.csp), 7);
  assert.equal(total(counts.commune), 34875 - 1); // Paris counts as the Ville de Paris
  assert.equal(total(counts.epci), 1255 - 1); // and Lyon's EPCI as the Métropole de Lyon
  assert.equal(total(counts.departement), 101 - 8); // 75, 67, 68, 2A, 2B, 972, 973, 976 are governed by a csp
  assert.equal(total(counts.region), 18 - 4); // 94, 02, 03, 06 likewise
  // Most French communes have fewer than 1,000 inhabitants.
  const small = counts.commune['0-499'] + counts.commune['500-999'];
  assert.ok(small / total(counts.commune) > 0.7);
});

test('an EPCI counts itself and its member communes', () => {
  const counts = referential.countCollectivites('epci:243500139')!;
  assert.equal(total(counts.epci), 1);
  assert.equal(total(counts.commune), 43);
  assert.equal(counts.commune['100000+'], 1); // Rennes
});

test('every kind and band is present, at zero when empty; an unknown territory has no counts', () => {
  const counts = referential.countCollectivites('commune:35238')!;
  assert.deepEqual(Object.keys(counts), [...COLLECTIVITE_KINDS]);
  for (const kind of COLLECTIVITE_KINDS) assert.deepEqual(Object.keys(counts[kind]), [...POPULATION_BAND_IDS]);
  assert.equal(total(counts.commune), 1);
  assert.equal(total(counts.epci), 0);
  assert.equal(referential.countCollectivites('commune:00000'), null);
});
