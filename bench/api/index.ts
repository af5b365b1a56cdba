import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { THEMES } from '../../src/core/schema/questionnaire.js';
import type { BenchOptions } from '../lib/options.js';
import type { Section, Table, Target } from '../lib/report.js';
import { count, ms, percentile, sleep, sortedCopy } from '../lib/stats.js';
import { BulkLoader, COMMUNE_COUNT, MAX_BULK, QUERY_MIX, resultsQueries, Submissions, type ResultsQuery } from './data.js';
import { sqliteTarget, urlTarget, type DatabaseTarget } from './database.js';
import { hammer, submissionRequest, timed, type LoadFigures } from './load.js';
import { startServers, type ApiServer } from './servers.js';

/**
 * Section 3: the reference API under load, on loopback, against real server processes.
 *
 * For each size of the growth table (contributions loaded in bulk through the store while no
 * server runs, then the servers started on them):
 * - after a write: a new contribution is PUT, then one results request on the same theme is
 *   timed, again and again — every write changes the data, so this is the first request after it;
 * - repeated: the same results requests again with no write in between (a first pass, untimed,
 *   then the timed one);
 * - with writes: concurrent results requests (autocannon) while a trickle of contributions arrives.
 * At the largest size, also: concurrent results requests without writes, and submissions per second.
 *
 * Only the public HTTP API is used, plus the store's `bulkInsert` to load data; the results code
 * being rewritten is measured as it is, whatever it is.
 */

export const RESULTS_P99_TARGET = 50;

/** Samples and time caps per measurement: a slow computation shortens a measurement rather than the whole run. */
const AFTER_WRITE = { samples: 100, capMs: 25_000 };
const REPEATED = { queries: 120, capMs: 12_000 };
const WARM_UP = { queries: 20, capMs: 8_000 };
const TRICKLE_PER_SECOND = 4;
const SETTLE_MAX_SECONDS = 120;

interface Latencies {
  sorted: number[];
  statuses: Record<string, number>;
  capped: boolean;
}

interface Step {
  size: number;
  loadSeconds: number;
  /** How long the servers kept working on their own once listening (background warm-up). */
  busySeconds: number;
  afterWrite: Latencies;
  repeated: Latencies;
  trickle: LoadFigures & { writes: number };
}

const seconds = (value: number) => (Number.isFinite(value) ? `${value.toFixed(1)} s` : 'n/a');

function describe(values: readonly number[]): string {
  return values.length === 0 ? 'n/a' : `${ms(percentile(values, 50))} / ${ms(percentile(values, 99))}`;
}

function statusText(statuses: Record<string, number>): string {
  return Object.entries(statuses)
    .map(([status, n]) => `${status}×${n}`)
    .join(' ');
}

/** Runs `task` up to `samples` times, stopping early once `capMs` have passed. */
async function sequential(samples: number, capMs: number, task: (index: number) => Promise<{ ms: number; status: number } | undefined>): Promise<Latencies> {
  const started = performance.now();
  const values: number[] = [];
  const statuses: Record<string, number> = {};
  let capped = false;
  for (let i = 0; i < samples; i++) {
    if (performance.now() - started > capMs) {
      capped = true;
      break;
    }
    const result = await task(i);
    if (!result) break;
    values.push(result.ms);
    statuses[result.status] = (statuses[result.status] ?? 0) + 1;
  }
  return { sorted: sortedCopy(values), statuses, capped };
}

class Api {
  readonly loader = new BulkLoader();
  readonly submissions = new Submissions();
  private servers: ApiServer[] = [];
  private turn = 0;
  /** Contributions created through the API so far (201), which the servers count too. */
  created = 0;

  constructor(
    readonly target: DatabaseTarget,
    readonly options: BenchOptions,
  ) {}

  /** The next server, in turn: sequential requests are spread like concurrent ones. */
  server(): ApiServer {
    this.turn = (this.turn + 1) % this.servers.length;
    return this.servers[this.turn]!;
  }

  async stop(): Promise<void> {
    await Promise.all(this.servers.map((server) => server.stop()));
    this.servers = [];
  }

