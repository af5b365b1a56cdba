import { randomUUID } from 'node:crypto';
import type { ThemeId } from '../../core/schema/questionnaire.js';
import { idempotencyKeyDigest, openResponse, sealResponse } from '../security/idempotency.js';
import { tokenMatches } from '../security/tokens.js';
import { columnsFrom, columnsOf, type ContributionColumns } from './columns.js';
import type { ContributionRow, IdempotencyRow, PendingRow } from './rows.js';
import { step, type Maybe, type Sequence } from './steps.js';
import type {
  IdempotencyClaim,
  PendingDecision,
  StoredResponse,
  SubmitOutcome,
  SubmitRequest,
  SubmitResult,
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
 * 2. inserts the contribution unless one exists: the unique (siren, theme) key decides which of
 *    concurrent first submissions wins, never a prior read.
 * 3. otherwise reads the current contribution (locked where the database locks rows) and
 *    replaces it, keeping the previous version in history, if the presented edit token matches;
 *    without a matching token the submission is set aside as pending for an administrator.
 * 4. keeps the HTTP answer under the claimed key, sealed with it, for replays.
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
  /** Inserts a contribution unless its collectivité answered the theme already; whether it did. */
  insertFirst(columns: ContributionColumns, editTokenHash: Buffer, now: string): Maybe<boolean>;
  /** The current contribution, locked until the transaction ends where the database locks rows. */
  current(siren: string, theme: string): Maybe<ContributionRow<D> | undefined>;
  /** Moves the current version to history and writes `columns` in its place; a null token keeps the old one. */
  replace(
    existing: ContributionRow<D>,
    columns: ContributionColumns,
    editTokenHash: Buffer | null,
    now: string,
    by: 'edit_token' | 'admin',
  ): Maybe<void>;
  insertPending(id: string, columns: ContributionColumns, now: string): Maybe<void>;
  /** A pending submission, locked where the database locks rows. */
  pending(id: string): Maybe<PendingRow<D> | undefined>;
  /** Marks a pending submission decided and records the administrator's action. */
  decide(pending: PendingRow<D>, status: 'accepted' | 'rejected', now: string): Maybe<void>;
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
  const outcome = yield* writeSubmission(tx, request);
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

function* writeSubmission<D>(tx: SubmissionTransaction<D>, request: SubmitRequest): Sequence<SubmitOutcome> {
  const { contribution, now } = request;
  const columns = columnsOf(contribution);
  if (yield* step(tx.insertFirst(columns, request.newTokenHash, now))) return { kind: 'created', updatedAt: now };
  const existing = yield* step(tx.current(contribution.siren, contribution.theme));
  if (!existing) throw new Error('A contribution vanished inside a transaction');
  if (tokenMatches(request.presentedToken, existing.edit_token_hash)) {
    yield* step(tx.replace(existing, columns, null, now, 'edit_token'));
    return { kind: 'replaced', updatedAt: now };
  }
  const pendingId = randomUUID();
  yield* step(tx.insertPending(pendingId, columns, now));
  return { kind: 'pending', pendingId, existingUpdatedAt: tx.iso(existing.updated_at) };
}

export function* acceptSequence<D>(
  tx: SubmissionTransaction<D>,
  id: string,
  editTokenHash: Buffer,
  now: string,
): Sequence<PendingDecision> {
  const found = yield* decidable(tx, id);
  if ('refused' in found) return found.refused;
  const { pending } = found;
  const columns = columnsFrom(pending);
  const existing = yield* step(tx.current(pending.siren, pending.theme));
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
