import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { buildShards, shardKeyFor, significantTokens, wordShardKey } from '../../../src/referential/browser/shard-keys.js';

test('common words are not keys unless a name has nothing else', () => {
  assert.deepEqual(significantTokens(['saint', 'etienne', 'du', 'rouvray']), ['etienne', 'rouvray']);
  assert.deepEqual(significantTokens(['le', 'saint']), ['le', 'saint']);
  assert.deepEqual(significantTokens(['y']), ['y']);
});

test('an oversized shard is split on one more letter', () => {
  const tokens = [['marseille'], ['marne'], ['mazan'], ['ma'], ['nice']];
  const shards = buildShards(tokens, 2);
  assert.deepEqual([...shards.keys()].sort(), ['ma', 'mar', 'maz', 'ni']);
  assert.deepEqual(shards.get('mar'), [0, 1]);
  assert.deepEqual(shards.get('ma'), [3]);
});

test('a token too short for the split keys has no complete shard', () => {
  const keys = ['ma', 'mar', 'maz', 'ni'];
  assert.equal(shardKeyFor(keys, 'ma'), null);
  assert.equal(shardKeyFor(keys, 'mars'), 'mar');
  assert.equal(shardKeyFor(keys, 'ni'), 'ni');
  assert.equal(shardKeyFor(keys, 'nice'), 'ni');
  assert.equal(shardKeyFor(keys, 'n'), null);
  assert.equal(shardKeyFor(keys, 'xy'), null);
  // "ma" alone still has the shard of names with the word "ma" itself.
  assert.equal(wordShardKey(keys, 'ma'), 'ma');
  assert.equal(wordShardKey(keys, 'mars'), null);
});

test('whatever the words and the limit, a shard found for a prefix holds every entry with a word starting so', () => {
  const word = fc.stringMatching(/^[abc]{1,6}$/);
  fc.assert(
    fc.property(fc.array(fc.array(word, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 40 }), fc.integer({ min: 1, max: 8 }), (entries, max) => {
      const shards = buildShards(entries, max);
      const keys = [...shards.keys()];
      entries.forEach((tokens, entry) => {
        for (const token of tokens) {
          for (let length = 1; length <= token.length; length++) {
            const key = shardKeyFor(keys, token.slice(0, length));
            if (key !== null) assert.ok(shards.get(key)!.includes(entry));
          }
          // The whole word always leads to a shard holding the entry, at least the one of that exact word.
          const key = shardKeyFor(keys, token) ?? wordShardKey(keys, token);
          assert.ok(key !== null && shards.get(key)!.includes(entry));
        }
      });
    }),
  );
});
