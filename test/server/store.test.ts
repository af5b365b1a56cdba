import assert from 'node:assert/strict';
import { join } from 'node:path';
import { rmSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import { after, describe, test } from 'node:test';
import Database from 'better-sqlite3';
import { Client } from 'pg';
import type { Answers, ThemeId } from '../../src/core/schema/questionnaire.js';
import { MIGRATIONS as POSTGRES_MIGRATIONS } from '../../src/server/store/postgres/migrations.js';
import { PostgresContributionStore } from '../../src/server/store/postgres/postgres-store.js';
import { MIGRATIONS } from '../../src/server/store/sqlite/migrations.js';
import { SqliteContributionStore } from '../../src/server/store/sqlite/sqlite-store.js';
import { newEditCode } from '../../src/server/security/edit-codes.js';
import { hashToken } from '../../src/server/security/tokens.js';
import type {
  BulkRecord,
  ContributionInput,
  ContributionStore,
  PublicationRecord,
  PublicationRow,
  SubmitOutcome,
  SubmitRequest,
} from '../../src/server/store/types.js';
import {
  createTestDatabase,
  cyberAnswers,
  dropTestDatabase,
  holdPublicationLock,
  onStore,
  openTestStore,
  tempDir,
  TEST_STORE,
} from './helpers.js';

/** The edition the contract's contributions answer. */
const EDITION = '2026';

const dir = tempDir();
after(() => rmSync(dir, { recursive: true, force: true }));

function input(siren: string, overrides: Partial<ContributionInput> = {}): ContributionInput {
  return {
    siret: `${siren}00012`,
    siren,
    theme: 'cybersecurite',
    edition: EDITION,
    version: '1.0.0',
    role: 'agent',
    answers: cyberAnswers(),
    placement: {
      name: `Commune ${siren}`,
      kind: 'commune',
      band: '0-499',
      communeCode: '35001',
      epciCode: '243500139',
      departementCode: '35',
      regionCode: '53',
    },
    ...overrides,
  };
}

const respond = (outcome: SubmitOutcome) => ({ status: outcome.kind === 'created' ? 201 : outcome.kind === 'replaced' ? 200 : 409, body: outcome });
let keys = 0;
const claim = () => ({ key: `k${++keys}-${process.pid}-${Date.now()}`, route: 'PUT /x', requestHash: 'h' });

/** A submission of `siren` at `now`, with a fresh key unless one is given. */
function submission(siren: string, now: string, extra: Partial<SubmitRequest> = {}, overrides: Partial<ContributionInput> = {}): SubmitRequest {
  return { contribution: input(siren, overrides), newEditCode: newEditCode(), idempotency: claim(), now, ...extra };
}

function outcomeOf(result: Awaited<ReturnType<ContributionStore['submit']>>): string {
  return result.kind === 'done' ? result.outcome.kind : result.kind;
}

/** A theme's publication rows as `siren@updatedAt`, in the order the store gives them. */
async function stamps(store: ContributionStore, theme: ThemeId = 'cybersecurite'): Promise<string[]> {
  return (await store.publicationRows(theme, { edition: EDITION })).map((row) => `${row.siren}@${row.updatedAt}`);
}

/** What a publication counts of a contribution written with {@link input}'s defaults and these changes. */
function publicationRow(
  siren: string,
  updatedAt: string,
  overrides: { placement?: Partial<ContributionInput['placement']>; version?: string; answers?: Answers } = {},
): PublicationRow {
  const placement = { ...input(siren).placement, ...overrides.placement };
  return {
    siren,
    updatedAt,
    kind: placement.kind,
    band: placement.band,
    communeCode: placement.communeCode,
    epciCode: placement.epciCode,
    departementCode: placement.departementCode,
    regionCode: placement.regionCode,
    version: overrides.version ?? '1.0.0',
    answers: overrides.answers ?? cyberAnswers(),
  };
}

/** A publication with contents of its own: a gzipped JSON document, and bytes of every value. */
function publicationRecord(id: string, publishedAt: string, contributions = 3): PublicationRecord {
  return {
    id,
    publishedAt,
    edition: EDITION,
    contributions,
    figures: gzipSync(JSON.stringify({ id, figures: [1, 2, 3] })),
    ledger: Buffer.from(Array.from({ length: 256 }, (_, byte) => byte)),
  };
}

/** Runs a test on a store of its own, on the database the tests run on. */
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

describe(onStore('store contract'), () => {
  test('replacing with the edit code keeps history; without a code the submission is set aside', withStore(async (store) => {
    const token = newEditCode();
    const first = await store.submit({ contribution: input('200000001'), newEditCode: token, idempotency: claim(), now: '2024-01-01T00:00:00.000Z' }, respond);
    assert.equal(first.kind === 'done' && first.outcome.kind, 'created');
    const replaced = await store.submit(
      { contribution: input('200000001', { role: 'elu' }), presentedCode: token, newEditCode: newEditCode(), idempotency: claim(), now: '2024-02-01T00:00:00.000Z' },
      respond,
    );
    assert.equal(replaced.kind === 'done' && replaced.outcome.kind, 'replaced');
    const pending = await store.submit(
      { contribution: input('200000001', { role: 'agent' }), newEditCode: newEditCode(), idempotency: claim(), now: '2024-03-01T00:00:00.000Z' },
      respond,
    );
    assert.equal(pending.kind === 'done' && pending.outcome.kind, 'pending');
    assert.equal(pending.kind === 'done' && pending.outcome.kind === 'pending' && pending.outcome.existingUpdatedAt, '2024-02-01T00:00:00.000Z');

    const current = await store.get('200000001', 'cybersecurite', EDITION);
    assert.equal(current?.role, 'elu');
    assert.equal(current?.createdAt, '2024-01-01T00:00:00.000Z');
    assert.equal(current?.updatedAt, '2024-02-01T00:00:00.000Z');
    assert.deepEqual(await store.status('200000001', 'cybersecurite', EDITION), { exists: true, updatedAt: '2024-02-01T00:00:00.000Z' });
    assert.deepEqual(await store.status('200000002', 'cybersecurite', EDITION), { exists: false });
    const history = await store.history('200000001', 'cybersecurite', EDITION);
    assert.equal(history.length, 1);
    assert.equal(history[0]!.role, 'agent');
    assert.equal(history[0]!.replacedBy, 'edit_token');
    assert.equal(history[0]!.replacedAt, '2024-02-01T00:00:00.000Z');

    // The administrator accepts the pending one: the current version goes to history too.
    const [waiting] = await store.listPending();
    assert.equal(waiting!.receivedAt, '2024-03-01T00:00:00.000Z');
    assert.equal(waiting!.status, 'pending');
    const adminToken = newEditCode();
    const decision = await store.acceptPending(waiting!.id, adminToken, '2024-04-01T00:00:00.000Z');
    assert.deepEqual(decision, { kind: 'accepted', updatedAt: '2024-04-01T00:00:00.000Z', siret: '20000000100012', theme: 'cybersecurite' });
    assert.deepEqual(await store.acceptPending(waiting!.id, adminToken, '2024-04-02T00:00:00.000Z'), { kind: 'already_decided', status: 'accepted' });
    assert.deepEqual(await store.rejectPending(waiting!.id, '2024-04-02T00:00:00.000Z'), { kind: 'already_decided', status: 'accepted' });
    assert.deepEqual(await store.acceptPending('no-such-id', adminToken, '2024-04-02T00:00:00.000Z'), { kind: 'not_found' });
    assert.deepEqual(await store.rejectPending('nul\u0000id', '2024-04-02T00:00:00.000Z'), { kind: 'not_found' });
    const afterAccept = await store.history('200000001', 'cybersecurite', EDITION);
    assert.deepEqual(afterAccept.map((h) => [h.role, h.replacedBy]), [['agent', 'edit_token'], ['elu', 'admin']]);
    assert.equal((await store.get('200000001', 'cybersecurite', EDITION))?.updatedAt, '2024-04-01T00:00:00.000Z');
    assert.deepEqual(await store.listPending(), []);
    const [decided] = await store.listPending({ all: true });
    assert.equal(decided!.status, 'accepted');
    assert.equal(decided!.decidedAt, '2024-04-01T00:00:00.000Z');
    // The accepted submission's author gets the administrator's new code; the old one is wrong now.
    const byOldToken = await store.submit(submission('200000001', '2024-05-01T00:00:00.000Z', { presentedCode: token }), respond);
    assert.deepEqual(byOldToken, { kind: 'refused', refusal: { kind: 'wrong_code', remainingAttempts: 4 } });
    assert.equal(outcomeOf(await store.submit(submission('200000001', '2024-05-01T00:00:01.000Z'), respond)), 'pending');
    const byNewToken = await store.submit(submission('200000001', '2024-05-02T00:00:00.000Z', { presentedCode: adminToken }), respond);
    assert.equal(outcomeOf(byNewToken), 'replaced');
    // A rejected submission changes nothing.
    const [second] = await store.listPending();
    assert.deepEqual(await store.rejectPending(second!.id, '2024-05-03T00:00:00.000Z'), { kind: 'rejected' });
    assert.equal((await store.get('200000001', 'cybersecurite', EDITION))?.updatedAt, '2024-05-02T00:00:00.000Z');
    assert.deepEqual(await store.listPending(), []);
    assert.equal((await store.listPending({ all: true })).length, 2);
  }));

  test('an idempotency key replays its answer, refuses another request, and is never written twice', withStore(async (store) => {
    const idempotency = { key: 'same-key', route: 'PUT /x', requestHash: 'h1' };
    const first = await store.submit(submission('200000011', '2024-01-01T00:00:00.000Z', { idempotency }), respond);
    assert.equal(outcomeOf(first), 'created');
    const again = await store.submit(submission('200000011', '2024-01-01T00:00:05.000Z', { idempotency }), respond);
    assert.equal(again.kind, 'replay');
    assert.deepEqual(again.kind === 'replay' && again.response, first.kind === 'done' && first.response);
    const reused = await store.submit(submission('200000011', '2024-01-01T00:00:06.000Z', { idempotency: { ...idempotency, requestHash: 'h2' } }), respond);
    assert.equal(reused.kind, 'key_reused');
    assert.equal(await store.count(), 1);
    assert.deepEqual(await store.listPending({ all: true }), []);
  }));

  test('publication rows are the current versions, in SIREN order, placed, with their answers', withStore(async (store) => {
    assert.deepEqual(await store.publicationRows('cybersecurite', { edition: EDITION }), []);
    const token = newEditCode();
    // Written out of SIREN order: the rows come back in it.
    await store.submit(submission('200000022', '2024-01-01T00:00:00.000Z'), respond);
    await store.submit(submission('200000021', '2024-01-01T00:00:01.000Z', { newEditCode: token }), respond);
    assert.deepEqual(await stamps(store), ['200000021@2024-01-01T00:00:01.000Z', '200000022@2024-01-01T00:00:00.000Z']);
    // A submission set aside changes nothing that publications count.
    await store.submit(submission('200000021', '2024-01-02T00:00:00.000Z'), respond);
    assert.deepEqual(await stamps(store), ['200000021@2024-01-01T00:00:01.000Z', '200000022@2024-01-01T00:00:00.000Z']);
    // A replacement that moves the contribution: its new placement, version and answers.
    const finistere = { departementCode: '29', communeCode: '29019' };
    const replacedAnswers = cyberAnswers({ rssi: 'mutualise', sauvegardes: 'reguliere_locale' });
    const moved = await store.submit(
      submission('200000021', '2024-01-03T00:00:00.000Z', { presentedCode: token }, {
        version: '1.1.0',
        answers: replacedAnswers,
        placement: { ...input('200000021').placement, ...finistere },
      }),
      respond,
    );
    assert.equal(outcomeOf(moved), 'replaced');
    const [replaced, untouched] = await store.publicationRows('cybersecurite', { edition: EDITION });
    assert.deepEqual(replaced, publicationRow('200000021', '2024-01-03T00:00:00.000Z', { placement: finistere, version: '1.1.0', answers: replacedAnswers }));
    assert.deepEqual(untouched, publicationRow('200000022', '2024-01-01T00:00:00.000Z'));
    // Nothing personal: no SIRET, name nor e-mail.
    assert.deepEqual(Object.keys(replaced!).sort(), [
      'answers', 'band', 'communeCode', 'departementCode', 'epciCode', 'kind', 'regionCode', 'siren', 'updatedAt', 'version',
    ]);
    // An accepted pending submission (placed in Ille-et-Vilaine) moves it back.
    const [pending] = await store.listPending();
    await store.acceptPending(pending!.id, newEditCode(), '2024-01-04T00:00:00.000Z');
    assert.deepEqual((await store.publicationRows('cybersecurite', { edition: EDITION }))[0], publicationRow('200000021', '2024-01-04T00:00:00.000Z'));
    // A rejection changes nothing.
    await store.submit(submission('200000022', '2024-01-05T00:00:00.000Z'), respond);
    const [other] = await store.listPending();
    await store.rejectPending(other!.id, '2024-01-06T00:00:00.000Z');
    assert.deepEqual(await stamps(store), ['200000021@2024-01-04T00:00:00.000Z', '200000022@2024-01-01T00:00:00.000Z']);
    // A région, above départements, comes back with null codes.
    const region = { kind: 'region', band: null, communeCode: null, epciCode: null, departementCode: null } as const;
    await store.submit(submission('200000020', '2024-01-07T00:00:00.000Z', {}, { placement: { ...input('200000020').placement, ...region } }), respond);
    assert.deepEqual((await store.publicationRows('cybersecurite', { edition: EDITION }))[0], publicationRow('200000020', '2024-01-07T00:00:00.000Z', { placement: region }));
    // Each theme has its own rows.
    await store.submit(submission('200000021', '2024-01-08T00:00:00.000Z', {}, { theme: 'inclusion', answers: { x: 'y' } as unknown as Answers }), respond);
    assert.equal((await store.publicationRows('cybersecurite', { edition: EDITION })).length, 3);
    assert.deepEqual(await store.publicationRows('inclusion', { edition: EDITION }), [
      publicationRow('200000021', '2024-01-08T00:00:00.000Z', { answers: { x: 'y' } as unknown as Answers }),
    ]);
    assert.deepEqual(await store.publicationRows('donnees', { edition: EDITION }), []);
  }));

  test('answers come back as they were written, whatever their text holds', withStore(async (store) => {
    // NUL and a lone surrogate: valid in a JavaScript string, refused by PostgreSQL's jsonb.
    const answers = { ...cyberAnswers(), note: 'a\u0000b \ud800 "quoted" \\ é', nested: { list: ['x', 'y'] } } as unknown as Answers;
    await store.submit(submission('200000031', '2024-01-01T00:00:00.000Z', {}, { answers, contactEmail: 'dpo@example.fr' }), respond);
    const stored = await store.get('200000031', 'cybersecurite', EDITION);
    assert.deepEqual(stored?.answers, answers);
    assert.equal(stored?.contactEmail, 'dpo@example.fr');
    assert.deepEqual(stored?.placement, input('200000031').placement);
    const [row] = await store.publicationRows('cybersecurite', { edition: EDITION });
    assert.deepEqual(row?.answers, answers);
    assert.deepEqual((await store.contributionVersion('200000031', 'cybersecurite', EDITION, '2024-01-01T00:00:00.000Z'))?.answers, answers);
    const [listed] = await store.listContributions('cybersecurite');
    assert.deepEqual(listed?.answers, answers);
    assert.equal(listed?.contactEmail, 'dpo@example.fr');
  }));

  test('two connections to one database agree on who was first', withStore(async (a, openAnother) => {
    const b = await openAnother();
    try {
      const [first, second] = await Promise.all([
        a.submit({ contribution: input('200000009'), newEditCode: newEditCode(), idempotency: claim(), now: '2024-01-01T00:00:00.000Z' }, respond),
        b.submit({ contribution: input('200000009'), newEditCode: newEditCode(), idempotency: claim(), now: '2024-01-01T00:00:01.000Z' }, respond),
      ]);
      const kinds = [first, second].map(outcomeOf).sort();
      assert.deepEqual(kinds, ['created', 'pending']);
      assert.equal((await b.listPending()).length, 1);
      // The same key on both at once: one write, and both hold the same answer.
      const idempotency = { key: 'shared-key', route: 'PUT /x', requestHash: 'h' };
      const results = await Promise.all(
        Array.from({ length: 8 }, (_, i) => (i % 2 ? a : b).submit(submission('200000010', '2024-01-01T00:00:02.000Z', { idempotency }), respond)),
      );
      assert.deepEqual(results.map((r) => r.kind).sort(), ['done', ...Array<string>(7).fill('replay')]);
      const responses = results.map((r) => (r.kind === 'key_reused' || r.kind === 'refused' ? undefined : r.response));
      for (const response of responses) assert.deepEqual(response, responses[0]);
      assert.equal(await a.count(), 2);
      assert.deepEqual((await b.publicationRows('cybersecurite', { edition: EDITION })).map((row) => row.siren), ['200000009', '200000010']);
    } finally {
      await b.close();
    }
  }));

  test('bulk inserts skip collectivités that already answered', withStore(async (store) => {
    const at = '2024-01-01T00:00:00.000Z';
    const record = (siren: string, placement: Partial<ContributionInput['placement']> = {}): BulkRecord => {
      const base = input(siren);
      return { ...base, placement: { ...base.placement, ...placement }, createdAt: at, updatedAt: at, editTokenHash: hashToken(siren) };
    };
    const inserted = await store.bulkInsert([
      record('200000001'),
      record('200000001'),
      record('200000002', { departementCode: '29', communeCode: '29019', epciCode: null }),
      record('200000003', { kind: 'epci', band: '100000+', communeCode: null, epciCode: '200000003', regionCode: '52', departementCode: '44' }),
    ]);
    assert.equal(inserted, 3);
    // Each with its own placement and dates.
    assert.deepEqual(await store.publicationRows('cybersecurite', { edition: EDITION }), [
      publicationRow('200000001', at),
      publicationRow('200000002', at, { placement: { departementCode: '29', communeCode: '29019', epciCode: null } }),
      publicationRow('200000003', at, {
        placement: { kind: 'epci', band: '100000+', communeCode: null, epciCode: '200000003', regionCode: '52', departementCode: '44' },
      }),
    ]);
    assert.equal(await store.count(), 3);
    assert.equal(await store.count('cybersecurite'), 3);
    assert.equal(await store.count('inclusion'), 0);
    assert.deepEqual(await store.countByTheme(), { cybersecurite: 3 });
    // Again: nothing new, nothing changed.
    assert.equal(await store.bulkInsert([record('200000002'), record('200000003')]), 0);
    assert.equal((await store.publicationRows('cybersecurite', { edition: EDITION }))[1]?.departementCode, '29');
    // The export lists by SIRET.
    assert.deepEqual((await store.listContributions('cybersecurite')).map((r) => r.siren), ['200000001', '200000002', '200000003']);
    // A generator is read once, in batches.
    function* many() {
      for (let i = 0; i < 4500; i++) yield record(String(300000000 + i));
    }
    assert.equal(await store.bulkInsert(many()), 4500);
    assert.equal(await store.count(), 4503);
    assert.equal((await store.publicationRows('cybersecurite', { edition: EDITION })).filter((row) => row.departementCode === '35').length, 4501);
  }));
});

/** The last schema step of the release before publications, when block revisions were kept. */
const BEFORE_PUBLICATIONS = 3;

/**
 * A contribution replaced once, as the release before publications wrote it: the row, its
 * history and its block's revision. Values in the order of {@link OLD_ROWS}' placeholders.
 */
const OLD_ROWS = {
  contribution: `INSERT INTO contributions (siren, siret, theme, version, role, answers, edit_token_hash, name, kind, band,
      commune_code, epci_code, departement_code, region_code, created_at, updated_at)
    VALUES ('200000051', '20000005100012', 'cybersecurite', '1.0.0', 'agent', $1, $2, 'Commune 200000051', 'commune', '0-499',
      '35001', '243500139', '35', '53', '2024-01-01T00:00:00.000Z', '2024-02-01T00:00:00.000Z')`,
  history: `INSERT INTO contribution_history (siren, siret, theme, version, role, answers, name, kind, band,
      commune_code, epci_code, departement_code, region_code, created_at, updated_at, replaced_at, replaced_by)
    VALUES ('200000051', '20000005100012', 'cybersecurite', '1.0.0', 'elu', $1, 'Commune 200000051', 'commune', '0-499',
      '29019', '242900314', '29', '53', '2024-01-01T00:00:00.000Z', '2024-01-01T00:00:00.000Z', '2024-02-01T00:00:00.000Z', 'edit_token')`,
  block: `INSERT INTO block_revisions (theme, region_code, departement_code, band, revision) VALUES ('cybersecurite', '53', '35', '0-499', 2)`,
  /** Written while the 2026 edition's first wave was open. */
  recent: `INSERT INTO contributions (siren, siret, theme, version, role, answers, edit_token_hash, name, kind, band,
      commune_code, epci_code, departement_code, region_code, created_at, updated_at)
    VALUES ('200000051', '20000005100012', 'inclusion', '1.0.0', 'agent', $1, $2, 'Commune 200000051', 'commune', '0-499',
      '35001', '243500139', '35', '53', '2026-03-02T09:00:00.000Z', '2026-03-02T09:00:00.000Z')`,
};

/** Checks a store upgraded from {@link OLD_ROWS}: everything kept, publications at hand. */
async function checkUpgraded(store: ContributionStore): Promise<void> {
  // Written before any wave opened: the oldest edition; written in a 2026 wave: that edition.
  const oldest = '2025';
  assert.deepEqual(await store.publicationRows('cybersecurite', { edition: oldest }), [publicationRow('200000051', '2024-02-01T00:00:00.000Z')]);
  assert.deepEqual(await store.publicationRows('cybersecurite', { edition: '2026' }), []);
  assert.equal((await store.status('200000051', 'inclusion', '2026')).exists, true);
  assert.equal((await store.status('200000051', 'inclusion', oldest)).exists, false);
  const previous = await store.contributionVersion('200000051', 'cybersecurite', oldest, '2024-01-01T00:00:00.000Z');
  assert.equal(previous?.departementCode, '29');
  assert.equal((await store.history('200000051', 'cybersecurite', oldest))[0]?.role, 'elu');
  assert.deepEqual(await store.history('200000051', 'cybersecurite', '2026'), []);
  assert.equal(await store.latestPublication(), undefined);
  await store.savePublication(publicationRecord('p1', '2024-03-01T00:00:00.000Z'));
  assert.equal((await store.latestPublication())?.id, 'p1');
}

describe(onStore('store publications'), () => {
  test('a contribution\'s versions are found by their stamp, current or in history', withStore(async (store) => {
    const token = newEditCode();
    const first = '2024-01-01T00:00:00.000Z';
    const second = '2024-02-01T00:00:00.000Z';
    const third = '2024-03-01T00:00:00.000Z';
    const finistere = { departementCode: '29', communeCode: '29019' };
    const secondAnswers = cyberAnswers({ rssi: 'interne' });
    await store.submit(submission('200000041', first, { newEditCode: token }), respond);
    await store.submit(
      submission('200000041', second, { presentedCode: token }, {
        version: '1.1.0',
        answers: secondAnswers,
        placement: { ...input('200000041').placement, ...finistere },
      }),
      respond,
    );
    assert.deepEqual(await store.contributionVersion('200000041', 'cybersecurite', EDITION, second), (await store.publicationRows('cybersecurite', { edition: EDITION }))[0]);
    assert.deepEqual(await store.contributionVersion('200000041', 'cybersecurite', EDITION, first), publicationRow('200000041', first));
    // Replaced again, by an administrator: the version it replaced is now in history, as it was.
    await store.submit(submission('200000041', third), respond);
    const [pending] = await store.listPending();
    const accepted = '2024-04-01T00:00:00.000Z';
    await store.acceptPending(pending!.id, newEditCode(), accepted);
    assert.deepEqual(
      await store.contributionVersion('200000041', 'cybersecurite', EDITION, second),
      publicationRow('200000041', second, { placement: finistere, version: '1.1.0', answers: secondAnswers }),
    );
    assert.deepEqual(await store.contributionVersion('200000041', 'cybersecurite', EDITION, first), publicationRow('200000041', first));
    assert.deepEqual(await store.contributionVersion('200000041', 'cybersecurite', EDITION, accepted), publicationRow('200000041', accepted));
    // A set-aside submission's stamp is no version; nor a stamp never written, elsewhere, or unreadable.
    assert.equal(await store.contributionVersion('200000041', 'cybersecurite', EDITION, third), undefined);
    assert.equal(await store.contributionVersion('200000041', 'cybersecurite', EDITION, '2024-05-01T00:00:00.000Z'), undefined);
    assert.equal(await store.contributionVersion('200000041', 'inclusion', EDITION, first), undefined);
    assert.equal(await store.contributionVersion('200000042', 'cybersecurite', EDITION, first), undefined);
    assert.equal(await store.contributionVersion('200000041', 'cybersecurite', EDITION, 'not a date'), undefined);
    assert.equal(await store.contributionVersion('200000041\u0000', 'cybersecurite', EDITION, first), undefined);
  }));

  test('publications are saved, listed newest first, read back byte for byte, and pruned', withStore(async (store) => {
    assert.equal(await store.latestPublication(), undefined);
    assert.deepEqual(await store.listPublications(), []);
    assert.equal(await store.publication('none'), undefined);
    assert.equal(await store.prunePublications(1), 0);
    // Saved out of order; two of the same instant are told apart by their id.
    const b = publicationRecord('2026-01-02T00-00-00-000Z', '2026-01-02T00:00:00.000Z', 12);
    const a = publicationRecord('2026-01-01T00-00-00-000Z', '2026-01-01T00:00:00.000Z', 10);
    const c = publicationRecord('2026-01-03T00-00-00-000Z', '2026-01-03T00:00:00.123Z', 0);
    const d = { ...publicationRecord('2026-01-03T00-00-00-000Z-2', '2026-01-03T00:00:00.123Z', 15), figures: Buffer.alloc(0) };
    for (const record of [b, a, d, c]) await store.savePublication(record);
    const summary = ({ id, publishedAt, edition, contributions }: PublicationRecord) => ({ id, publishedAt, edition, contributions });
    assert.deepEqual(await store.latestPublication(), summary(d));
    assert.deepEqual(await store.listPublications(), [d, c, b, a].map(summary));
    // Contents come back as Buffers holding exactly the bytes saved, an empty one included.
    for (const record of [a, b, c, d]) {
      const read = await store.publication(record.id);
      assert.ok(read && Buffer.isBuffer(read.figures) && Buffer.isBuffer(read.ledger));
      assert.deepEqual(read, record);
    }
    assert.deepEqual(JSON.parse(gunzipSync((await store.publication(a.id))!.figures).toString()), { id: a.id, figures: [1, 2, 3] });
    assert.equal(await store.publication('nul\u0000id'), undefined);
    // An id is never reused; a date must be an ISO instant, which both databases give back as saved.
    await assert.rejects(store.savePublication({ ...a, publishedAt: '2027-01-01T00:00:00.000Z' }));
    assert.deepEqual(await store.publication(a.id), a);
    await assert.rejects(store.savePublication(publicationRecord('e', '2027-01-01T00:00:00Z')), /ISO instant/);
    await assert.rejects(store.savePublication(publicationRecord('e', 'tomorrow')), /ISO instant/);
    await assert.rejects(store.savePublication(publicationRecord('e', '2027-01-01T00:00:00.000Z', -1)), /whole number/);
    assert.equal((await store.listPublications()).length, 4);
    // Pruning keeps the newest and says how many went.
    assert.equal(await store.prunePublications(2), 2);
    assert.deepEqual(await store.listPublications(), [d, c].map(summary));
    assert.equal(await store.publication(a.id), undefined);
    assert.equal(await store.prunePublications(5), 0);
    // Below one keeps one: the newest is always kept.
    assert.equal(await store.prunePublications(0), 1);
    assert.deepEqual(await store.listPublications(), [summary(d)]);
    assert.equal(await store.prunePublications(-3), 0);
    assert.equal(await store.prunePublications(Number.NaN), 0);
    assert.deepEqual(await store.publication(d.id), d);
  }));

  test('each edition has its newest publication, and pruning one edition keeps the other\'s', withStore(async (store) => {
    const final2025 = { ...publicationRecord('2026-01-10T00-00-00-000Z', '2026-01-10T00:00:00.000Z', 40), edition: '2025' };
    const first2026 = publicationRecord('2026-01-05T00-00-00-000Z', '2026-01-05T00:00:00.000Z', 3);
    const second2026 = publicationRecord('2026-01-20T00-00-00-000Z', '2026-01-20T00:00:00.000Z', 5);
    for (const record of [first2026, final2025, second2026]) await store.savePublication(record);
    assert.equal((await store.latestPublication('2025'))?.id, final2025.id);
    assert.equal((await store.latestPublication('2026'))?.id, second2026.id);
    assert.equal((await store.latestPublication())?.id, second2026.id);
    assert.equal(await store.latestPublication('2027'), undefined);
    assert.equal(await store.prunePublications(1, '2026'), 1);
    assert.deepEqual((await store.listPublications()).map((p) => `${p.edition}:${p.id}`), [`2026:${second2026.id}`, `2025:${final2025.id}`]);
  }));

  test('one contribution per collectivité, theme and edition: each edition is answered, replaced and counted apart', withStore(async (store) => {
    const code2025 = newEditCode();
    assert.equal(outcomeOf(await store.submit(submission('200000061', '2025-03-01T10:00:00.000Z', { newEditCode: code2025 }, { edition: '2025' }), respond)), 'created');
    // The same collectivité and theme in the next edition is a first answer, not a conflict.
    assert.equal(outcomeOf(await store.submit(submission('200000061', '2026-03-01T10:00:00.000Z'), respond)), 'created');
    // The 2025 code opens the 2025 contribution only.
    const replaced = await store.submit(submission('200000061', '2026-03-02T10:00:00.000Z', { presentedCode: code2025 }), respond);
    assert.equal(replaced.kind, 'refused');
    assert.equal((await store.get('200000061', 'cybersecurite', '2025'))?.createdAt, '2025-03-01T10:00:00.000Z');
    assert.equal((await store.get('200000061', 'cybersecurite', '2026'))?.edition, '2026');
    assert.equal(await store.count('cybersecurite', '2025'), 1);
    assert.equal(await store.count('cybersecurite', '2026'), 1);
    assert.equal(await store.count(), 2);
    assert.deepEqual((await store.publicationRows('cybersecurite', { edition: '2025' })).map((row) => row.updatedAt), ['2025-03-01T10:00:00.000Z']);
    // Without a code, a second 2026 answer waits for review against the 2026 contribution.
    const pending = await store.submit(submission('200000061', '2026-03-03T10:00:00.000Z'), respond);
    assert.equal(outcomeOf(pending), 'pending');
    assert.deepEqual((await store.listPending()).map((record) => record.edition), ['2026']);
  }));

  test('one task at a time holds the publication lock, which is free again however it ends', withStore(async (store) => {
    const first = await holdPublicationLock(store, 'first');
    assert.deepEqual(await store.withPublicationLock(async () => 'second'), { ran: false });
    first.release();
    assert.deepEqual(await first.result, { ran: true, value: 'first' });
    assert.deepEqual(await store.withPublicationLock(async () => 'third'), { ran: true, value: 'third' });
    // A task that throws: its error comes through, and the lock is released.
    const failing = await holdPublicationLock(store, 'failing', true);
    assert.deepEqual(await store.withPublicationLock(async () => 'meanwhile'), { ran: false });
    failing.release();
    await assert.rejects(failing.result, /the publication failed/);
    assert.deepEqual(await store.withPublicationLock(async () => 'after'), { ran: true, value: 'after' });
    // A task may use the store while it holds the lock.
    await store.submit(submission('200000061', '2024-01-01T00:00:00.000Z'), respond);
    assert.deepEqual(
      await store.withPublicationLock(async () => (await store.publicationRows('cybersecurite', { edition: EDITION })).length),
      { ran: true, value: 1 },
    );
  }));
});

if (TEST_STORE === 'sqlite') describe('SQLite store', () => {
  test('creates its schema with numbered migrations, WAL and synchronous=FULL', async () => {
    const path = join(dir, 'schema.db');
    const store = SqliteContributionStore.open({ path });
    await store.close();
    // Opening again applies nothing twice.
    await SqliteContributionStore.open({ path }).close();
    const db = new Database(path, { readonly: true });
    try {
      const versions = db.prepare('SELECT version FROM schema_version ORDER BY version').all() as { version: number }[];
      assert.deepEqual(versions.map((v) => v.version), MIGRATIONS.map((m) => m.version));
      assert.equal(db.pragma('journal_mode', { simple: true }), 'wal');
      const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((t) => t.name);
      for (const table of ['contributions', 'contribution_history', 'pending_submissions', 'idempotency_keys', 'admin_actions', 'publications']) {
        assert.ok(tables.includes(table), table);
      }
      assert.ok(!tables.includes('block_revisions'), 'block revisions are gone');
    } finally {
      db.close();
    }
    // synchronous is a setting of the connection, so ask the store's own.
    const open = SqliteContributionStore.open({ path: join(dir, 'pragma.db') });
    try {
      assert.deepEqual(open.durability(), { journalMode: 'wal', synchronous: 'full' });
    } finally {
      await open.close();
    }
  });

  test('upgrades a database of the previous release: block revisions dropped, publications added, contributions kept', async () => {
    const path = join(dir, 'previous.db');
    const db = new Database(path);
    try {
      // As the previous release's migrate() left it.
      db.exec('CREATE TABLE schema_version (version INTEGER NOT NULL, applied_at TEXT NOT NULL, description TEXT NOT NULL)');
      for (const step of MIGRATIONS.filter((m) => m.version <= BEFORE_PUBLICATIONS)) {
        db.exec(step.sql);
        db.prepare('INSERT INTO schema_version (version, applied_at, description) VALUES (?, ?, ?)').run(step.version, 'then', step.description);
      }
      // To SQLite, $1 and $2 are parameters named "1" and "2".
      db.prepare(OLD_ROWS.contribution).run({ 1: JSON.stringify(cyberAnswers()), 2: hashToken('old') });
      db.prepare(OLD_ROWS.recent).run({ 1: JSON.stringify(cyberAnswers()), 2: hashToken('old') });
      db.prepare(OLD_ROWS.history).run({ 1: JSON.stringify(cyberAnswers({ rssi: 'interne' })) });
      db.exec(OLD_ROWS.block);
    } finally {
      db.close();
    }
    const store = SqliteContributionStore.open({ path });
    try {
      await checkUpgraded(store);
    } finally {
      await store.close();
    }
    const upgraded = new Database(path, { readonly: true });
    try {
      const versions = upgraded.prepare('SELECT version FROM schema_version ORDER BY version').all() as { version: number }[];
      assert.deepEqual(versions.map((v) => v.version), MIGRATIONS.map((m) => m.version));
      const names = (upgraded.prepare('SELECT name FROM sqlite_master').all() as { name: string }[]).map((t) => t.name);
      assert.ok(names.includes('publications'));
      assert.ok(!names.includes('block_revisions'));
      assert.ok(!names.includes('contributions_theme_block'), 'the index that read blocks is gone');
    } finally {
      upgraded.close();
    }
  });

  test('refuses a database from a newer release', async () => {
    const path = join(dir, 'newer.db');
    await SqliteContributionStore.open({ path }).close();
    const db = new Database(path);
    db.prepare('INSERT INTO schema_version (version, applied_at, description) VALUES (?, ?, ?)').run(999, 'now', 'future');
    db.close();
    assert.throws(() => SqliteContributionStore.open({ path }), /newer/);
  });
});

if (TEST_STORE === 'postgres') describe('PostgreSQL store', () => {
  /** Runs SQL on a test database directly. */
  async function withClient<T>(url: string, run: (client: Client) => Promise<T>): Promise<T> {
    const client = new Client({ connectionString: url });
    await client.connect();
    try {
      return await run(client);
    } finally {
      await client.end();
    }
  }

  test('creates its schema with numbered migrations, applied once by instances starting together', async () => {
    const { name, url } = await createTestDatabase();
    try {
      // Five instances start at once on an empty database: the advisory lock makes them take turns.
      const stores = await Promise.all(Array.from({ length: 5 }, () => PostgresContributionStore.open({ url, poolSize: 2 })));
      await Promise.all(stores.map((store) => store.close()));
      await (await PostgresContributionStore.open({ url })).close();
      await withClient(url, async (client) => {
        const versions = await client.query<{ version: number }>('SELECT version FROM schema_version ORDER BY version');
        assert.deepEqual(versions.rows.map((v) => v.version), POSTGRES_MIGRATIONS.map((m) => m.version));
        assert.deepEqual(POSTGRES_MIGRATIONS.map((m) => m.version), MIGRATIONS.map((m) => m.version), 'the same steps as SQLite');
        const columns = await client.query<{ table_name: string; column_name: string; data_type: string }>(
          "SELECT table_name, column_name, data_type FROM information_schema.columns WHERE table_schema = 'public'",
        );
        const type = (table: string, column: string) => columns.rows.find((c) => c.table_name === table && c.column_name === column)?.data_type;
        for (const table of ['contributions', 'contribution_history', 'pending_submissions', 'idempotency_keys', 'admin_actions', 'publications']) {
          assert.ok(columns.rows.some((c) => c.table_name === table), table);
        }
        assert.ok(!columns.rows.some((c) => c.table_name === 'block_revisions'), 'block revisions are gone');
        assert.equal(type('contributions', 'edit_token_hash'), 'bytea');
        assert.equal(type('idempotency_keys', 'key_hash'), 'bytea');
        assert.equal(type('idempotency_keys', 'sealed_response'), 'bytea');
        assert.equal(type('contributions', 'updated_at'), 'timestamp with time zone');
        assert.equal(type('publications', 'published_at'), 'timestamp with time zone');
        assert.equal(type('publications', 'figures'), 'bytea');
        assert.equal(type('publications', 'ledger'), 'bytea');
      });
    } finally {
      await dropTestDatabase(name);
    }
  });

  test('upgrades a database of the previous release: block revisions dropped, publications added, contributions kept', async () => {
    const { name, url } = await createTestDatabase();
    try {
      await withClient(url, async (client) => {
        // As the previous release's migrate() left it.
        await client.query('CREATE TABLE schema_version (version integer NOT NULL, applied_at timestamptz NOT NULL, description text NOT NULL)');
        for (const step of POSTGRES_MIGRATIONS.filter((m) => m.version <= BEFORE_PUBLICATIONS)) {
          await client.query(step.sql);
          await client.query('INSERT INTO schema_version (version, applied_at, description) VALUES ($1, now(), $2)', [step.version, step.description]);
        }
        await client.query(OLD_ROWS.contribution, [JSON.stringify(cyberAnswers()), hashToken('old')]);
        await client.query(OLD_ROWS.recent, [JSON.stringify(cyberAnswers()), hashToken('old')]);
        await client.query(OLD_ROWS.history, [JSON.stringify(cyberAnswers({ rssi: 'interne' }))]);
        await client.query(OLD_ROWS.block);
      });
      const store = await PostgresContributionStore.open({ url });
      try {
        await checkUpgraded(store);
      } finally {
        await store.close();
      }
      await withClient(url, async (client) => {
        const versions = await client.query<{ version: number }>('SELECT version FROM schema_version ORDER BY version');
        assert.deepEqual(versions.rows.map((v) => v.version), POSTGRES_MIGRATIONS.map((m) => m.version));
        const found = await client.query<{ name: string | null }>(
          "SELECT to_regclass('publications')::text AS name UNION ALL SELECT to_regclass('block_revisions')::text UNION ALL SELECT to_regclass('contributions_theme_block')::text",
        );
        assert.deepEqual(found.rows.map((row) => row.name), ['publications', null, null]);
      });
    } finally {
      await dropTestDatabase(name);
    }
  });

  test('refuses a database from a newer release', async () => {
    const { name, url } = await createTestDatabase();
    try {
      await (await PostgresContributionStore.open({ url })).close();
      await withClient(url, (client) =>
        client.query("INSERT INTO schema_version (version, applied_at, description) VALUES (999, now(), 'future')"),
      );
      await assert.rejects(PostgresContributionStore.open({ url }), /newer/);
    } finally {
      await dropTestDatabase(name);
    }
  });

  test('two instances on one database never hold the publication lock at once', withStore(async (a, openAnother) => {
    const b = await openAnother();
    try {
      const held = await holdPublicationLock(a, 'a');
      assert.deepEqual(await b.withPublicationLock(async () => 'b'), { ran: false });
      held.release();
      assert.deepEqual(await held.result, { ran: true, value: 'a' });
      const other = await holdPublicationLock(b, 'b');
      assert.deepEqual(await a.withPublicationLock(async () => 'a'), { ran: false });
      other.release();
      await other.result;
      // A task that threw left no lock behind on a connection of its pool: no session holds it.
      const failing = await holdPublicationLock(a, 'a', true);
      assert.deepEqual(await b.withPublicationLock(async () => 'b'), { ran: false });
      failing.release();
      await assert.rejects(failing.result);
      assert.deepEqual(await b.withPublicationLock(async () => 'b'), { ran: true, value: 'b' });
    } finally {
      await b.close();
    }
  }));

  test('a failed connection says so without the password', async () => {
    const url = new URL(process.env.BAROMETRE_TEST_DATABASE_URL!);
    url.password = 'not-the-password-s3cr3t';
    await assert.rejects(PostgresContributionStore.open({ url: url.toString() }), (error: Error) => {
      assert.doesNotMatch(error.message, /s3cr3t/);
      return true;
    });
  });
});
