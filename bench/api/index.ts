import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { THEMES } from '../../src/core/schema/questionnaire.js';
import type { PublicationFigures } from '../../src/server/publication/figures.js';
import { loadAverage } from '../lib/machine.js';
import type { BenchOptions } from '../lib/options.js';
import type { Section, Table, Target } from '../lib/report.js';
import { count, ms, percentile, ratio, sleep, sortedCopy } from '../lib/stats.js';
import { BulkLoader, COMMUNE_COUNT, MAX_BULK, QUERY_MIX, resultsQueries, Submissions, type ResultsQuery } from './data.js';
import { sqliteTarget, urlTarget, type DatabaseTarget } from './database.js';
import { hammer, submissionRequest, timed, type LoadFigures } from './load.js';
import { startServers, type ApiServer, type PublishedSummary, type PublishFigures } from './servers.js';

/**
 * Section 3: the reference API on loopback, against real server processes.
 *
 * Public results are read from publications: snapshots computed in batch from every contribution,
 * stored, and served from memory by every server. For each size of the growth table (contributions
 * loaded in bulk through the store while no server runs, then the servers started on them):
 * - publication: `POST /api/v1/admin/publications` on one server, timed to its 201, with that
 *   server process's peak resident memory meanwhile; then every server is checked to serve it;
 * - reads: results requests one at a time, then concurrent results requests (autocannon) while a
 *   trickle of new contributions arrives (which change nothing published until the next publication).
 * At the largest size, also: concurrent results requests without writes (the baseline of the
 * reads with writes) and submissions per second.
 *
 * Only the public HTTP API is used, plus the store's `bulkInsert` to load data and its
 * `publication` to read the stored size of what was published.
 */

export const RESULTS_P99_TARGET = 10;
/** Computing a publication of every commune × every theme, on the benchmark's machine. */
export const PUBLICATION_SECONDS_TARGET = 60;

/** Results requests timed one at a time, after an untimed pass over the same ones (the servers were just started). */
const ONE_AT_A_TIME = { queries: 120, capMs: 12_000 };
const TRICKLE_PER_SECOND = 4;
/** How long every server may take to serve a new publication (each looks for one every 2 s). */
const SERVED_WITHIN_MS = 30_000;
/** How long a server may take over the publication it makes at start when the database holds none. */
const FIRST_PUBLICATION_MS = 15 * 60_000;

interface Latencies {
  sorted: number[];
  statuses: Record<string, number>;
  capped: boolean;
}

interface Stored {
  /** gzip bytes as stored: the figures the servers load, and the ledger the next publication reads. */
  figures: number;
  ledger: number;
  /** The figures' JSON, uncompressed (what each server parses and keeps in memory). */
  json: number;
  /** Seconds spent protecting each theme, from the publication's own report. */
  themeSeconds: Record<string, number>;
}

/** A publication attempt, and the publication every server serves afterwards (the previous one when it was refused). */
interface Publication extends PublishFigures {
  served: PublishedSummary;
}

interface Step {
  size: number;
  /** Contributions written through the API before this step's publication. */
  created: number;
  loadSeconds: number;
  publication: Publication;
  /** The 1-minute load average when the publication came out. */
  load: string;
  stored: Stored | undefined;
  oneAtATime: Latencies;
  trickle: LoadFigures & { writes: number };
}

interface Largest {
  size: number;
  reads: LoadFigures;
  submissions: LoadFigures;
}

const MB = (bytes: number) => (Number.isFinite(bytes) ? `${(bytes / 1e6).toFixed(bytes >= 1e8 ? 0 : 1)} MB` : 'n/a');
const seconds = (value: number) => (Number.isFinite(value) ? `${value.toFixed(value >= 100 ? 0 : 1)} s` : 'n/a');

function describe(values: readonly number[]): string {
  return values.length === 0 ? 'n/a' : `${ms(percentile(values, 50))} / ${ms(percentile(values, 99))}`;
}

