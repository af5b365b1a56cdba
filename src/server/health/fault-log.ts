import type { StoreFault } from '../http/store-faults.js';

/**
 * The last fault of the machine a request met (a full disk, a lost database), so that readiness
 * tells what writes just met even when a probe alone would not see it: a disk with a few free
 * blocks, a connection that failed under a query and was replaced since.
 */
export class FaultLog {
  #last: { fault: StoreFault; at: number } | undefined;

  record(fault: StoreFault, at = Date.now()): void {
    this.#last = { fault, at };
  }

  /** The last fault met within `windowMs` of `now`, if any. */
  recent(windowMs: number, now = Date.now()): { fault: StoreFault; at: number } | undefined {
    return this.#last !== undefined && now - this.#last.at <= windowMs ? this.#last : undefined;
  }
}
