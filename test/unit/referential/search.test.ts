import { test } from 'node:test';
import assert from 'node:assert/strict';
import { normalizeForSearch } from '../../../src/referential/search/normalize.js';
import { referential } from './real-referential.js';

const firstId = (query: string) => referential.search(query)[0]?.id;

test('names are compared without accents, case, punctuation or abbreviations', () => {
  assert.equal(normalizeForSearch('Saint-Étienne'), 'saint etienne');
  assert.equal(normalizeForSearch('  ST. ÉTIENNE '), 'saint etienne');
  assert.equal(normalizeForSearch("L'Île-d'Yeu"), 'l ile d yeu');
  assert.equal(normalizeForSearch('Œuilly'), 'oeuilly');
  assert.equal(normalizeForSearch('Ste-Maxime'), 'sainte maxime');
  assert.equal(normalizeForSearch('?!'), '');
});

test('"st etienne" finds Saint-Étienne first', () => {
  assert.equal(firstId('st etienne'), 'commune:42218');
  assert.equal(firstId('SAINT-ÉTIENNE'), 'commune:42218');
  assert.equal(firstId('saint étienne'), 'commune:42218');
});

test('an INSEE code finds its commune, a SIREN its collectivité', () => {
  assert.equal(firstId('35238'), 'commune:35238');
  assert.equal(firstId('213502388'), 'commune:35238');
  assert.equal(firstId('243500139'), 'epci:243500139');
  assert.equal(firstId('2A004'), 'commune:2A004'); // Ajaccio
  assert.equal(firstId('2a004'), 'commune:2A004');
});

test('"rennes metropole" finds the EPCI', () => {
  assert.equal(firstId('rennes metropole'), 'epci:243500139');
  assert.equal(firstId('Rennes Métropole'), 'epci:243500139');
});

test('exact names come before prefixes, prefixes before fragments', () => {
  const hits = referential.search('rennes', { limit: 5 }).map((h) => h.id);
  assert.equal(hits[0], 'commune:35238');
  assert.equal(hits[1], 'epci:243500139'); // starts with "rennes", larger than the other Rennes-…
  const lyon = referential.search('lyon', { limit: 20 }).map((h) => h.name);
  assert.equal(lyon[0], 'Lyon');
  // "Lyons-la-Forêt" starts with "lyon"; "Métropole de Lyon" only contains the word.
  assert.ok(lyon.indexOf('Lyons-la-Forêt') < lyon.indexOf('Métropole de Lyon'));
});

test('among equal matches, larger populations first: régions and départements before small communes', () => {
  const bretagne = referential.search('bretagne', { limit: 3 });
  assert.equal(bretagne[0]?.id, 'region:53');
  assert.equal(bretagne[1]?.kind, 'commune');
  assert.ok(bretagne[1]!.population <= bretagne[0]!.population);
  const mayenne = referential.search('mayenne', { limit: 2 }).map((h) => h.id);
  assert.deepEqual(mayenne, ['departement:53', 'commune:53147']);
  // Paris the département and Paris the commune have the same population: the wider comes first.
  assert.deepEqual(referential.search('paris', { limit: 2 }).map((h) => h.id), ['departement:75', 'commune:75056']);
});

test('homonyms are told apart by their département', () => {
  const saintDenis = referential.search('saint-denis', { kinds: ['commune'], limit: 3 });
  assert.ok(saintDenis.every((h) => h.name === 'Saint-Denis'));
  const departements = saintDenis.map((h) => h.departementCode);
  assert.equal(new Set(departements).size, 3);
  assert.ok(departements.includes('974') && departements.includes('93'));
});

test('fragments of words match in any order', () => {
  const hits = referential.search('yeu ile').map((h) => h.id);
  assert.ok(hits.includes('commune:85113'));
  assert.ok(referential.search('metropole rennes').some((h) => h.id === 'epci:243500139'));
});

test('the limit and kinds options narrow the hits', () => {
  assert.equal(referential.search('saint').length, 10);
  assert.equal(referential.search('saint', { limit: 3 }).length, 3);
  assert.equal(referential.search('saint', { limit: 1000 }).length, 100);
  const epcis = referential.search('rennes', { kinds: ['epci'] });
  assert.ok(epcis.length > 0 && epcis.every((h) => h.kind === 'epci'));
});

test('an empty or unmatched query finds nothing', () => {
  assert.deepEqual(referential.search(''), []);
  assert.deepEqual(referential.search(' - '), []);
  assert.deepEqual(referential.search('zzzqqq'), []);
});
