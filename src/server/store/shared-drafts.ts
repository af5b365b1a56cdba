import { timingSafeEqual } from 'node:crypto';
import type { ThemeId } from '../../core/schema/questionnaire.js';
import { afterWrongCode, isLocked, MAX_WRONG_CODES } from '../security/lockout.js';
import { step, type Maybe, type Sequence } from './steps.js';

/**
 * Shared drafts in storage: one per collectivité (SIREN) and theme at a time, opened by the
 * digest of its share code, with one row per answer. The store never sees an answer: each
 * arrives sealed (`shared-drafts/seal.ts`) and leaves as it came. It keeps, per answer, a version
 * that each change raises by one. Every change is applied, in the order writes reach the draft
 * (the last change per question wins); one made against an older version than the answer's
 * replaced an answer its writer had not seen, and the write gives that answer back as it was so
 * that the writer can be told whose it was. The colleague whose answer was replaced finds the
 * higher version at their next read. The rules are written once here, as sequences both stores
 * run inside one transaction of theirs (see `steps.ts`).
 *
 * A draft that is sent, deleted or past its expiry loses its answers at once; its row stays as a
 * tombstone (collectivité, theme, dates, why it closed: nothing personal) so that a colleague's
 * page can say what became of it, until {@link SharedDraftStore.purge} removes it.
 */

/** Which draft: the collectivité's SIREN and the theme. */
export interface SharedDraftKey {
  siren: string;
  theme: ThemeId;
}

/** One answer as stored: sealed value and author, with its version. */
export interface SharedEntryRecord {
  /** The answer key: a question id, or `<id>.autre`. */
  key: string;
  version: number;
  sealed: Buffer;
  updatedAt: string;
}

/** What the store keeps of a draft, besides its answers. */
export interface SharedDraftInfo {
  siret: string;
  /** The questionnaire version its answers follow. */
  version: string;
  createdAt: string;
  expiresAt: string;
}

/** A draft to create, with its first answers. */
export interface NewSharedDraft extends SharedDraftKey, SharedDraftInfo {
  codeHash: Buffer;
  entries: { key: string; sealed: Buffer }[];
}

/** One change to an answer: sealed, and made against version `base` (0: its writer saw no answer). */
export interface SharedChangeRecord {
  key: string;
  base: number;
  sealed: Buffer;
}

/** Why a draft is closed. */
export type SharedDraftClosure = 'sent' | 'deleted' | 'expired';

/** What presenting a code to a draft gives. */
export type SharedDraftAccess =
  | { kind: 'open'; draft: SharedDraftInfo; entries: SharedEntryRecord[] }
  | { kind: 'absent' }
  | { kind: 'closed'; reason: SharedDraftClosure; closedAt: string }
  /** Not the draft's code; `remainingAttempts` before the lock-out. */
  | { kind: 'wrong_code'; remainingAttempts: number }
  /** Too many wrong codes: none is checked until `lockedUntil`. */
  | { kind: 'code_locked'; lockedUntil: string };

/**
 * What a write gives: the draft as it is after it, and the answers its changes replaced unseen
 * (changes made against an older version), as they were before the write.
 */
export type SharedDraftWriteResult =
  | Exclude<SharedDraftAccess, { kind: 'open' }>
  | { kind: 'written'; draft: SharedDraftInfo; entries: SharedEntryRecord[]; replaced: SharedEntryRecord[] };

/** The shared drafts' part of the store. */
export interface SharedDraftStore {
  /**
   * Creates a draft with its first answers (each at version 1). A draft of the same collectivité
   * and theme that is open and not expired stays: `exists`. One closed or expired is replaced.
   */
  create(draft: NewSharedDraft, now: string): Promise<{ kind: 'created' } | { kind: 'exists' }>;
  /** The draft and its answers, if `codeHash` is its code's digest; wrong codes count towards the lock-out. */
  open(key: SharedDraftKey, codeHash: Buffer, now: string): Promise<SharedDraftAccess>;
  /** Applies every change; those made against an older version give back the answer they replaced. */
  write(key: SharedDraftKey, codeHash: Buffer, changes: readonly SharedChangeRecord[], now: string): Promise<SharedDraftWriteResult>;
  /**
   * Closes an open draft and deletes its answers: `deleted` by whoever holds its code, `sent` when
   * the collectivité's contribution is stored (no code is asked then). Gives `{ kind: 'done' }`,
   * or why it could not (absent, closed already, a wrong code).
   */
  close(key: SharedDraftKey, reason: 'sent' | 'deleted', now: string, codeHash?: Buffer): Promise<{ kind: 'done' } | Exclude<SharedDraftAccess, { kind: 'open' }>>;
  /**
   * Closes every draft past its expiry (deleting its answers) and removes the tombstones of drafts
   * closed before `forgetBefore`. Gives how many drafts expired now.
   */
  purge(now: string, forgetBefore: string): Promise<number>;
}

