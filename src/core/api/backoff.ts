/** How retries space out. */
export interface BackoffOptions {
  /** Delay before the first retry, in milliseconds. */
  baseMs?: number;
  /** No wait is ever longer than this, however many attempts failed. */
  maxMs?: number;
  /**
   * Share of the delay drawn at random (0 to 1): many browsers that lost the same network at
   * the same time then do not all come back at the same instant.
   */
  jitter?: number;
}

export const DEFAULT_BACKOFF: Required<BackoffOptions> = { baseMs: 2_000, maxMs: 5 * 60_000, jitter: 0.2 };

/**
 * The wait before retry number `attempt` (1 for the first retry): doubling from `baseMs`, capped
 * at `maxMs`, then shortened by up to `jitter` of itself.
 */
export function backoffDelay(attempt: number, options: BackoffOptions = {}, random: () => number = Math.random): number {
  const { baseMs, maxMs, jitter } = { ...DEFAULT_BACKOFF, ...options };
  // Capping the exponent first keeps 2 ** n finite whatever the attempt count.
  const exponent = Math.min(Math.max(attempt - 1, 0), 30);
  const capped = Math.min(maxMs, baseMs * 2 ** exponent);
  return Math.round(capped * (1 - jitter * random()));
}
