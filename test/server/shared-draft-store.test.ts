import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createHash } from 'node:crypto';
import type { ContributionStore } from '../../src/server/store/types.js';
import type { NewSharedDraft, SharedDraftKey } from '../../src/server/store/shared-drafts.js';
import { MAX_WRONG_CODES } from '../../src/server/security/lockout.js';
import { onStore, openTestStore } from './helpers.js';

/** The store sees only sealed bytes: these tests write recognisable ones. */
const bytes = (text: string) => Buffer.from(text, 'utf8');
const digest = (code: string) => createHash('sha256').update(code).digest();
const KEY: SharedDraftKey = { siren: '213502388', theme: 'cybersecurite' };
const CODE = digest('7KQ4-M2XD');

function draft(overrides: Partial<NewSharedDraft> = {}): NewSharedDraft {
  return {
    ...KEY,
    siret: '21350238800019',
    version: '2.0.0',
    codeHash: CODE,
    createdAt: '2026-01-01T10:00:00.000Z',
    expiresAt: '2026-01-31T10:00:00.000Z',
    entries: [
      { key: 'rssi', sealed: bytes('a1') },
      { key: 'pca_pra', sealed: bytes('b1') },
    ],
    ...overrides,
  };
}

function withStore(run: (store: ContributionStore, openAnother: () => Promise<ContributionStore>) => Promise<void>) {
  return async () => {
    const opened = await openTestStore();
    try {
      await run(opened.store, opened.openAnother);
    } finally {
      await opened.dispose();
    }
  };
}

function summary(access: Awaited<ReturnType<ContributionStore['sharedDrafts']['open']>>) {
  assert.equal(access.kind, 'open');
  if (access.kind !== 'open') return [];
  return access.entries.map((entry) => `${entry.key}@${entry.version}=${entry.sealed.toString('utf8')}`);
}

