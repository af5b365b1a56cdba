import type { Unreachable } from './refused-apis.js';

/**
 * Why the API could not be read (see `reachability.ts`, loaded only now, after a failure). A
 * probe whose own code cannot be downloaded has its answer already: the network is gone.
 */
export async function whyUnreachable(api: string): Promise<Unreachable> {
  try {
    return await (await import('./reachability.js')).whyUnreachable(api);
  } catch {
    return 'offline';
  }
}
