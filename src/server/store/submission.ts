import { randomUUID } from 'node:crypto';
import type { ThemeId } from '../../core/schema/questionnaire.js';
import { editCodeDigest } from '../security/edit-codes.js';
import { idempotencyKeyDigest, openResponse, sealResponse } from '../security/idempotency.js';
import { checkEditCode } from './code-check.js';
import { columnsFrom, columnsOf, type ContributionColumns } from './columns.js';
import type { ContributionRow, IdempotencyRow, PendingRow } from './rows.js';
import { step, type Maybe, type Sequence } from './steps.js';
import {
  DEFAULT_PENDING_LIMITS,
  type AttestationUse,
  type IdempotencyClaim,
  type PendingDecision,
  type ReplacedBy,
  type StoredResponse,
  type SubmitOutcome,
  type SubmitRefusal,
  type SubmitRequest,
  type SubmitResult,
} from './types.js';

/**
 * The rules of a submission and of an administrator's decision, written once for both stores.
 * Each runs inside one transaction of its store; the store gives the statements (see
 * {@link SubmissionTransaction}), this module decides which to run and in what order.
 *
 * A submission:
 * 1. claims its idempotency key before writing anything. Where the key is already recorded, the
 *    request is either the same one again (its kept answer is replayed) or another one under a
 *    reused key (refused); nothing else is written. With PostgreSQL a second instance handling
 *    the same key waits on the claimed row until this transaction ends.
 * 2. claims its attestation's id, if verified: an attestation serves once.
 * 3. inserts the contribution unless one exists: the unique (siren, theme, edition) key decides which of
 *    concurrent first submissions wins, never a prior read.
 * 4. otherwise reads the current contribution (locked where the database locks rows):
 *    - a verified submission takes the place of an unverified contribution, which goes to review
 *      (and to history): a verified respondent is never held by whoever answered first;
 *    - a presented edit code that matches replaces it, keeping the previous version in history;
 *      a wrong one is refused and counted, and too many in a row lock the contribution's code
 *      for a while (`security/lockout.ts`);
 *    - without a code, or when the respondent asks for review knowingly, the submission is set
 *      aside as pending for an administrator: in place of an earlier one from the same client,
 *      else within the queue's limits per collectivité and theme and overall.
 * 5. keeps the HTTP answer under the claimed key, sealed with it, for replays.
 *
 * A refused submission keeps nothing but the wrong-code count: its idempotency key and its
 * attestation are released, so the corrected request may use them again.
 *
 * Accepting a pending submission replaces the current contribution the same way (or creates it),
 * gives it a new edit token, and records the decision; rejecting only records the decision. A
 * submission already decided is never decided again.
 */

/** The statements of one transaction, in a store whose dates are `D`. */
export interface SubmissionTransaction<D> {
  /** Reads a date of the database as an ISO string. */
  iso(date: D): string;
  /** Records a key with no answer yet; false when it is recorded already. */
  claimKey(keyHash: Buffer, claim: IdempotencyClaim, now: string): Maybe<boolean>;
  /** What is recorded under a key already claimed; nothing if it was swept meanwhile. */
  seenKey(keyHash: Buffer): Maybe<IdempotencyRow | undefined>;
  /** Keeps the answer under a claimed key. */
  answerKey(keyHash: Buffer, status: number, sealedResponse: Buffer): Maybe<void>;
  /** Forgets a key claimed by this transaction (its request was refused). */
  releaseKey(keyHash: Buffer): Maybe<void>;
  /** Records an attestation's id; false when it was recorded already. */
  claimAttestation(use: AttestationUse): Maybe<boolean>;
  /** Forgets an attestation's id claimed by this transaction. */
  releaseAttestation(use: AttestationUse): Maybe<void>;
  /** Inserts a contribution unless its collectivité answered the theme in that edition already; whether it did. */
  insertFirst(columns: ContributionColumns, editTokenHash: Buffer, now: string): Maybe<boolean>;
  /** The current contribution, locked until the transaction ends where the database locks rows. */
  current(siren: string, theme: string, edition: string): Maybe<ContributionRow<D> | undefined>;
  /**
   * Moves the current version to history and writes `columns` in its place, clearing the
   * wrong-code count and lock; a null digest keeps the old code.
   */
  replace(
    existing: ContributionRow<D>,
    columns: ContributionColumns,
    editTokenHash: Buffer | null,
    now: string,
    by: ReplacedBy,
  ): Maybe<void>;
  /** Stores the wrong-code count and lock of a contribution. */
  recordWrongCode(existing: ContributionRow<D>, wrongCodes: number, lockedUntil: string | null): Maybe<void>;
  /**
   * Serialises the writers of pending submissions until the transaction ends, so the queue's
   * limits hold under concurrency (where the database runs transactions side by side).
   */
  lockPendingQueue(): Maybe<void>;
  /** Deletes the undecided submissions of `client` for a collectivité, theme and edition; their ids. */
  dropPendingOfClient(siren: string, theme: string, edition: string, client: Buffer): Maybe<string[]>;
  /** Undecided submissions for a collectivité, theme and edition, or overall without one. */
  countPending(target?: PendingTarget): Maybe<number>;
  insertPending(id: string, columns: ContributionColumns, now: string, client: Buffer | null): Maybe<void>;
  /** A pending submission, locked where the database locks rows. */
  pending(id: string): Maybe<PendingRow<D> | undefined>;
  /** Marks a pending submission decided and records the administrator's action. */
  decide(pending: PendingRow<D>, status: 'accepted' | 'rejected', now: string): Maybe<void>;
}

