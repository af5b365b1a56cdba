import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';

/**
 * Resident memory of another process while it works (a server computing a publication).
 *
 * On Linux, the kernel keeps the process's high-water mark (VmHWM in /proc/<pid>/status): it is
 * reset at the start (writing 5 to /proc/<pid>/clear_refs, allowed on one's own processes) so that
 * it covers the measured interval only, and read at the end. Where that cannot be done, the peak
 * is the highest of samples taken every {@link SAMPLE_MS} (from /proc, else `ps`), which may miss
 * a short spike.
 */

const SAMPLE_MS = 100;

/** A `kB` field of /proc/<pid>/status, in bytes; undefined when it cannot be read. */
function statusField(pid: number, field: 'VmRSS' | 'VmHWM'): number | undefined {
  try {
    const match = new RegExp(`^${field}:\\s+(\\d+) kB$`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) * 1024 : undefined;
  } catch {
    return undefined;
  }
}

function psRss(pid: number): number | undefined {
  try {
    const kilobytes = Number(execFileSync('ps', ['-o', 'rss=', '-p', String(pid)], { encoding: 'utf8' }).trim());
    return Number.isFinite(kilobytes) && kilobytes > 0 ? kilobytes * 1024 : undefined;
  } catch {
    return undefined;
  }
}

export class MemoryProbe {
  #timer: NodeJS.Timeout | undefined;
  #sampled = 0;
  #peakReset = false;

  constructor(readonly pid: number | undefined) {}

  /** Resident memory now, in bytes (NaN when it cannot be read). */
  current(): number {
    if (this.pid === undefined) return Number.NaN;
    return statusField(this.pid, 'VmRSS') ?? psRss(this.pid) ?? Number.NaN;
  }

  start(): void {
    const { pid } = this;
    if (pid === undefined) return;
    try {
      writeFileSync(`/proc/${pid}/clear_refs`, '5');
      this.#peakReset = statusField(pid, 'VmHWM') !== undefined;
    } catch {
      this.#peakReset = false;
    }
    this.#sampled = this.current();
    this.#timer = setInterval(() => {
      const now = this.current();
      if (now > this.#sampled) this.#sampled = now;
    }, SAMPLE_MS);
  }

  /** The peak since `start`, in bytes, and how it was read. */
  stop(): { peak: number; from: string } {
    clearInterval(this.#timer);
    const now = this.current();
    const sampled = Number.isFinite(now) ? Math.max(this.#sampled, now) : this.#sampled;
    const mark = this.pid === undefined || !this.#peakReset ? undefined : statusField(this.pid, 'VmHWM');
    if (mark !== undefined) return { peak: Math.max(mark, sampled), from: 'VmHWM' };
    return { peak: sampled, from: `samples every ${SAMPLE_MS} ms` };
  }
}
