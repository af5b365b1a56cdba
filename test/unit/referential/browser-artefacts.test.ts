import { test } from 'node:test';
import assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';
import { buildBrowserArtefacts } from '../../../src/referential/browser/artefacts.js';
import { ARTEFACT_PATHS } from '../../../src/referential/browser/format.js';
import { shardKeyFor, significantTokens, wordShardKey } from '../../../src/referential/browser/shard-keys.js';
import { searchTokens } from '../../../src/referential/search/normalize.js';
import { referential } from './real-referential.js';

const artefacts = buildBrowserArtefacts(referential);
const size = (value: unknown) => {
  const text = JSON.stringify(value);
  return { raw: Buffer.byteLength(text), gzip: gzipSync(text).length };
};
const kB = 1024;

// Budgets a page can afford on a slow connection: the index once, then one small file per need.
test('the index stays under 100 kB raw and 35 kB gzipped', () => {
  const { raw, gzip } = size(artefacts.index);
  assert.ok(raw < 100 * kB, `index.json is ${raw} bytes`);
  assert.ok(gzip < 35 * kB, `index.json is ${gzip} bytes gzipped`);
});

test('every per-département commune file stays under 60 kB raw and 20 kB gzipped', () => {
  assert.equal(artefacts.departements.size, 101);
  for (const [code, file] of artefacts.departements) {
    const { raw, gzip } = size(file);
    assert.ok(raw < 60 * kB, `communes/${code}.json is ${raw} bytes`);
    assert.ok(gzip < 20 * kB, `communes/${code}.json is ${gzip} bytes gzipped`);
  }
});

test('every search shard stays under 32 kB raw and 12 kB gzipped', () => {
  for (const [key, shard] of artefacts.shards) {
    const { raw, gzip } = size(shard);
    assert.ok(raw < 32 * kB, `search/${key}.json is ${raw} bytes`);
    assert.ok(gzip < 12 * kB, `search/${key}.json is ${gzip} bytes gzipped`);
  }
});

test('every commune is in exactly one département file, with its SIREN and EPCI', () => {
  const seen = new Map<string, number>();
  for (const file of artefacts.departements.values()) for (const [insee] of file.communes) seen.set(insee, (seen.get(insee) ?? 0) + 1);
  assert.equal(seen.size, 34875);
  assert.ok([...seen.values()].every((n) => n === 1));
  const rennes = artefacts.departements.get('35')!.communes.find(([insee]) => insee === '35238');
  assert.deepEqual(rennes, ['35238', 'Rennes', '213502388', referential.population('commune:35238'), '243500139']);
});

test('the index lists every région, département and EPCI with its SIREN', () => {
  assert.equal(artefacts.index.regions.length, 18);
  assert.equal(artefacts.index.departements.length, 101);
  assert.equal(artefacts.index.epcis.length, 1255);
  assert.deepEqual(artefacts.index.departements.find(([code]) => code === '35'), ['35', 'Ille-et-Vilaine', '53', '223500018', referential.population('departement:35')]);
  assert.deepEqual(artefacts.index.epcis.find(([siren]) => siren === '243500139')?.slice(0, 4), ['243500139', 'Rennes Métropole', 'METRO', '35']);
  for (const [key, count] of Object.entries(artefacts.index.shards)) assert.equal(artefacts.shards.get(key)?.length, count);
});

test('a commune is in the shard a query on any of its significant words leads to', () => {
  const keys = Object.keys(artefacts.index.shards);
  const members = new Map([...artefacts.shards].map(([key, rows]) => [key, new Set(rows.map(([insee]) => insee))]));
  const communes = referential.territoriesOfKind('commune');
  // Every 17th commune: a few thousand names, every prefix of every significant word.
  for (let i = 0; i < communes.length; i += 17) {
    const commune = communes[i]!;
    for (const token of significantTokens(searchTokens(commune.name))) {
      for (let length = Math.min(2, token.length); length <= token.length; length++) {
        const key = shardKeyFor(keys, token.slice(0, length));
        if (key !== null) assert.ok(members.get(key)!.has(commune.code), `${commune.name} missing from ${key} for ${token.slice(0, length)}`);
      }
      // The whole word leads at least to the shard of that exact word.
      const key = shardKeyFor(keys, token) ?? wordShardKey(keys, token);
      assert.ok(key !== null && members.get(key)!.has(commune.code), `${commune.name}: no shard for the whole word ${token}`);
    }
  }
});

test('paths of the artefacts are the documented ones', () => {
  assert.equal(ARTEFACT_PATHS.index, 'index.json');
  assert.equal(ARTEFACT_PATHS.departement('2A'), 'communes/2A.json');
  assert.equal(ARTEFACT_PATHS.shard('ren'), 'search/ren.json');
});