/** The contribution a pending submission is waiting to replace. */
export interface PendingTarget {
  siren: string;
  theme: string;
  edition: string;
}

/** Thrown inside a transaction that lost a race, to have the store run it again from the start. */
export class RetryTransaction extends Error {
  override name = 'RetryTransaction';
}

export function* submitSequence<D>(
  tx: SubmissionTransaction<D>,
  request: SubmitRequest,
  respond: (outcome: SubmitOutcome) => StoredResponse,
): Sequence<SubmitResult> {
  const { idempotency, now } = request;
  const keyHash = idempotencyKeyDigest(idempotency.key);
  if (!(yield* step(tx.claimKey(keyHash, idempotency, now)))) {
    const seen = yield* step(tx.seenKey(keyHash));
    // Swept between the two statements: the next attempt claims the key afresh.
    if (!seen) throw new RetryTransaction('An idempotency record vanished');
    return replayOf(seen, idempotency);
  }
  if (request.attestation !== undefined && !(yield* step(tx.claimAttestation(request.attestation)))) {
    yield* step(tx.releaseKey(keyHash));
    return { kind: 'refused', refusal: { kind: 'attestation_replayed' } };
  }
  const outcome = yield* writeSubmission(tx, request);
  if ('refusal' in outcome) {
    yield* step(tx.releaseKey(keyHash));
    if (request.attestation !== undefined) yield* step(tx.releaseAttestation(request.attestation));
    return { kind: 'refused', refusal: outcome.refusal };
  }
  const response = respond(outcome);
  yield* step(tx.answerKey(keyHash, response.status, sealResponse(idempotency.key, response)));
  return { kind: 'done', outcome, response };
}

/** The answer to a key already recorded: a replay of the same request, or a refusal. */
function replayOf(seen: IdempotencyRow, claim: IdempotencyClaim): SubmitResult {
  if (seen.route !== claim.route || seen.request_hash !== claim.requestHash) return { kind: 'key_reused' };
  const response = openResponse(claim.key, seen.sealed_response);
  return response ? { kind: 'replay', response } : { kind: 'key_reused' };
}

type Written = SubmitOutcome | { refusal: SubmitRefusal };

