import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  POPULATION_BAND_BOUNDS,
  POPULATION_BAND_IDS,
  PopulationBandId,
  bandOf,
  populationBandLabel,
} from '../../../src/core/territory/index.js';

test('bands cut exactly at their published boundaries', () => {
  assert.equal(bandOf(0), '0-499');
  assert.equal(bandOf(499), '0-499');
  assert.equal(bandOf(500), '500-999');
  assert.equal(bandOf(999), '500-999');
  assert.equal(bandOf(1000), '1000-3499');
  assert.equal(bandOf(3499), '1000-3499');
  assert.equal(bandOf(3500), '3500-4999');
  assert.equal(bandOf(4999), '3500-4999');
  assert.equal(bandOf(5000), '5000-9999');
  assert.equal(bandOf(10000), '10000-19999');
  assert.equal(bandOf(20000), '20000-49999');
  assert.equal(bandOf(50000), '50000-99999');
  assert.equal(bandOf(99999), '50000-99999');
  assert.equal(bandOf(100000), '100000+');
  assert.equal(bandOf(2_103_778), '100000+');
});

test('bands follow each other without gap or overlap', () => {
  POPULATION_BAND_IDS.forEach((id, i) => {
    const { min, max } = POPULATION_BAND_BOUNDS[id];
    assert.equal(bandOf(min), id);
    if (max !== null) assert.equal(bandOf(max), id);
    const next = POPULATION_BAND_IDS[i + 1];
    if (next) assert.equal(POPULATION_BAND_BOUNDS[next].min, max! + 1);
    else assert.equal(max, null);
  });
});

test('a negative or non-finite population is a bug, not a band', () => {
  assert.throws(() => bandOf(-1), RangeError);
  assert.throws(() => bandOf(Number.NaN), RangeError);
  assert.throws(() => bandOf(Number.POSITIVE_INFINITY), RangeError);
});

test('labels read as a French or English reader writes numbers', () => {
  assert.equal(populationBandLabel('fr', '1000-3499'), '1\u202f000 à 3\u202f499 habitants');
  assert.equal(populationBandLabel('en', '1000-3499'), '1,000 to 3,499 inhabitants');
  assert.equal(populationBandLabel('fr', '0-499'), '0 à 499 habitants');
  assert.equal(populationBandLabel('fr', '100000+'), '100\u202f000 habitants et plus');
  assert.equal(populationBandLabel('en', '100000+'), '100,000 inhabitants or more');
});

test('every band has a distinct label in each language', () => {
  for (const lang of ['fr', 'en'] as const) {
    const labels = POPULATION_BAND_IDS.map((id) => populationBandLabel(lang, id));
    assert.equal(new Set(labels).size, labels.length);
  }
});

test('the band id schema accepts the stable ids only', () => {
  assert.equal(PopulationBandId.parse('100000+'), '100000+');
  assert.equal(PopulationBandId.safeParse('100000-').success, false);
});
