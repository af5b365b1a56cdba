// A hand-driven clock for the outbox: time moves only when a test says so.
import type { OutboxTimers } from '../../../src/core/api/outbox.js';

export interface ManualClock {
  now(): number;
  timers: OutboxTimers;
  /** Moves time forward, running the timers that come due, in order. */
  advance(ms: number): void;
  /** Milliseconds until the next pending timer, or undefined when none is pending. */
  nextDelay(): number | undefined;
}

export function manualClock(start = Date.parse('2025-03-04T10:00:00.000Z')): ManualClock {
  let time = start;
  let nextId = 1;
  const pending = new Map<number, { at: number; callback: () => void }>();
  return {
    now: () => time,
    timers: {
      setTimeout(callback, ms) {
        const id = nextId++;
        pending.set(id, { at: time + ms, callback });
        return id;
      },
      clearTimeout(handle) {
        pending.delete(handle as number);
      },
    },
    advance(ms) {
      const end = time + ms;
      for (;;) {
        const due = [...pending.entries()].filter(([, timer]) => timer.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
        if (!due) break;
        pending.delete(due[0]);
        time = due[1].at;
        due[1].callback();
      }
      time = end;
    },
    nextDelay() {
      const ats = [...pending.values()].map((timer) => timer.at);
      return ats.length ? Math.min(...ats) - time : undefined;
    },
  };
}

/** Lets pending promise callbacks run. */
export const settle = () => new Promise<void>((resolve) => setImmediate(resolve));
