/**
 * The APIs found refusing this page (see `reachability.ts`, which finds them): known at once,
 * without the probe's code, so that what the element says can depend on it from the first render.
 */
export type Unreachable = 'offline' | 'refused';

/** APIs found refusing this page: a page's origin does not change, nor, for a visit, the server's list. */
const refusedApis = new Set<string>();

/** Whether an API is already known to refuse this page. */
export function refusesThisPage(api: string | undefined): boolean {
  return api !== undefined && refusedApis.has(api);
}

/** Records an API found refusing this page; true the first time. */
export function markRefused(api: string): boolean {
  if (refusedApis.has(api)) return false;
  refusedApis.add(api);
  return true;
}
