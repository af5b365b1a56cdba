import type { FetchLike } from '../../core/api/http.js';
import { takeEarly } from './early-requests.js';

/**
 * How long each kind of request may take before the reader is told and offered a retry. A
 * search is interactive; results take one aggregation on the server; a map takes one per
 * territory of its level.
 */
export const TIMEOUT_MS = { search: 8_000, results: 15_000, map: 20_000 } as const;

/**
 * The elements' `fetch`: an answer the loader asked for early (see `early-requests.ts`) when
 * there is one, else `fetch` looked up at call time, so a page (or a test) that wraps `fetch`
 * after this module loaded is obeyed.
 */
export const globalFetch: FetchLike = (input, init) => takeEarly(input, init) ?? fetch(input, init);