describe(onStore('shared draft store contract'), () => {
  test('creates a draft once per collectivité and theme, opens it with its code only', withStore(async (store) => {
    const drafts = store.sharedDrafts;
    assert.deepEqual(await drafts.create(draft(), '2026-01-01T10:00:00.000Z'), { kind: 'created' });
    assert.deepEqual(await drafts.create(draft({ codeHash: digest('other') }), '2026-01-01T11:00:00.000Z'), { kind: 'exists' });
    const opened = await drafts.open(KEY, CODE, '2026-01-02T00:00:00.000Z');
    assert.deepEqual(summary(opened), ['pca_pra@1=b1', 'rssi@1=a1']);
    assert.equal(opened.kind === 'open' && opened.draft.expiresAt, '2026-01-31T10:00:00.000Z');
    assert.equal(opened.kind === 'open' && opened.draft.createdAt, '2026-01-01T10:00:00.000Z');
    assert.equal(opened.kind === 'open' && opened.draft.siret, '21350238800019');
    assert.deepEqual(await drafts.open({ ...KEY, theme: 'inclusion' }, CODE, '2026-01-02T00:00:00.000Z'), { kind: 'absent' });
  }));

  test('every change applies, the last one per answer winning; a change made on an older version gives back the answer it replaced', withStore(async (store, openAnother) => {
    const drafts = store.sharedDrafts;
    await drafts.create(draft(), '2026-01-01T10:00:00.000Z');
    const other = await openAnother();
    try {
      // Both read rssi at version 1; both write at once, from two connections.
      const [first, second] = await Promise.all([
        drafts.write(KEY, CODE, [{ key: 'rssi', base: 1, sealed: bytes('a2-first') }], '2026-01-02T10:00:00.000Z'),
        other.sharedDrafts.write(KEY, CODE, [{ key: 'rssi', base: 1, sealed: bytes('a2-second') }, { key: 'nis2', base: 0, sealed: bytes('c1') }], '2026-01-02T10:00:00.001Z'),
      ]);
      assert.equal(first.kind, 'written');
      assert.equal(second.kind, 'written');
      if (first.kind !== 'written' || second.kind !== 'written') return;
      // Whichever reached the draft second replaced the other's rssi, unseen, and is told; nis2 was new.
      const replacedKeys = [first, second].map((result) => result.replaced.map((entry) => entry.key));
      assert.equal(replacedKeys.filter((keys) => keys.includes('rssi')).length, 1);
      assert.ok(!replacedKeys.flat().includes('nis2'));
      const [earlier, later] = first.replaced.length > 0 ? [second, first] : [first, second];
      const earlierValue = earlier === first ? 'a2-first' : 'a2-second';
      const laterValue = later === first ? 'a2-first' : 'a2-second';
      assert.deepEqual(later.replaced.map((entry) => `${entry.key}@${entry.version}=${entry.sealed.toString('utf8')}`), [`rssi@2=${earlierValue}`]);
      const entries = summary(await drafts.open(KEY, CODE, '2026-01-03T00:00:00.000Z'));
      assert.deepEqual(entries, ['nis2@1=c1', 'pca_pra@1=b1', `rssi@3=${laterValue}`]);

      // A late change made on version 1 still wins, and gives back the answers it replaced as they were.
      const late = await drafts.write(KEY, CODE, [{ key: 'rssi', base: 1, sealed: bytes('late') }, { key: 'nis2', base: 0, sealed: bytes('late') }], '2026-01-04T00:00:00.000Z');
      assert.equal(late.kind, 'written');
      if (late.kind !== 'written') return;
      assert.deepEqual(
        late.replaced.map((entry) => [entry.key, entry.version, entry.sealed.toString('utf8')]),
        [['rssi', 3, laterValue], ['nis2', 1, 'c1']],
      );
      assert.equal(late.replaced[0]?.updatedAt, later === first ? '2026-01-02T10:00:00.000Z' : '2026-01-02T10:00:00.001Z');
      assert.deepEqual(summary(await drafts.open(KEY, CODE, '2026-01-05T00:00:00.000Z')), ['nis2@2=late', 'pca_pra@1=b1', 'rssi@4=late']);
      // Made on the current version, a change replaces nothing unseen.
      const seen = await drafts.write(KEY, CODE, [{ key: 'rssi', base: 4, sealed: bytes('seen') }], '2026-01-06T00:00:00.000Z');
      assert.deepEqual(seen.kind === 'written' && seen.replaced, []);
    } finally {
      await other.close();
    }
  }));

  test('wrong codes are counted and lock the draft; while locked even the right code is refused', withStore(async (store) => {
    const drafts = store.sharedDrafts;
    await drafts.create(draft(), '2026-01-01T10:00:00.000Z');
    const wrong = digest('WRONG');
    for (let attempt = 1; attempt < MAX_WRONG_CODES; attempt++) {
      assert.deepEqual(await drafts.open(KEY, wrong, '2026-01-02T10:00:00.000Z'), { kind: 'wrong_code', remainingAttempts: MAX_WRONG_CODES - attempt });
    }
    assert.deepEqual(await drafts.open(KEY, wrong, '2026-01-02T10:00:00.000Z'), { kind: 'code_locked', lockedUntil: '2026-01-02T11:00:00.000Z' });
    assert.deepEqual(await drafts.open(KEY, CODE, '2026-01-02T10:30:00.000Z'), { kind: 'code_locked', lockedUntil: '2026-01-02T11:00:00.000Z' });
    assert.equal((await drafts.write(KEY, CODE, [{ key: 'rssi', base: 1, sealed: bytes('x') }], '2026-01-02T10:30:00.000Z')).kind, 'code_locked');
    // After the lock, the right code opens it and clears the count.
    assert.equal((await drafts.open(KEY, CODE, '2026-01-02T11:00:01.000Z')).kind, 'open');
    assert.deepEqual(await drafts.open(KEY, wrong, '2026-01-02T11:00:02.000Z'), { kind: 'wrong_code', remainingAttempts: MAX_WRONG_CODES - 1 });
  }));

  test('closing erases the answers and keeps why; a new draft may then be created', withStore(async (store) => {
    const drafts = store.sharedDrafts;
    await drafts.create(draft(), '2026-01-01T10:00:00.000Z');
    assert.deepEqual(await drafts.close(KEY, 'deleted', '2026-01-02T00:00:00.000Z', digest('WRONG')), { kind: 'wrong_code', remainingAttempts: MAX_WRONG_CODES - 1 });
    assert.deepEqual(await drafts.close(KEY, 'sent', '2026-01-02T00:00:00.000Z'), { kind: 'done' });
    assert.deepEqual(await drafts.open(KEY, CODE, '2026-01-02T00:00:01.000Z'), { kind: 'closed', reason: 'sent', closedAt: '2026-01-02T00:00:00.000Z' });
    assert.deepEqual(await drafts.close(KEY, 'deleted', '2026-01-02T00:00:02.000Z', CODE), { kind: 'closed', reason: 'sent', closedAt: '2026-01-02T00:00:00.000Z' });
    const next = digest('NEXT');
    assert.deepEqual(
      await drafts.create(draft({ codeHash: next, createdAt: '2026-01-03T00:00:00.000Z', expiresAt: '2026-02-02T00:00:00.000Z', entries: [{ key: 'rssi', sealed: bytes('new') }] }), '2026-01-03T00:00:00.000Z'),
      { kind: 'created' },
    );
    assert.deepEqual(summary(await drafts.open(KEY, next, '2026-01-03T00:00:01.000Z')), ['rssi@1=new']);
    assert.equal((await drafts.open(KEY, CODE, '2026-01-03T00:00:02.000Z')).kind, 'wrong_code');
  }));

  test('an expired draft is closed when reached or purged, its answers erased; old tombstones go', withStore(async (store) => {
    const drafts = store.sharedDrafts;
    await drafts.create(draft(), '2026-01-01T10:00:00.000Z');
    await drafts.create(draft({ theme: 'inclusion' }), '2026-01-01T10:00:00.000Z');
    assert.deepEqual(await drafts.open(KEY, CODE, '2026-01-31T10:00:00.000Z'), { kind: 'closed', reason: 'expired', closedAt: '2026-01-31T10:00:00.000Z' });
    assert.equal(await drafts.purge('2026-02-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z'), 1);
    assert.deepEqual(await drafts.open({ ...KEY, theme: 'inclusion' }, CODE, '2026-02-01T00:00:01.000Z'), {
      kind: 'closed',
      reason: 'expired',
      closedAt: '2026-02-01T00:00:00.000Z',
    });
    // Tombstones closed before the limit are forgotten.
    assert.equal(await drafts.purge('2026-03-15T00:00:00.000Z', '2026-03-01T00:00:00.000Z'), 0);
    assert.deepEqual(await drafts.open(KEY, CODE, '2026-03-15T00:00:01.000Z'), { kind: 'absent' });
    // An expired draft gives way to a new one.
    await drafts.create(draft({ theme: 'communication' }), '2026-01-01T10:00:00.000Z');
    assert.deepEqual(
      await drafts.create(draft({ theme: 'communication', createdAt: '2026-04-01T00:00:00.000Z', expiresAt: '2026-05-01T00:00:00.000Z' }), '2026-04-01T00:00:00.000Z'),
      { kind: 'created' },
    );
  }));
});
