import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Collectivite } from '../../../src/core/schema/collectivite.js';
import { rawCommune, referential, source } from './real-referential.js';

test('a commune by SIREN: Rennes', () => {
  const rennes = referential.collectiviteBySiren('213502388');
  assert.deepEqual(rennes, {
    siren: '213502388',
    name: 'Rennes',
    kind: 'commune',
    code: '35238',
    territoryId: 'commune:35238',
    departementCode: '35',
    regionCode: '53',
    population: rawCommune('35238').population,
    populationBand: '100000+',
  });
  assert.equal(Collectivite.safeParse(rennes).success, true);
});

test('an EPCI by SIREN: Rennes Métropole, with its form and the sum of its members', () => {
  const epci = referential.collectiviteBySiren('243500139')!;
  assert.equal(epci.kind, 'epci');
  assert.equal(epci.name, 'Rennes Métropole');
  assert.equal(epci.epciForm, 'METRO');
  assert.equal(epci.departementCode, '35');
  assert.equal(epci.regionCode, '53');
  const members = source.epci.find((e) => e.code === '243500139')!.membres;
  assert.equal(members.length, 43);
  assert.equal(epci.population, members.reduce((sum, m) => sum + rawCommune(m.code).population!, 0));
});

test('a département and a région by SIREN: Ille-et-Vilaine and Bretagne', () => {
  const departement = referential.collectiviteBySiren('223500018')!;
  assert.equal(departement.kind, 'departement');
  assert.equal(departement.name, 'Ille-et-Vilaine');
  assert.equal(departement.territoryId, 'departement:35');
  assert.equal(departement.regionCode, '53');
  const region = referential.collectiviteBySiren('233500016')!;
  assert.equal(region.kind, 'region');
  assert.equal(region.territoryId, 'region:53');
  assert.equal(region.departementCode, undefined);
  assert.equal(Collectivite.safeParse(region).success, true);
});

test('Paris is the Ville de Paris, a collectivité à statut particulier, not a plain commune', () => {
  const paris = referential.collectiviteBySiren('217500016')!;
  assert.equal(paris.kind, 'csp');
  assert.equal(paris.name, 'Ville de Paris');
  assert.equal(paris.territoryId, 'commune:75056');
  assert.equal(paris.departementCode, '75');
  assert.equal(paris.regionCode, '11');
  assert.equal(paris.population, rawCommune('75056').population);
  // The same body governs the département of Paris.
  assert.equal(referential.territory('departement:75')?.siren, '217500016');
});

test('the Métropole de Lyon is a csp answering for its EPCI territory, with form MET69', () => {
  const lyon = referential.collectiviteBySiren('200046977')!;
  assert.equal(lyon.kind, 'csp');
  assert.equal(lyon.name, 'Métropole de Lyon');
  assert.equal(lyon.epciForm, 'MET69');
  assert.equal(lyon.territoryId, 'epci:200046977');
  assert.equal(lyon.departementCode, '69');
  assert.equal(lyon.regionCode, '84');
  assert.equal(Collectivite.safeParse(lyon).success, true);
});

test('the other special-status bodies resolve to the territory they answer for', () => {
  assert.equal(referential.collectiviteBySiren('200076958')?.territoryId, 'region:94');
  assert.equal(referential.collectiviteBySiren('200094332')?.territoryId, 'departement:67');
  assert.equal(referential.collectiviteBySiren('200055507')?.territoryId, 'region:02');
  assert.equal(referential.collectiviteBySiren('200052678')?.territoryId, 'region:03');
  const mayotte = referential.collectiviteBySiren('229850003')!;
  assert.equal(mayotte.territoryId, 'departement:976');
  assert.equal(mayotte.regionCode, '06');
});

test('a SIRET resolves through its SIREN and is kept on the result', () => {
  const departement = referential.collectiviteBySiret('22350001800013')!;
  assert.equal(departement.siren, '223500018');
  assert.equal(departement.siret, '22350001800013');
  assert.equal(Collectivite.safeParse(departement).success, true);
});

test('invalid or unknown numbers resolve to nothing', () => {
  assert.equal(referential.collectiviteBySiren('213502387'), null); // bad key
  assert.equal(referential.collectiviteBySiren('552100554'), null); // valid SIREN, not a collectivité
  assert.equal(referential.collectiviteBySiret('22350001800014'), null); // bad key
  assert.equal(referential.collectiviteBySiret('223500018'), null); // a SIREN is not a SIRET
});

test('a territory by id: name, code, population, SIREN and parents', () => {
  assert.deepEqual(referential.territory('commune:35238'), {
    id: 'commune:35238',
    kind: 'commune',
    name: 'Rennes',
    code: '35238',
    population: rawCommune('35238').population,
    parentIds: ['epci:243500139', 'departement:35', 'region:53', 'france'],
    siren: '213502388',
  });
  assert.equal(referential.territory('region:53')?.name, 'Bretagne');
  assert.equal(referential.territory('france')?.parentIds.length, 0);
  assert.equal(referential.territory('commune:99999'), null);
  assert.equal(referential.territory('not an id'), null);
});

