/**
 * The client side of the Baromètre API: typed calls with deadlines, an outbox that delivers
 * submissions once whatever the network does, and drafts kept on the respondent's device.
 */
export { createApiClient, DEFAULT_TIMEOUT_MS } from './client.js';
export type { ApiClient, ApiClientOptions, CallOptions, SubmitRequest, SubmitResult } from './client.js';
export { ApiError, NetworkError, answerProblemsOf, isRetryable } from './errors.js';
export type { AnswerProblem } from './errors.js';
export type { FetchLike } from './http.js';
export type { CollectiviteSummary } from './schemas.js';
export { createOutbox, DEFAULT_OUTBOX_KEY } from './outbox.js';
export type { OnlineEvents, Outbox, OutboxEntry, OutboxEvent, OutboxListener, OutboxOptions, OutboxTimers } from './outbox.js';
export { backoffDelay, DEFAULT_BACKOFF } from './backoff.js';
export type { BackoffOptions } from './backoff.js';
export { createDraftStore, DEFAULT_DRAFT_PREFIX } from './drafts.js';
export type { Draft, DraftRef, DraftStore, DraftStoreOptions } from './drafts.js';
export { newIdempotencyKey } from './idempotency.js';
export { browserStorage, createMemoryStorage, readJson, removeEntry, writeJson } from './storage.js';
export type { MemoryStorage, StorageLike } from './storage.js';