/** A draft's row, in a store whose dates are `D`. */
export interface SharedDraftRow<D> {
  siren: string;
  theme: string;
  siret: string;
  version: string;
  code_hash: Buffer;
  wrong_codes: number;
  locked_until: D | null;
  created_at: D;
  expires_at: D;
  closed_at: D | null;
  closed_reason: SharedDraftClosure | null;
}

/** An answer's row. */
export interface SharedEntryRow<D> {
  answer_key: string;
  version: number;
  sealed: Buffer;
  updated_at: D;
}

/** The statements of one transaction, in a store whose dates are `D`. */
export interface SharedDraftTransaction<D> {
  iso(date: D): string;
  /** The draft's row, locked until the transaction ends where the database locks rows. */
  draft(key: SharedDraftKey): Maybe<SharedDraftRow<D> | undefined>;
  /** Inserts a draft unless its collectivité and theme have one (open or not); whether it did. */
  insert(draft: NewSharedDraft): Maybe<boolean>;
  /** Writes a new draft over a closed one, with no wrong codes nor lock. */
  reopen(draft: NewSharedDraft): Maybe<void>;
  recordWrongCode(key: SharedDraftKey, wrongCodes: number, lockedUntil: string | null): Maybe<void>;
  /** Every answer, by key. */
  entries(key: SharedDraftKey): Maybe<SharedEntryRow<D>[]>;
  /** Inserts an answer at version 1 unless it exists; whether it did. */
  insertEntry(key: SharedDraftKey, entry: { key: string; sealed: Buffer }, now: string): Maybe<boolean>;
  /** Writes an answer: at version 1 if it did not exist, else at the next version, whatever `base` was. */
  putEntry(key: SharedDraftKey, change: SharedChangeRecord, now: string): Maybe<void>;
  /** Marks the draft closed and deletes its answers. */
  close(key: SharedDraftKey, reason: SharedDraftClosure, now: string): Maybe<void>;
}

function infoOf<D>(tx: SharedDraftTransaction<D>, row: SharedDraftRow<D>): SharedDraftInfo {
  return { siret: row.siret, version: row.version, createdAt: tx.iso(row.created_at), expiresAt: tx.iso(row.expires_at) };
}

function* entriesOf<D>(tx: SharedDraftTransaction<D>, key: SharedDraftKey): Sequence<SharedEntryRecord[]> {
  const rows = yield* step(tx.entries(key));
  return rows.map((row) => ({ key: row.answer_key, version: Number(row.version), sealed: Buffer.from(row.sealed), updatedAt: tx.iso(row.updated_at) }));
}

function expired<D>(tx: SharedDraftTransaction<D>, row: SharedDraftRow<D>, now: string): boolean {
  return Date.parse(tx.iso(row.expires_at)) <= Date.parse(now);
}

/** Whether the draft is closed (or is now, being past its expiry), and since when. */
function* closedState<D>(
  tx: SharedDraftTransaction<D>,
  key: SharedDraftKey,
  row: SharedDraftRow<D>,
  now: string,
): Sequence<{ kind: 'closed'; reason: SharedDraftClosure; closedAt: string } | undefined> {
  if (row.closed_at !== null) return { kind: 'closed', reason: row.closed_reason ?? 'deleted', closedAt: tx.iso(row.closed_at) };
  if (!expired(tx, row, now)) return undefined;
  yield* step(tx.close(key, 'expired', now));
  return { kind: 'closed', reason: 'expired', closedAt: now };
}

