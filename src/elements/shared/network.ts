import type { FetchLike } from '../../core/api/http.js';

/**
 * How long each kind of request may take before the reader is told and offered a retry. A
 * search is interactive; results take one aggregation on the server; a map takes one per
 * territory of its level.
 */
export const TIMEOUT_MS = { search: 8_000, results: 15_000, map: 20_000 } as const;

/** Looked up at call time, so a page (or a test) that wraps `fetch` after this module loaded is obeyed. */
export const globalFetch: FetchLike = (input, init) => fetch(input, init);
