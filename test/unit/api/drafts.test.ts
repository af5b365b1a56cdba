import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createDraftStore } from '../../../src/core/api/drafts.js';
import { createMemoryStorage, type StorageLike } from '../../../src/core/api/storage.js';

type Data = { answers: Record<string, string> };
const ref = { theme: 'cybersecurite', version: '1.0.0', siret: '21350238800019' };
const now = () => Date.parse('2025-03-04T10:30:00.000Z');

test('saves and loads a draft with the time it was saved', () => {
  const drafts = createDraftStore<Data>({ storage: createMemoryStorage(), now });
  const saved = drafts.save(ref, { answers: { q: 'oui' } });
  assert.deepEqual(saved, { savedAt: '2025-03-04T10:30:00.000Z', data: { answers: { q: 'oui' } } });
  assert.deepEqual(drafts.load(ref), saved);
});

test('keys drafts by SIRET, theme and version, with one for the time before the SIRET is known', () => {
  const drafts = createDraftStore<Data>({ storage: createMemoryStorage(), now });
  drafts.save(ref, { answers: { q: 'siret' } });
  drafts.save({ theme: 'cybersecurite', version: '1.0.0' }, { answers: { q: 'anonyme' } });
  assert.equal(drafts.load({ ...ref, version: '2.0.0' }), undefined);
  assert.equal(drafts.load({ ...ref, theme: 'inclusion' }), undefined);
  assert.equal(drafts.load({ ...ref, siret: '21440109300015' }), undefined);
  assert.deepEqual(drafts.load(ref)?.data, { answers: { q: 'siret' } });
  assert.deepEqual(drafts.load({ theme: 'cybersecurite', version: '1.0.0' })?.data, { answers: { q: 'anonyme' } });
  assert.notEqual(drafts.keyOf(ref), drafts.keyOf({ theme: 'cybersecurite', version: '1.0.0' }));
});

test('clear removes one draft only', () => {
  const drafts = createDraftStore<Data>({ storage: createMemoryStorage(), now });
  drafts.save(ref, { answers: {} });
  drafts.save({ ...ref, siret: undefined }, { answers: {} });
  drafts.clear(ref);
  assert.equal(drafts.load(ref), undefined);
  assert.ok(drafts.load({ ...ref, siret: undefined }));
});

test('ignores corrupted or foreign entries instead of throwing', () => {
  const storage = createMemoryStorage();
  const drafts = createDraftStore<Data>({ storage, now });
  const key = drafts.keyOf(ref);
  for (const bad of ['{oops', 'null', '42', '"text"', '{}', '{"format":1,"savedAt":"hier","data":{}}', '{"format":99,"savedAt":"2025-03-04T10:30:00.000Z","data":{}}']) {
    storage.setItem(key, bad);
    assert.equal(drafts.load(ref), undefined, bad);
  }
});

test('lets parse reject or repair stored data, even when it throws', () => {
  const storage = createMemoryStorage();
  const strict = createDraftStore<Data>({
    storage,
    now,
    parse: (data) => {
      const answers = (data as Data).answers;
      if (typeof answers !== 'object') throw new TypeError('no answers');
      return { answers };
    },
  });
  storage.setItem(strict.keyOf(ref), JSON.stringify({ format: 1, savedAt: '2025-03-04T10:30:00.000Z', data: { answers: 'x' } }));
  assert.equal(strict.load(ref), undefined);
  storage.setItem(strict.keyOf(ref), JSON.stringify({ format: 1, savedAt: '2025-03-04T10:30:00.000Z', data: null }));
  assert.equal(strict.load(ref), undefined);
});

test('never throws when the storage refuses to read or write', () => {
  const refusing: StorageLike = {
    getItem: () => {
      throw new Error('SecurityError');
    },
    setItem: () => {
      throw new Error('QuotaExceededError');
    },
    removeItem: () => {
      throw new Error('SecurityError');
    },
  };
  const drafts = createDraftStore<Data>({ storage: refusing, now });
  assert.equal(drafts.save(ref, { answers: {} }), undefined);
  assert.equal(drafts.load(ref), undefined);
  assert.doesNotThrow(() => drafts.clear(ref));
});