  /**
   * Loads up to `size` contributions with no server running, then starts the servers, checks
   * they see them and waits until they are idle: figures are those of a server in its stride.
   */
  async prepare(size: number): Promise<{ loadSeconds: number; busySeconds: number }> {
    await this.stop();
    const started = performance.now();
    const store = await this.target.openStore();
    try {
      await this.loader.loadUpTo(store, size);
    } finally {
      await store.close();
    }
    const loadSeconds = (performance.now() - started) / 1000;
    this.servers = await startServers(this.options.servers, this.target.env);
    const expected = this.loader.loaded + this.created;
    const seen = await this.servers[0]!.contributions();
    if (seen !== expected) {
      throw new Error(`The server counts ${seen} contributions where ${expected} were written: is it on the database the benchmark loads (${this.target.label})?`);
    }
    const busy = await Promise.all(this.servers.map((server) => server.settle(SETTLE_MAX_SECONDS)));
    return { loadSeconds, busySeconds: Math.max(...busy) };
  }

  async write(theme?: (typeof THEMES)[number]): Promise<number | undefined> {
    const submission = this.submissions.next(theme);
    if (!submission) return undefined;
    const { status } = await timed(this.server(), submissionRequest(submission));
    if (status === 201) this.created += 1;
    return status;
  }

  async afterWrite(queries: readonly ResultsQuery[]): Promise<Latencies> {
    return sequential(AFTER_WRITE.samples, AFTER_WRITE.capMs, async (i) => {
      const query = queries[i % queries.length]!;
      if ((await this.write(query.theme)) === undefined) return undefined;
      return timed(this.server(), { method: 'GET', path: query.path });
    });
  }

  async repeated(queries: readonly ResultsQuery[]): Promise<Latencies> {
    const list = queries.slice(0, REPEATED.queries);
    await sequential(list.length, REPEATED.capMs, async (i) => timed(this.server(), { method: 'GET', path: list[i]!.path }));
    return sequential(list.length, REPEATED.capMs, async (i) => timed(this.server(), { method: 'GET', path: list[i]!.path }));
  }

  async warmUp(queries: readonly ResultsQuery[]): Promise<void> {
    await sequential(WARM_UP.queries, WARM_UP.capMs, async (i) => timed(this.server(), { method: 'GET', path: queries[i % queries.length]!.path }));
  }

  /** Concurrent reads for the configured duration; with `writesPerSecond`, a trickle of new contributions meanwhile. */
  async reads(queries: readonly ResultsQuery[], writesPerSecond: number): Promise<LoadFigures & { writes: number }> {
    let stop = false;
    let writes = 0;
    const writer = (async () => {
      if (writesPerSecond === 0) return;
      const interval = 1000 / writesPerSecond;
      let due = performance.now();
      while (!stop) {
        due += interval;
        if ((await this.write()) !== undefined) writes += 1;
        await sleep(Math.max(0, due - performance.now()));
      }
    })();
    let next = 0;
    const figures = await hammer(this.servers, {
      connections: Math.max(1, Math.round(this.options.connections / 4)),
      duration: this.options.duration,
      next: () => ({ method: 'GET', path: queries[next++ % queries.length]!.path }),
    });
    stop = true;
    await writer;
    return { ...figures, writes };
  }

  async submit(): Promise<LoadFigures> {
    // A margin: autocannon may prepare a request or two per connection beyond the last one it sends.
    const limit = Math.max(0, this.submissions.remaining() - 2 * this.options.connections);
    return hammer(this.servers, {
      connections: this.options.connections,
      duration: this.options.duration,
      limit,
      next: () => submissionRequest(this.submissions.next()!),
    });
  }
}