/**
 * The draft's row if `codeHash` opens it, else why not. A wrong code is counted, and the last
 * allowed one locks the draft's code (`security/lockout.ts`); a right one clears the count. While
 * locked, no code is checked, not even the right one, or the lock would tell which guess was right.
 */
function* unlock<D>(
  tx: SharedDraftTransaction<D>,
  key: SharedDraftKey,
  codeHash: Buffer | undefined,
  now: string,
): Sequence<{ row: SharedDraftRow<D> } | Exclude<SharedDraftAccess, { kind: 'open' }>> {
  const row = yield* step(tx.draft(key));
  if (row === undefined) return { kind: 'absent' };
  const closed = yield* closedState(tx, key, row, now);
  if (closed !== undefined) return closed;
  if (codeHash === undefined) return { row };
  const lockedUntil = row.locked_until === null ? null : tx.iso(row.locked_until);
  if (lockedUntil !== null && isLocked(lockedUntil, now)) return { kind: 'code_locked', lockedUntil };
  const stored = Buffer.from(row.code_hash);
  if (stored.length === codeHash.length && timingSafeEqual(stored, codeHash)) {
    if (row.wrong_codes > 0 || lockedUntil !== null) yield* step(tx.recordWrongCode(key, 0, null));
    return { row };
  }
  const next = afterWrongCode(row.wrong_codes, now);
  yield* step(tx.recordWrongCode(key, next.wrongCodes, next.lockedUntil));
  if (next.lockedUntil !== null) return { kind: 'code_locked', lockedUntil: next.lockedUntil };
  return { kind: 'wrong_code', remainingAttempts: MAX_WRONG_CODES - next.wrongCodes };
}

/** See {@link SharedDraftStore.create}. */
export function* createSequence<D>(tx: SharedDraftTransaction<D>, draft: NewSharedDraft, now: string): Sequence<{ kind: 'created' } | { kind: 'exists' }> {
  const key = { siren: draft.siren, theme: draft.theme };
  if (!(yield* step(tx.insert(draft)))) {
    const row = yield* step(tx.draft(key));
    if (row !== undefined) {
      const closed = yield* closedState(tx, key, row, now);
      if (closed === undefined) return { kind: 'exists' };
    }
    yield* step(tx.reopen(draft));
  }
  for (const entry of draft.entries) yield* step(tx.insertEntry(key, entry, now));
  return { kind: 'created' };
}

/** See {@link SharedDraftStore.open}. */
export function* openSequence<D>(tx: SharedDraftTransaction<D>, key: SharedDraftKey, codeHash: Buffer, now: string): Sequence<SharedDraftAccess> {
  const access = yield* unlock(tx, key, codeHash, now);
  if (!('row' in access)) return access;
  return { kind: 'open', draft: infoOf(tx, access.row), entries: yield* entriesOf(tx, key) };
}

/** See {@link SharedDraftStore.write}. */
export function* writeSequence<D>(
  tx: SharedDraftTransaction<D>,
  key: SharedDraftKey,
  codeHash: Buffer,
  changes: readonly SharedChangeRecord[],
  now: string,
): Sequence<SharedDraftWriteResult> {
  const access = yield* unlock(tx, key, codeHash, now);
  if (!('row' in access)) return access;
  // Read under the draft's lock: no other write comes between this and the changes.
  const before = new Map((yield* entriesOf(tx, key)).map((entry) => [entry.key, entry]));
  const replaced: SharedEntryRecord[] = [];
  for (const change of changes) {
    const current = before.get(change.key);
    if (current !== undefined && current.version > change.base) replaced.push(current);
    yield* step(tx.putEntry(key, change, now));
  }
  return { kind: 'written', draft: infoOf(tx, access.row), entries: yield* entriesOf(tx, key), replaced };
}

/** See {@link SharedDraftStore.close}. */
export function* closeSequence<D>(
  tx: SharedDraftTransaction<D>,
  key: SharedDraftKey,
  reason: 'sent' | 'deleted',
  now: string,
  codeHash?: Buffer,
): Sequence<{ kind: 'done' } | Exclude<SharedDraftAccess, { kind: 'open' }>> {
  const access = yield* unlock(tx, key, codeHash, now);
  if (!('row' in access)) return access;
  yield* step(tx.close(key, reason, now));
  return { kind: 'done' };
}
