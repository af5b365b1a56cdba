import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compileReferential } from '../../../src/referential/compile.js';
import { data, source } from './real-referential.js';

test('keeps the 34,875 current communes of mainland and overseas départements, and only them', () => {
  assert.equal(data.communes.length, 34875);
  const current = new Set(source.communes.filter((c) => c.type === 'commune-actuelle' && c.zone !== 'com').map((c) => c.code));
  assert.equal(current.size, 34875);
  for (const [insee] of data.communes) assert.ok(current.has(insee), insee);
  // Delegated communes and municipal arrondissements are not collectivités.
  const codes = new Set(data.communes.map(([insee]) => insee));
  assert.equal(codes.has('13201'), false); // Marseille 1er arrondissement
});

test('keeps the 1,255 EPCI, 101 départements and 18 régions', () => {
  assert.equal(data.epcis.length, 1255);
  assert.equal(data.departements.length, 101);
  assert.equal(data.regions.length, 18);
});

test('a commune row carries its SIREN, population and EPCI from the source', () => {
  const rennes = data.communes.find(([insee]) => insee === '35238')!;
  const raw = source.communes.find((c) => c.code === '35238' && c.type === 'commune-actuelle')!;
  assert.equal(rennes[1], 'Rennes');
  assert.equal(rennes[2], '213502388');
  assert.equal(rennes[3], raw.population);
  assert.equal(data.epcis[rennes[4]]![0], '243500139');
});

test('the four island communes outside any EPCI have none', () => {
  const without = data.communes.filter((row) => row[4] === -1).map(([insee]) => insee);
  assert.deepEqual(without.sort(), ['22016', '29083', '29155', '85113']);
});

test('every commune of an EPCI in the source points to that EPCI', () => {
  const epciOf = new Map(data.communes.map((row) => [row[0], row[4] >= 0 ? data.epcis[row[4]]![0] : null]));
  for (const epci of source.epci) for (const member of epci.membres) assert.equal(epciOf.get(member.code), epci.code);
});

test('an EPCI seat is its member that is the highest chef-lieu, else its most populated member', () => {
  const seat = (siren: string) => data.epcis.find(([s]) => s === siren)![3];
  assert.equal(seat('243500139'), '35238'); // Rennes Métropole: Rennes, chef-lieu of the région
  assert.equal(seat('200046977'), '69123'); // Métropole de Lyon: Lyon
  // An EPCI without any chef-lieu among its members sits in its most populated commune.
  const ranks = new Set([...source.arrondissements.map((a) => a.chefLieu), ...source.departements.map((d) => d.chefLieu), ...source.regions.map((r) => r.chefLieu)]);
  const population = new Map(data.communes.map((row) => [row[0], row[3]]));
  const plain = source.epci.find((e) => e.membres.length > 3 && e.membres.every((m) => !ranks.has(m.code)))!;
  const largest = [...plain.membres].sort((a, b) => population.get(b.code)! - population.get(a.code)!)[0]!;
  assert.equal(seat(plain.code), largest.code);
});

test('régions and départements carry the SIREN of the collectivité governing them', () => {
  const departement = (code: string) => data.departements.find(([c]) => c === code)!;
  assert.deepEqual(departement('35'), ['35', 'Ille-et-Vilaine', '53', '223500018']);
  assert.equal(departement('75')[3], '217500016'); // Ville de Paris
  assert.equal(departement('68')[3], '200094332'); // Collectivité européenne d'Alsace
  assert.equal(departement('2B')[3], '200076958'); // Collectivité de Corse
  assert.deepEqual(data.regions.find(([c]) => c === '53'), ['53', 'Bretagne', '233500016']);
});

test('compiling twice gives identical data, and does not touch the source', () => {
  const before = source.communes[0];
  assert.deepEqual(compileReferential(source), data);
  assert.equal(source.communes[0], before);
});

test('refuses a source it cannot trust instead of compiling a wrong referential', () => {
  const withoutPopulation = { ...source, communes: source.communes.map((c) => (c.code === '35238' ? { ...c, population: undefined } : c)) };
  assert.throws(() => compileReferential(withoutPopulation), /35238/);
  const unknownForm = { ...source, epci: [{ code: '200000172', nom: 'X', type: 'SAN', membres: [] }, ...source.epci] };
  assert.throws(() => compileReferential(unknownForm), /legal form/);
  const newDepartement = { ...source, departements: [...source.departements, { code: '99', nom: 'Nouveau', region: '53', chefLieu: '35238', zone: 'metro' as const }] };
  assert.throws(() => compileReferential(newDepartement), /departement:99/);
});