export async function measureApi(options: BenchOptions, log: (line: string) => void): Promise<Section> {
  const folder = mkdtempSync(join(tmpdir(), 'barometre-bench-api-'));
  const target = options.databaseUrl ? urlTarget(options.databaseUrl, folder) : sqliteTarget(folder);
  const api = new Api(target, options);
  const sizes = [...new Set(options.sizes.map((size) => Math.min(size, MAX_BULK)))];
  const queries = resultsQueries(400, 11);
  const steps: Step[] = [];
  let largest: { reads: LoadFigures; submissions: LoadFigures; size: number } | undefined;
  try {
    for (const size of sizes) {
      const { loadSeconds, busySeconds } = await api.prepare(size);
      log(`  ${count(api.loader.loaded)} contributions (+${api.created} through the API): bulk load ${loadSeconds.toFixed(1)} s, servers busy ${seconds(busySeconds)} after start`);
      await api.warmUp(queries);
      const afterWrite = await api.afterWrite(queries);
      log(`    after a write: p50 / p99 ${describe(afterWrite.sorted)} (${afterWrite.sorted.length} requests)`);
      const repeated = await api.repeated(queries);
      log(`    repeated: p50 / p99 ${describe(repeated.sorted)} (${repeated.sorted.length} requests)`);
      const trickle = await api.reads(queries, TRICKLE_PER_SECOND);
      log(`    concurrent reads with ${trickle.writes} writes: p50 / p99 ${describe(trickle.latencies)} (${trickle.responses} requests)`);
      steps.push({ size: api.loader.loaded, loadSeconds, busySeconds, afterWrite, repeated, trickle });
      if (size === sizes.at(-1)) {
        const reads = await api.reads(queries, 0);
        log(`    concurrent reads, no writes: ${(reads.responses / reads.seconds).toFixed(0)}/s, p50 / p99 ${describe(reads.latencies)}`);
        const submissions = await api.submit();
        log(`    submissions: ${(submissions.responses / submissions.seconds).toFixed(0)}/s, p50 / p99 ${describe(submissions.latencies)} ${statusText(submissions.statuses)}`);
        largest = { reads, submissions, size: api.loader.loaded };
      }
    }
  } finally {
    await api.stop();
    target.dispose();
    rmSync(folder, { recursive: true, force: true });
  }
  return report(options, target, steps, largest!);
}

/** Which setup a figure comes from, when it is not the default (SQLite, one server). */
function where(options: BenchOptions): string {
  if (options.databaseUrl === undefined && options.servers === 1) return '';
  const database = options.databaseUrl === undefined ? 'SQLite' : 'PostgreSQL';
  return ` — ${database}, ${options.servers} server process${options.servers > 1 ? 'es' : ''}`;
}

