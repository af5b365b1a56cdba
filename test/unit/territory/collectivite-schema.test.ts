import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Collectivite } from '../../../src/core/schema/collectivite.js';

const rennes = {
  siren: '213502388',
  name: 'Rennes',
  kind: 'commune',
  code: '35238',
  territoryId: 'commune:35238',
  departementCode: '35',
  regionCode: '53',
  population: 230890,
  populationBand: '100000+',
};

test('accepts a commune, an EPCI with its form and a région without département', () => {
  assert.equal(Collectivite.safeParse(rennes).success, true);
  assert.equal(Collectivite.safeParse({ ...rennes, siret: '21350238800019' }).success, true);
  const epci = { siren: '243500139', name: 'Rennes Métropole', kind: 'epci', epciForm: 'METRO', code: '243500139', territoryId: 'epci:243500139', departementCode: '35', regionCode: '53' };
  assert.equal(Collectivite.safeParse(epci).success, true);
  const region = { siren: '233500016', name: 'Bretagne', kind: 'region', code: '53', territoryId: 'region:53', regionCode: '53' };
  assert.equal(Collectivite.safeParse(region).success, true);
});

test('a SIRET must belong to the SIREN', () => {
  const result = Collectivite.safeParse({ ...rennes, siret: '22350001800013' });
  assert.equal(result.success, false);
  assert.deepEqual(result.error?.issues[0]?.path, ['siret']);
});

test('an EPCI needs its legal form and a commune may not have one', () => {
  const epciWithoutForm = { siren: '243500139', name: 'Rennes Métropole', kind: 'epci', code: '243500139', territoryId: 'epci:243500139', regionCode: '53' };
  assert.equal(Collectivite.safeParse(epciWithoutForm).success, false);
  assert.equal(Collectivite.safeParse({ ...rennes, epciForm: 'CC' }).success, false);
});

test('the Métropole de Lyon, a collectivité à statut particulier, may carry its MET69 form', () => {
  const lyon = { siren: '200046977', name: 'Métropole de Lyon', kind: 'csp', epciForm: 'MET69', code: '200046977', territoryId: 'epci:200046977', departementCode: '69', regionCode: '84' };
  assert.equal(Collectivite.safeParse(lyon).success, true);
});

test('rejects malformed identifiers, kinds, territory ids and bands', () => {
  assert.equal(Collectivite.safeParse({ ...rennes, siren: '21350238' }).success, false);
  assert.equal(Collectivite.safeParse({ ...rennes, kind: 'ccas' }).success, false);
  assert.equal(Collectivite.safeParse({ ...rennes, territoryId: 'commune:3523' }).success, false);
  assert.equal(Collectivite.safeParse({ ...rennes, populationBand: '1000-2000' }).success, false);
  assert.equal(Collectivite.safeParse({ ...rennes, population: -3 }).success, false);
});