function statusText(statuses: Record<string, number>, figures?: { errors: number; timeouts: number }): string {
  const text = Object.entries(statuses)
    .map(([status, n]) => `${status}×${n}`)
    .join(' ');
  return figures && figures.errors + figures.timeouts > 0 ? `${text}, ${figures.errors} errors, ${figures.timeouts} timeouts` : text;
}

/** Runs `task` up to `samples` times, stopping early once `capMs` have passed. */
async function sequential(samples: number, capMs: number, task: (index: number) => Promise<{ ms: number; status: number }>): Promise<Latencies> {
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
    values.push(result.ms);
    statuses[result.status] = (statuses[result.status] ?? 0) + 1;
  }
  return { sorted: sortedCopy(values), statuses, capped };
}

async function until<T>(what: string, withinMs: number, pauseMs: number, probe: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + withinMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Gave up waiting: ${what} (${withinMs / 1000} s)`);
    await sleep(pauseMs);
  }
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
    readonly probePath: string,
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
   * Loads up to `size` contributions with no server running, then starts the servers and checks
   * they see them. A server makes a publication at start when the database holds none: that one
   * is waited for (the benchmark starts with `size` 0, so it is the empty one).
   */
  async prepare(size: number): Promise<{ loadSeconds: number }> {
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
    await this.newest(FIRST_PUBLICATION_MS);
    return { loadSeconds };
  }

  /** The newest publication on record, waited for when there is none yet. */
  async newest(withinMs: number): Promise<PublishedSummary> {
    return until('a publication on record', withinMs, 500, async () => (await this.servers[0]!.publications())[0]);
  }

  /**
   * Publishes through the first server, then waits until every server serves the newest
   * publication: this one, or the previous one when the audit refused this one (which the
   * report then says: reads at that size do not come from a publication of that size).
   */
  async publish(): Promise<Publication> {
    const figures = await this.servers[0]!.publish();
    if (figures.status !== 201 && figures.refused === undefined) {
      throw new Error(`POST /api/v1/admin/publications answered ${figures.status} after ${figures.seconds.toFixed(1)} s: ${figures.body.slice(0, 300)}`);
    }
    const served = figures.publication ?? (await this.newest(0));
    for (const server of this.servers) {
      await until(`${server.origin} serving publication ${served.id}`, SERVED_WITHIN_MS, 200, async () =>
        (await server.servedPublication(this.probePath)) === served.id ? true : undefined,
      );
    }
    return { ...figures, served };
  }

  /** The stored publication's size and per-theme timings (read through a store of the benchmark's own). */
  async stored(id: string): Promise<Stored | undefined> {
    const store = await this.target.openStore();
    try {
      const record = await store.publication(id);
      if (!record) return undefined;
      const json = gunzipSync(record.figures);
      const figures = JSON.parse(json.toString('utf8')) as PublicationFigures;
      const themeSeconds = Object.fromEntries(Object.entries(figures.themes).map(([theme, item]) => [theme, item.report.milliseconds / 1000]));
      return { figures: record.figures.length, ledger: record.ledger.length, json: json.length, themeSeconds };
    } finally {
      await store.close();
    }
  }

  async write(): Promise<number | undefined> {
    const submission = this.submissions.next();
    if (!submission) return undefined;
    const { status } = await timed(this.server(), submissionRequest(submission));
    if (status === 201) this.created += 1;
    return status;
  }

  async oneAtATime(queries: readonly ResultsQuery[]): Promise<Latencies> {
    const list = queries.slice(0, ONE_AT_A_TIME.queries);
    await sequential(list.length, ONE_AT_A_TIME.capMs, async (i) => timed(this.server(), { method: 'GET', path: list[i]!.path }));
    return sequential(list.length, ONE_AT_A_TIME.capMs, async (i) => timed(this.server(), { method: 'GET', path: list[i]!.path }));
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
        if ((await this.write()) === 201) writes += 1;
        await sleep(Math.max(0, due - performance.now()));
      }
    })();
    let next = 0;
    const figures = await hammer(this.servers, {
      connections: readersOf(this.options),
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
    const figures = await hammer(this.servers, {
      connections: this.options.connections,
      duration: this.options.duration,
      limit,
      next: () => submissionRequest(this.submissions.next()!),
    });
    this.created += figures.statuses['201'] ?? 0;
    return figures;
  }
}

const readersOf = (options: BenchOptions) => Math.max(1, Math.round(options.connections / 4));

export async function measureApi(options: BenchOptions, log: (line: string) => void): Promise<Section> {
  const folder = mkdtempSync(join(tmpdir(), 'barometre-bench-api-'));
  const target = options.databaseUrl ? urlTarget(options.databaseUrl, folder) : sqliteTarget(folder);
  const queries = resultsQueries(400, 11);
  const api = new Api(target, options, queries[0]!.path);
  const sizes = [...new Set(options.sizes.map((size) => Math.min(size, MAX_BULK)))];
  const steps: Step[] = [];
  let largest: Largest | undefined;
  try {
    // An empty database: the servers' publication at start is the empty one, made before any measurement.
    await api.prepare(0);
    for (const size of sizes) {
      const { loadSeconds } = await api.prepare(size);
      const created = api.created;
      log(`  ${count(api.loader.loaded)} contributions (+${created} through the API): bulk load ${loadSeconds.toFixed(1)} s`);
      const publication = await api.publish();
      const load = loadAverage();
      const stored = publication.publication ? await api.stored(publication.publication.id) : undefined;
      log(
        `    publication: ${outcome(publication)} in ${seconds(publication.seconds)}, ` +
          `server RSS ${MB(publication.rssBefore)} before, peak ${MB(publication.rssPeak)} (${publication.peakFrom}); ` +
          `stored ${stored ? MB(stored.figures + stored.ledger) : 'n/a'} gzip; load average ${load}; served: ${publication.served.id} (${count(publication.served.contributions)} contributions)`,
      );
      const oneAtATime = await api.oneAtATime(queries);
      log(`    one at a time: p50 / p99 ${describe(oneAtATime.sorted)} (${oneAtATime.sorted.length} requests) ${statusText(oneAtATime.statuses)}`);
      const trickle = await api.reads(queries, TRICKLE_PER_SECOND);
      log(`    ${readersOf(options)} concurrent readers with ${trickle.writes} writes: p50 / p99 ${describe(trickle.latencies)} (${trickle.responses} requests) ${statusText(trickle.statuses, trickle)}`);
      steps.push({ size: api.loader.loaded, created, loadSeconds, publication, load, stored, oneAtATime, trickle });
      if (size === sizes.at(-1)) {
        const reads = await api.reads(queries, 0);
        log(`    concurrent reads, no writes: ${(reads.responses / reads.seconds).toFixed(0)}/s, p50 / p99 ${describe(reads.latencies)}`);
        const submissions = await api.submit();
        log(`    submissions: ${((submissions.statuses['201'] ?? 0) / submissions.seconds).toFixed(0)}/s, p50 / p99 ${describe(submissions.latencies)} ${statusText(submissions.statuses)}`);
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

/** How the peaks were read (see memory.ts). */
function peakHow(steps: readonly Step[]): string {
  const ways = new Set(steps.map((step) => step.publication.peakFrom));
  return [...ways].map((way) => (way === 'VmHWM' ? "the kernel's high-water mark VmHWM, reset when the request is sent" : way)).join('; ');
}

/** What came of a publication attempt, in a few words. */
function outcome(publication: Publication): string {
  if (publication.publication) return `${count(publication.publication.contributions)} contributions published`;
  return `refused by the audit (${count(publication.refused ?? Number.NaN)} hidden figures recoverable)`;
}

/** The themes' times, slowest first, and their sum. */
function themeTimes(stored: Stored): { sum: number; slowest: [string, number][] } {
  const slowest = Object.entries(stored.themeSeconds).sort((a, b) => b[1] - a[1]);
  return { sum: slowest.reduce((total, [, value]) => total + value, 0), slowest };
}

/** `cybersecurite 4.2 s, inclusion 3.1 s`: the `shown` slowest themes. */
function slowestThemes(stored: Stored, shown: number): string {
  return themeTimes(stored)
    .slowest.slice(0, shown)
    .map(([theme, value]) => `${theme} ${seconds(value)}`)
    .join(', ');
}

/**
 * Where a publication's time went, from its own report. Themes may be computed side by side
 * (worker threads), in which case their times add up to more than the publication's.
 */
function publicationTime(wall: number, stored: Stored): string {
  const { sum, slowest } = themeTimes(stored);
  const [theme, longest] = slowest[0] ?? ['', Number.NaN];
  if (sum <= wall) {
    return (
      `protecting the ${THEMES.length} themes took ${seconds(sum)} of it (slowest: ${slowestThemes(stored, 3)}), ` +
      `the rest (reading the contributions, compressing and storing) ${seconds(wall - sum)}`
    );
  }
  return (
    `the themes were protected side by side (their times add up to ${seconds(sum)}, more than the ${seconds(wall)} the publication took); ` +
    `the slowest, ${theme}, took ${seconds(longest)} on its own, and no publication is shorter than its slowest theme ` +
    `(next: ${slowest.slice(1, 4).map(([name, value]) => `${name} ${seconds(value)}`).join(', ')})`
  );
}

function report(options: BenchOptions, target: DatabaseTarget, steps: Step[], largest: Largest): Section {
  const readers = readersOf(options);
  const cores = availableParallelism();
  const publications: Table = {
    title: 'Publication as contributions grow (POST /api/v1/admin/publications, one server computing)',
    headers: ['contributions', 'in the publication', 'bulk load (this step)', 'publication', 'themes, summed (slowest)', 'server RSS before → peak', 'stored (gzip)', 'figures JSON', 'load average'],
    numeric: [0, 1, 2, 3, 4, 6, 7, 8],
    rows: steps.map((step) => {
      const themes = step.stored ? themeTimes(step.stored) : undefined;
      return [
        count(step.size) + (step.created > 0 ? ` (+${count(step.created)})` : ''),
        step.publication.publication ? count(step.publication.publication.contributions) : `refused (${count(step.publication.refused ?? Number.NaN)} recoverable)`,
        seconds(step.loadSeconds),
        seconds(step.publication.seconds),
        themes ? `${seconds(themes.sum)} (${themes.slowest[0]?.[0] ?? ''} ${seconds(themes.slowest[0]?.[1] ?? Number.NaN)})` : 'n/a',
        `${MB(step.publication.rssBefore)} → ${MB(step.publication.rssPeak)}`,
        step.stored ? MB(step.stored.figures + step.stored.ledger) : 'n/a',
        step.stored ? MB(step.stored.json) : 'n/a',
        step.load,
      ];
    }),
  };
  const reads: Table = {
    title: 'Results read from the publication as contributions grow (p50 / p99)',
    headers: ['contributions', 'publication served', 'one at a time', `${readers} concurrent readers + ${TRICKLE_PER_SECOND} writes/s`, 'reads/s (with writes)', 'writes (201)', 'read statuses'],
    numeric: [0, 2, 3, 4, 5],
    rows: steps.map((step) => [
      count(step.size),
      `${count(step.publication.served.contributions)} contributions${step.publication.publication ? '' : ' (an earlier one)'}`,
      `${describe(step.oneAtATime.sorted)} (n=${step.oneAtATime.sorted.length}${step.oneAtATime.capped ? ', time cap' : ''})`,
      `${describe(step.trickle.latencies)} (n=${step.trickle.responses})`,
      (step.trickle.responses / step.trickle.seconds).toFixed(0),
      String(step.trickle.writes),
      statusText(step.trickle.statuses, step.trickle),
    ]),
  };

  const top = steps.at(-1)!;
  const { submissions } = largest;
  const withWritesP99 = percentile(top.trickle.latencies, 99);
  const noWritesP99 = percentile(largest.reads.latencies, 99);
  const load: Table = {
    title: `Under concurrent load at ${count(largest.size)} loaded contributions`,
    headers: ['what', 'connections', 'requests/s', 'p50', 'p99', 'p99 vs no writes', 'statuses'],
    numeric: [1, 2, 3, 4, 5],
    rows: [
      [
        'Submissions (PUT /api/v1/contributions/:siret/:theme, new collectivité each, unique Idempotency-Key)',
        String(options.connections),
        ((submissions.statuses['201'] ?? 0) / submissions.seconds).toFixed(0),
        ms(percentile(submissions.latencies, 50)),
        ms(percentile(submissions.latencies, 99)),
        '',
        statusText(submissions.statuses, submissions),
      ],
      [
        'Results (GET /api/v1/resultats/:theme, the mix above), no writes',
        String(readers),
        (largest.reads.responses / largest.reads.seconds).toFixed(0),
        ms(percentile(largest.reads.latencies, 50)),
        ms(noWritesP99),
        '',
        statusText(largest.reads.statuses, largest.reads),
      ],
      [
        `Results, the same mix, with ${TRICKLE_PER_SECOND} writes/s (from the table above)`,
        String(readers),
        (top.trickle.responses / top.trickle.seconds).toFixed(0),
        ms(percentile(top.trickle.latencies, 50)),
        ms(withWritesP99),
        ratio(withWritesP99 / noWritesP99),
        statusText(top.trickle.statuses, top.trickle),
      ],
    ],
  };

  const targets: Target[] = [];
  if (top.size === MAX_BULK) {
    const oneP99 = percentile(top.oneAtATime.sorted, 99);
    const causes: [number, string][] = [];
    if (oneP99 > RESULTS_P99_TARGET) {
      causes.push([oneP99, `a single request is already that slow at the tail with no other request from the benchmark (p99 ${ms(oneP99)} one at a time, over ${top.oneAtATime.sorted.length} requests): reading the publication and writing the response, or other work on the machine taking the cores`]);
    }
    if (noWritesP99 > RESULTS_P99_TARGET) {
      causes.push([noWritesP99, `${readers} concurrent readers wait behind one another (p99 ${ms(noWritesP99)} with no writes, ${ms(oneP99)} one at a time); the load generator runs on the same ${cores} cores as the server${options.servers > 1 ? 's' : ''}`]);
    }
    if (withWritesP99 > Math.max(noWritesP99, RESULTS_P99_TARGET)) {
      causes.push([
        withWritesP99,
        `with writes the p99 is ${ratio(withWritesP99 / noWritesP99)} the one without, measured just after: the same process${options.servers > 1 ? 'es' : ''} handle${options.servers > 1 ? '' : 's'} each write (a database transaction); ` +
          `on a busy machine part of such a gap is noise between two ${options.duration}-second runs`,
      ]);
    }
    const publication = top.publication;
    // Reads from an earlier, smaller publication say nothing of this size's.
    const servedHere = publication.publication !== undefined;
    if (!servedHere) {
      causes.push([Number.POSITIVE_INFINITY, `the publication of this size was refused, so the reads came from an earlier one (${count(publication.served.contributions)} contributions): the figures do not measure reads from a publication of this size`]);
    }
    const why =
      causes.length > 0
        ? causes.sort((a, b) => b[0] - a[0]).map(([, text]) => text).join('; ') + '.'
        : `no single part exceeds ${RESULTS_P99_TARGET} ms alone: the tail comes from concurrent reads and writes together.`;
    targets.push({
      name: `results p99 ≤ ${RESULTS_P99_TARGET} ms at ${count(MAX_BULK)} contributions${where(options)}`,
      met: servedHere && withWritesP99 <= RESULTS_P99_TARGET,
      measured: `p99 ${ms(withWritesP99)} (p50 ${ms(percentile(top.trickle.latencies, 50))}) with ${readers} concurrent readers and ${TRICKLE_PER_SECOND} writes/s; ${ms(noWritesP99)} with no writes; ${ms(oneP99)} one at a time`,
      why,
    });
    const slow = top.stored ? `${publicationTime(publication.seconds, top.stored)}; ` : '';
    targets.push({
      name: `publication ≤ ${PUBLICATION_SECONDS_TARGET} s at ${count(MAX_BULK)} contributions on ${cores} cores${where(options)}`,
      met: servedHere && publication.seconds <= PUBLICATION_SECONDS_TARGET,
      measured:
        `${seconds(publication.seconds)}${servedHere ? '' : `, then ${outcome(publication)}`}, server peak RSS ${MB(publication.rssPeak)} ` +
        `(${MB(publication.rssBefore)} before); load average ${top.load} when it ended`,
      why: servedHere
        ? `${slow}other work on the machine lengthens it (load average ${top.load} on ${cores} cores).`
        : `nothing was published: ${outcome(publication)}. ${slow}`.trim(),
    });
  }

  return {
    title: `3. API${where(options)} (publications, then autocannon and sequential requests on loopback, real server processes)`,
    method: [
      `Database: ${target.label}; ${options.servers} server process${options.servers > 1 ? 'es' : ''} (\`src/server/main.ts\`, request log off, \`BAROMETRE_PUBLICATION_INTERVAL=0\`: publications on demand only), load generated from this process.`,
      `Contributions are loaded in bulk through the store (\`bulkInsert\`) while no server runs, as communes × themes in a shuffled order (at most ${count(COMMUNE_COUNT)} communes × ${THEMES.length} themes = ${count(MAX_BULK)}); the servers are restarted on each size. ` +
        'The servers first start on the empty database, so the publication a server makes at start when none exists is the empty one. ' +
        (steps.length > 1
          ? 'Each publication after the first compares itself with the previous one (changes it may hold back), and also counts the contributions written through the API at earlier sizes.'
          : 'With one size, its publication is the first to hold contributions: it has no previous one to compare itself with.'),
      `At each size, one server publishes (\`POST /api/v1/admin/publications\` with the administrator's token): "publication" is that request's duration, to its 201 (or to its 409 when the secrecy audit refuses the publication: the previous one then stays served, and the reads table says so); ` +
        '"themes": the time the publication\'s own report gives to each theme (tables, secrecy, audit), summed, and the slowest theme; themes computed side by side add up to more than the publication took; ' +
        `"server RSS" that process's resident memory before the request and its peak during it (${peakHow(steps)}). ` +
        `Every server is then checked to serve that publication (the ETag of a results response names it) before reads are measured. "Stored": figures and ledger, gzip, as the store holds them (read through the store); "figures JSON": uncompressed, what every server parses and keeps in memory.`,
      `A publication counts the contributions present when it is computed, less changes it holds back (statistical secrecy): "in the publication" is its own count, "publication served" the one the reads come from. Writes through the API come from EPCI, départements and régions (never bulk-loaded), each a new contribution; they change no result until the next publication ("(+n)": those written at earlier sizes).`,
      `Results requests: ${QUERY_MIX}.`,
      `"One at a time": ${ONE_AT_A_TIME.queries} requests timed one after the other, after an untimed pass over the same ones. Concurrent runs last ${options.duration} s each (autocannon, latencies from every response).`,
    ],
    tables: [publications, reads, load],
    targets,
    notes: [
      'Each request carries its own X-Forwarded-For (the server trusts it from loopback), as if each came from another client: per-client rate limits do not cap the figures.',
      'Latencies include the HTTP round trip on loopback and, for concurrent runs, waiting behind other requests in the server.',
      `Publication times and memory are those of this machine (${cores} cores) with whatever else ran on it: the load average column says how busy it was.`,
    ],
  };
}