function report(options: BenchOptions, target: DatabaseTarget, steps: Step[], largest: { reads: LoadFigures; submissions: LoadFigures; size: number }): Section {
  const readers = Math.max(1, Math.round(options.connections / 4));
  const growth: Table = {
    title: 'Results latency as contributions grow (p50 / p99)',
    headers: ['contributions', 'first request after a write', 'repeated, no writes', `${readers} concurrent readers + ${TRICKLE_PER_SECOND} writes/s`, 'reads/s (with writes)', 'bulk load (this step)', 'server busy after start'],
    numeric: [0, 1, 2, 3, 4, 5, 6],
    rows: steps.map((step) => [
      count(step.size),
      `${describe(step.afterWrite.sorted)} (n=${step.afterWrite.sorted.length}${step.afterWrite.capped ? ', time cap' : ''})`,
      `${describe(step.repeated.sorted)} (n=${step.repeated.sorted.length}${step.repeated.capped ? ', time cap' : ''})`,
      `${describe(step.trickle.latencies)} (n=${step.trickle.responses})`,
      (step.trickle.responses / step.trickle.seconds).toFixed(0),
      `${step.loadSeconds.toFixed(1)} s`,
      seconds(step.busySeconds),
    ]),
  };
  const { reads, submissions } = largest;
  const created = submissions.statuses['201'] ?? 0;
  const load: Table = {
    title: `Under concurrent load at ${count(largest.size)} loaded contributions`,
    headers: ['what', 'connections', 'requests/s', 'p50', 'p99', 'statuses'],
    numeric: [1, 2, 3, 4],
    rows: [
      [
        'Submissions (PUT /api/v1/contributions/:siret/:theme, new collectivité each, unique Idempotency-Key)',
        String(options.connections),
        (created / submissions.seconds).toFixed(0),
        ms(percentile(submissions.latencies, 50)),
        ms(percentile(submissions.latencies, 99)),
        statusText(submissions.statuses) + (submissions.errors + submissions.timeouts > 0 ? `, ${submissions.errors} errors, ${submissions.timeouts} timeouts` : ''),
      ],
      [
        'Results (GET /api/v1/resultats/:theme, the mix above), no writes',
        String(readers),
        (reads.responses / reads.seconds).toFixed(0),
        ms(percentile(reads.latencies, 50)),
        ms(percentile(reads.latencies, 99)),
        statusText(reads.statuses) + (reads.errors + reads.timeouts > 0 ? `, ${reads.errors} errors, ${reads.timeouts} timeouts` : ''),
      ],
    ],
  };

  const top = steps.at(-1)!;
  const targets: Target[] = [];
  if (top.size >= 315_000 || top.size === MAX_BULK) {
    const p99 = percentile(top.trickle.latencies, 99);
    const afterP50 = percentile(top.afterWrite.sorted, 50);
    const afterP99 = percentile(top.afterWrite.sorted, 99);
    const repeatedP99 = percentile(top.repeated.sorted, 99);
    const concurrentP99 = percentile(reads.latencies, 99);
    const measured =
      `p99 ${ms(p99)} with ${readers} concurrent readers and ${TRICKLE_PER_SECOND} writes/s; ${ms(concurrentP99)} with no writes; ` +
      `one at a time: ${ms(repeatedP99)} repeated, ${ms(afterP99)} for the first request after a write`;
    // Each cause the figures show, largest first; the target's figure is the one with writes.
    const causes: [number, string][] = [];
    if (afterP99 > RESULTS_P99_TARGET) {
      causes.push([afterP99, `recomputing a theme after a write is sometimes slow (first request after a write: p50 ${ms(afterP50)}, p99 ${ms(afterP99)}), and concurrent readers arriving meanwhile wait for it`]);
    }
    if (concurrentP99 > RESULTS_P99_TARGET) {
      causes.push([concurrentP99, `even without writes, ${readers} concurrent readers queue behind one another (p99 ${ms(concurrentP99)}, against ${ms(repeatedP99)} one at a time; the load generator shares the machine's cores)`]);
    }
    if (repeatedP99 > RESULTS_P99_TARGET) {
      causes.push([repeatedP99, `requests repeated with no write in between are still slow at the tail (p99 ${ms(repeatedP99)} one at a time): not every result is served from what was computed before`]);
    }
    const why =
      causes.length > 0
        ? causes.sort((a, b) => b[0] - a[0]).map(([, text]) => text).join('; ') + '.'
        : `no single part exceeds ${RESULTS_P99_TARGET} ms alone: the tail comes from writes and concurrent reads together.`;
    targets.push({ name: `results p99 ≤ ${RESULTS_P99_TARGET} ms at 315,000 contributions${where(options)}`, met: p99 <= RESULTS_P99_TARGET, measured: `${count(top.size)} contributions: ${measured}`, why });
  }

  return {
    title: `3. API${where(options)} (autocannon and sequential requests on loopback, real server processes)`,
    method: [
      `Database: ${target.label}; ${options.servers} server process${options.servers > 1 ? 'es' : ''} (\`src/server/main.ts\`, request log off), load generated from this process.`,
      `Contributions are loaded in bulk through the store (\`bulkInsert\`) while no server runs, as communes × themes in a shuffled order (at most ${count(COMMUNE_COUNT)} communes × ${THEMES.length} themes = ${count(MAX_BULK)}); the servers are restarted on each size, and measured once they are idle ("server busy after start": how long a server kept working on its own once listening, e.g. preparing results in the background; a server idle for a second at most counts as settled).`,
      'Writes through the API come from EPCI, départements and régions (never bulk-loaded), each a new contribution.',
      `Results requests: ${QUERY_MIX}.`,
      `"First request after a write": PUT a new contribution on a theme, then time one results request on that theme; up to ${AFTER_WRITE.samples} pairs or ${AFTER_WRITE.capMs / 1000} s. ` +
        `"Repeated": ${REPEATED.queries} requests timed one at a time after an untimed pass over the same ones. ` +
        `Concurrent runs last ${options.duration} s each (autocannon, latencies from every response).`,
    ],
    tables: [growth, load],
    targets,
    notes: [
      'Each request carries its own X-Forwarded-For (the server trusts it from loopback), as if each came from another client: per-client rate limits do not cap the figures.',
      'Latencies include the HTTP round trip on loopback and, for concurrent runs, waiting behind other requests in the server.',
    ],
  };
}