test('parent chains run up to France', () => {
  assert.deepEqual(referential.parentIds('commune:35238'), ['epci:243500139', 'departement:35', 'region:53', 'france']);
  assert.deepEqual(referential.parentIds('epci:243500139'), ['departement:35', 'region:53', 'france']);
  assert.deepEqual(referential.parentIds('departement:35'), ['region:53', 'france']);
  assert.deepEqual(referential.parentIds('region:53'), ['france']);
  assert.deepEqual(referential.parentIds('france'), []);
  assert.equal(referential.parentIds('region:99'), null);
  assert.deepEqual(referential.parents('departement:35')?.map((t) => t.name), ['Bretagne', 'France']);
});

test('a commune outside any EPCI goes straight to its département', () => {
  assert.deepEqual(referential.parentIds('commune:29155'), ['departement:29', 'region:53', 'france']); // Ouessant
});

test("a commune keeps its own département even when its EPCI's seat lies in another", () => {
  const crossing = referential.territoriesOfKind('commune').find((commune) => {
    const epci = commune.parentIds.find((id) => id.startsWith('epci:'));
    return epci !== undefined && referential.parentIds(epci)![0] !== commune.parentIds[1];
  });
  assert.ok(crossing, 'the geography has EPCI spanning two départements');
  assert.equal(crossing.parentIds[1], `departement:${crossing.code.startsWith('97') ? crossing.code.slice(0, 3) : crossing.code.slice(0, 2)}`);
});

test('populations add up: a région is the sum of its départements, France of its régions', () => {
  const departements = referential.territoriesOfKind('departement').filter((d) => d.parentIds[0] === 'region:53');
  assert.deepEqual(departements.map((d) => d.code), ['22', '29', '35', '56']);
  assert.equal(referential.population('region:53'), departements.reduce((sum, d) => sum + d.population, 0));
  const regions = referential.territoriesOfKind('region');
  assert.equal(referential.population('france'), regions.reduce((sum, r) => sum + r.population, 0));
  const rawTotal = source.communes.filter((c) => c.type === 'commune-actuelle' && c.zone !== 'com').reduce((sum, c) => sum + c.population!, 0);
  assert.equal(referential.population('france'), rawTotal);
  assert.equal(referential.population('epci:000000000'), null);
});

test('member communes of each level', () => {
  const metropole = referential.memberCommunes('epci:243500139')!;
  assert.equal(metropole.length, 43);
  assert.ok(metropole.some((c) => c.name === 'Rennes'));
  const rawIlleEtVilaine = source.communes.filter((c) => c.type === 'commune-actuelle' && c.departement === '35');
  assert.equal(referential.memberCommunes('departement:35')!.length, rawIlleEtVilaine.length);
  const rawBretagne = source.communes.filter((c) => c.type === 'commune-actuelle' && c.region === '53');
  assert.equal(referential.memberCommunes('region:53')!.length, rawBretagne.length);
  assert.deepEqual(referential.memberCommunes('commune:35238')!.map((c) => c.id), ['commune:35238']);
  assert.equal(referential.memberCommunes('france')!.length, 34875);
  assert.equal(referential.memberCommunes('departement:20'), null);
});

test('territories handed out cannot be altered by one caller for the next', () => {
  const rennes = referential.territory('commune:35238')!;
  assert.throws(() => (rennes.parentIds as string[]).push('region:11'));
  assert.deepEqual(referential.parentIds('commune:35238'), ['epci:243500139', 'departement:35', 'region:53', 'france']);
});

test('a council answers for the inhabitants it governs: the Rhône without the Métropole de Lyon, Alsace with both Rhin', () => {
  const sum = (ids: readonly string[]) => ids.reduce((total, id) => total + referential.population(id)!, 0);
  const lyon = referential.collectiviteBySiren('200046977')!;
  assert.equal(lyon.population, referential.population('epci:200046977'));
  const rhone = referential.collectiviteBySiren('226900017')!;
  assert.equal(rhone.kind, 'departement');
  assert.equal(rhone.population, referential.population('departement:69')! - lyon.population);
  assert.ok(rhone.population > 400_000 && rhone.population < 550_000, `${rhone.population}`);
  const alsace = referential.collectiviteBySiren('200094332')!;
  assert.equal(alsace.population, sum(['departement:67', 'departement:68']));
  // Paris governs the commune and the département of one area: counted once.
  assert.equal(referential.collectiviteBySiren('217500016')!.population, referential.population('departement:75'));
  assert.equal(referential.collectiviteBySiren('223300013')!.population, referential.population('departement:33'));
});
