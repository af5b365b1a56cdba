import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createDraftStore } from '../../../src/core/api/drafts.js';
import { createOutbox } from '../../../src/core/api/outbox.js';
import { createMemoryStorage, type StorageLike } from '../../../src/core/api/storage.js';
import { opensElsewhere, receiptKey } from '../../../src/elements/questionnaire/kept.js';

/**
 * Whether a questionnaire opens past its identification step decides, in the element and in the
 * loader, whether its definition and later steps are asked for before anything shows.
 */

/** The shape of the browser's `localStorage` (`length` and `key`, no `keys()`), over a map. */
function webStorage(entries: Record<string, string> = {}): StorageLike & Pick<Storage, 'length' | 'key'> {
  const map = new Map(Object.entries(entries));
  return {
    get length() {
      return map.size;
    },
    key: (index) => [...map.keys()][index] ?? null,
    getItem: (key) => map.get(key) ?? null,
    setItem: (key, value) => void map.set(key, value),
    removeItem: (key) => void map.delete(key),
  };
}

test('nothing kept: the questionnaire opens on its identification step', () => {
  assert.equal(opensElsewhere('cybersecurite', createMemoryStorage()), false);
  assert.equal(opensElsewhere('cybersecurite', webStorage()), false);
});

test('a draft of the theme, of any version and SIRET, opens elsewhere; another theme’s does not', () => {
  for (const storage of [createMemoryStorage(), webStorage()]) {
    const drafts = createDraftStore<{ answers: Record<string, string> }>({ storage });
    drafts.save({ theme: 'inclusion', version: '2.0.0', siret: '21350238800019' }, { answers: {} });
    assert.equal(opensElsewhere('cybersecurite', storage), false);
    drafts.save({ theme: 'cybersecurite', version: '1.0.0' }, { answers: {} });
    assert.equal(opensElsewhere('cybersecurite', storage), true);
  }
});

test('a receipt of the theme opens elsewhere', () => {
  const storage = webStorage({ [receiptKey('inclusion')]: '{}' });
  assert.equal(opensElsewhere('cybersecurite', storage), false);
  storage.setItem(receiptKey('cybersecurite'), '{}');
  assert.equal(opensElsewhere('cybersecurite', storage), true);
});

test('a contribution of the theme waiting in the outbox opens elsewhere', () => {
  const storage = webStorage();
  const outbox = createOutbox<{ theme: string }, unknown>({ storage, send: () => new Promise(() => undefined), onlineEvents: null });
  outbox.enqueue({ theme: 'inclusion' });
  assert.equal(opensElsewhere('cybersecurite', storage), false);
  outbox.enqueue({ theme: 'cybersecurite' });
  assert.equal(opensElsewhere('cybersecurite', storage), true);
});

test('a storage that cannot be read, or an outbox that is not one, keeps nothing', () => {
  const refusing: StorageLike & Pick<Storage, 'length' | 'key'> = {
    ...webStorage(),
    length: 1,
    key: () => {
      throw new Error('SecurityError');
    },
    getItem: () => {
      throw new Error('SecurityError');
    },
  };
  assert.equal(opensElsewhere('cybersecurite', refusing), false);
  assert.equal(opensElsewhere('cybersecurite', webStorage({ 'barometre:outbox': '{not json' })), false);
  assert.equal(opensElsewhere('cybersecurite', webStorage({ 'barometre:outbox': '{"payload":{"theme":"cybersecurite"}}' })), false);
});
