import { statfs } from 'node:fs/promises';
import { DEFAULT_MIN_FREE_DISK_BYTES } from '../config.js';
import type { ServerContext } from '../context.js';
import { storeFault } from '../http/store-faults.js';

/**
 * Whether this instance should receive traffic, and why not. A load balancer or an orchestrator
 * reads the status: 200 when it should (`ready`, or `degraded` when something needs an operator
 * but requests are still served well), 503 when it should not (`not_ready`). The body says what
 * each check found, for the operator.
 *
 * - database: answers, and takes a write (rolled back at once);
 * - disk: the SQLite file's folder has at least `BAROMETRE_MIN_FREE_DISK_MB` free (PostgreSQL's
 *   disk is its own server's to watch);
 * - faults: no request met a fault of the machine (full disk, read-only, lost database) within
 *   the last {@link FAULT_WINDOW_MS};
 * - publication: how old the newest is. A stale one (the schedule stopped) degrades but does not
 *   stop traffic: every instance serves the same publication, so taking them all out would help
 *   nobody.
 */

/** How long a fault met by a request keeps the instance out of the pool. */
export const FAULT_WINDOW_MS = 30_000;

/** Publications older than this many intervals (plus ten minutes for the computation) are stale. */
const STALE_INTERVALS = 3;

interface Check {
  ok: boolean;
  [detail: string]: unknown;
}

export interface Readiness {
  httpStatus: 200 | 503;
  body: {
    status: 'ready' | 'degraded' | 'not_ready';
    checks: { database: Check; disk: Check; faults: Check; publication: Check; shutdown: Check };
    version: string;
  };
}

async function databaseCheck(context: ServerContext): Promise<{ check: Check; dataDirectory?: string }> {
  try {
    const probe = await context.store.probe();
    const check: Check = { ok: probe.writable, kind: probe.kind, writable: probe.writable };
    return probe.dataDirectory === undefined ? { check } : { check, dataDirectory: probe.dataDirectory };
  } catch (error) {
    // The fault's code only: the database's message may name a file or a host.
    return { check: { ok: false, writable: false, fault: storeFault(error) ?? 'database_error' } };
  }
}

async function diskCheck(context: ServerContext, dataDirectory: string | undefined): Promise<Check> {
  const minFreeBytes = context.config.minFreeDiskBytes ?? DEFAULT_MIN_FREE_DISK_BYTES;
  if (dataDirectory === undefined) return { ok: true, watched: false };
  try {
    const stats = await statfs(dataDirectory);
    const freeBytes = stats.bavail * stats.bsize;
    return { ok: freeBytes >= minFreeBytes, freeBytes, minFreeBytes };
  } catch {
    return { ok: false, freeBytes: null, minFreeBytes };
  }
}

async function publicationCheck(context: ServerContext, now: number): Promise<Check> {
  const interval = context.config.publicationIntervalMs;
  const maxAgeSeconds = interval > 0 ? Math.round((STALE_INTERVALS * interval + 600_000) / 1000) : null;
  let latest;
  try {
    latest = await context.store.latestPublication();
  } catch {
    // Already told by the database check.
    return { ok: true, id: null };
  }
  if (latest === undefined) return { ok: true, id: null, publishedAt: null, ageSeconds: null, maxAgeSeconds };
  const ageSeconds = Math.max(0, Math.round((now - Date.parse(latest.publishedAt)) / 1000));
  return {
    ok: maxAgeSeconds === null || ageSeconds <= maxAgeSeconds,
    id: latest.id,
    publishedAt: latest.publishedAt,
    ageSeconds,
    maxAgeSeconds,
  };
}

export async function readiness(context: ServerContext, now = Date.now()): Promise<Readiness> {
  const database = await databaseCheck(context);
  const [disk, publication] = await Promise.all([diskCheck(context, database.dataDirectory), publicationCheck(context, now)]);
  const recent = context.faults.recent(FAULT_WINDOW_MS, now);
  const faults: Check = recent === undefined ? { ok: true, last: null } : { ok: false, last: { fault: recent.fault, at: new Date(recent.at).toISOString() } };
  const shutdown: Check = { ok: !context.shuttingDown() };
  const blocking = [database.check, disk, faults, shutdown].some((check) => !check.ok);
  const status = blocking ? 'not_ready' : publication.ok ? 'ready' : 'degraded';
  return {
    httpStatus: blocking ? 503 : 200,
    body: { status, checks: { database: database.check, disk, faults, publication, shutdown }, version: context.version },
  };
}