function* writeSubmission<D>(tx: SubmissionTransaction<D>, request: SubmitRequest): Sequence<Written> {
  const { contribution, now } = request;
  const { siren, theme, edition } = contribution;
  const columns = columnsOf(contribution);
  const codeHash = editCodeDigest(request.newEditCode, siren, theme);
  if (yield* step(tx.insertFirst(columns, codeHash, now))) return { kind: 'created', updatedAt: now };
  const existing = yield* step(tx.current(siren, theme, edition));
  if (!existing) throw new Error('A contribution vanished inside a transaction');

  if (contribution.verifiedBy !== undefined && existing.verified_by === null) {
    // The unverified answer is kept for an administrator, whatever the queue's limits: it loses
    // its place, it must not be lost.
    const displacedPendingId = randomUUID();
    yield* step(tx.insertPending(displacedPendingId, columnsFrom(existing), now, null));
    yield* step(tx.replace(existing, columns, codeHash, now, 'verification'));
    return { kind: 'created', updatedAt: now, displacedPendingId };
  }

  if (request.presentedCode !== undefined && !request.review) {
    const check = yield* checkEditCode(tx, existing, request.presentedCode, now);
    if (check.kind !== 'match') return { refusal: check };
    // The code was given to whoever was verified: an edit with it keeps the contribution's verification.
    const kept = { ...columns, verified_by: columns.verified_by ?? existing.verified_by };
    yield* step(tx.replace(existing, kept, null, now, 'edit_token'));
    return { kind: 'replaced', updatedAt: now };
  }
  return yield* setAside(tx, request, columns, tx.iso(existing.updated_at));
}

/** Keeps a submission for review, replacing the same client's earlier one or within the queue's limits. */
function* setAside<D>(
  tx: SubmissionTransaction<D>,
  request: SubmitRequest,
  columns: ContributionColumns,
  existingUpdatedAt: string,
): Sequence<Written> {
  const { siren, theme, edition } = request.contribution;
  const limits = request.pendingLimits ?? DEFAULT_PENDING_LIMITS;
  const client = request.client ?? null;
  yield* step(tx.lockPendingQueue());
  const replaced = client === null ? [] : yield* step(tx.dropPendingOfClient(siren, theme, edition, client));
  // A replacement takes the place it frees: it can never be the one too many.
  if (replaced.length === 0) {
    if ((yield* step(tx.countPending({ siren, theme, edition }))) >= limits.perCollectivite) {
      return { refusal: { kind: 'pending_limit', scope: 'collectivite', limit: limits.perCollectivite } };
    }
    if ((yield* step(tx.countPending())) >= limits.overall) {
      return { refusal: { kind: 'pending_limit', scope: 'overall', limit: limits.overall } };
    }
  }
  const pendingId = randomUUID();
  yield* step(tx.insertPending(pendingId, columns, request.now, client));
  const outcome: SubmitOutcome = { kind: 'pending', pendingId, existingUpdatedAt };
  if (replaced[0] !== undefined) outcome.replacedPendingId = replaced[0];
  return outcome;
}

export function* acceptSequence<D>(
  tx: SubmissionTransaction<D>,
  id: string,
  editCode: string,
  now: string,
): Sequence<PendingDecision> {
  const found = yield* decidable(tx, id);
  if ('refused' in found) return found.refused;
  const { pending } = found;
  const columns = columnsFrom(pending);
  const editTokenHash = editCodeDigest(editCode, pending.siren, pending.theme);
  const existing = yield* step(tx.current(pending.siren, pending.theme, pending.edition));
  if (existing) {
    yield* step(tx.replace(existing, columns, editTokenHash, now, 'admin'));
  } else if (!(yield* step(tx.insertFirst(columns, editTokenHash, now)))) {
    // A first submission committed in between: the next attempt replaces it instead.
    throw new RetryTransaction('A contribution appeared while accepting');
  }
  yield* step(tx.decide(pending, 'accepted', now));
  return { kind: 'accepted', updatedAt: now, siret: pending.siret, theme: pending.theme as ThemeId };
}

export function* rejectSequence<D>(tx: SubmissionTransaction<D>, id: string, now: string): Sequence<PendingDecision> {
  const found = yield* decidable(tx, id);
  if ('refused' in found) return found.refused;
  yield* step(tx.decide(found.pending, 'rejected', now));
  return { kind: 'rejected' };
}

/** The pending submission `id`, locked, if it can be decided; else why not: it does not exist, or was decided already. */
function* decidable<D>(
  tx: SubmissionTransaction<D>,
  id: string,
): Sequence<{ pending: PendingRow<D> } | { refused: PendingDecision }> {
  const pending = yield* step(tx.pending(id));
  if (!pending) return { refused: { kind: 'not_found' } };
  if (pending.status !== 'pending') return { refused: { kind: 'already_decided', status: pending.status } };
  return { pending };
}
