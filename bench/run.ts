import { writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
// @ts-expect-error -- a plain JavaScript script shared with the test runner, without types
import { postgresBinDir, startCluster, stopCluster } from '../scripts/postgres-test-cluster.mjs';
import { freshDatabase } from './api/database.js';
import { measureApi } from './api/index.js';
import { disposeCdn, prepareCdn, type CdnBuild } from './lib/build.js';
import { describeMachine, loadAverage } from './lib/machine.js';
import { parseOptions, type BenchOptions } from './lib/options.js';
import { renderSection, renderTable, type Section } from './lib/report.js';
import { conditionsOf } from './render/conditions.js';
import { measureRender } from './render/index.js';
import { measureSize } from './size.js';

/**
 * `npm run bench`: size, render and API figures of barometre-widgets beside SurveyJS, Chart.js and
 * DSFR Chart, printed and written to bench/RESULTS.md with the machine they come from.
 * Options: see bench/lib/options.ts (`npm run bench -- --only=size,render --runs=20`).
 * Not part of `npm test`: timings depend on the machine and on whatever else runs on it, which is
 * why every comparison is a ratio of two sides measured in the same run, interleaved.
 */

/**
 * The API section again on PostgreSQL, with one server process and with two sharing the database,
 * at the largest size only (loading PostgreSQL in bulk, then publishing, takes a while): on a throwaway server
 * started from this machine's PostgreSQL binaries, when there are some.
 */
async function apiOnPostgres(
  options: BenchOptions,
  section: (name: string, title: string, run: () => Promise<Section>) => Promise<void>,
  log: (line: string) => void,
): Promise<void> {
  if (!postgresBinDir()) {
    log('\nPostgreSQL server binaries not found: the API section ran on SQLite only (or pass --database-url=postgres://…).');
    return;
  }
  const cluster = await startCluster();
  try {
    for (const servers of [1, 2]) {
      const databaseUrl = await freshDatabase(cluster.url, `barometre_bench_${servers}`);
      const sizes = [options.sizes.at(-1)!];
      await section(`api on PostgreSQL, ${servers} server(s)`, `3. API on PostgreSQL`, () =>
        measureApi({ ...options, databaseUrl, servers, sizes }, log),
      );
    }
  } finally {
    stopCluster(cluster.dir);
  }
}

function failed(title: string, error: unknown): Section {
  const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
  return { title, method: [], tables: [], targets: [], notes: [`This section failed: \`${message.split('\n')[0]}\``] };
}

export async function main(argv: readonly string[]): Promise<number> {
  const options: BenchOptions = parseOptions(argv);
  const started = performance.now();
  const loadAtStart = loadAverage();
  const log = (line: string) => console.log(line);
  const sections: Section[] = [];
  let chromium: string | undefined;
  let problems = 0;
  let cdn: CdnBuild | undefined;

  const section = async (name: string, title: string, run: () => Promise<Section>) => {
    log(`\n▶ ${name}`);
    try {
      const result = await run();
      sections.push(result);
      log(`\n${renderSection(result)}\n`);
    } catch (error) {
      problems += 1;
      console.error(error);
      sections.push(failed(title, error));
    }
  };

  try {
    if (options.only.has('size') || options.only.has('render')) {
      log(options.cdn ? `Using the script-tag build in ${options.cdn}` : 'Building the script-tag bundle (vite build into a temporary folder)…');
      cdn = prepareCdn(options.cdn);
      if (cdn.owned) log(`  built in ${cdn.seconds.toFixed(1)} s`);
    }
    if (options.only.has('size')) {
      await section('size', '1. Size', async () => (await measureSize(cdn!.dir)).section);
    }
    if (options.only.has('render')) {
      await section('render', '2. Render (headless Chromium)', async () => {
        const conditions = options.conditions ?? [conditionsOf(options.network, options.cpu)];
        const { section: result, figures } = await measureRender(cdn!.dir, options.runs, log, conditions, options.repeat);
        chromium = figures.chromium;
        return result;
      });
    }
    if (options.only.has('api')) {
      await section('api', '3. API', () => measureApi(options, log));
      if (options.databaseUrl === undefined) await apiOnPostgres(options, section, log);
    }
  } finally {
    if (cdn) disposeCdn(cdn);
  }

  const machine = describeMachine(chromium);
  const minutes = (performance.now() - started) / 60_000;
  const summary = sections.flatMap((item) => item.targets.map((target) => [target.met ? '✓' : '✗', target.name, target.measured]));
  const header = [
    '# Benchmark results',
    '',
    `Written by \`npm run bench\` (bench/run.ts) on ${machine.date}, in ${minutes.toFixed(1)} min` +
      (argv.length > 0 ? ` with \`${argv.join(' ')}\`.` : '.'),
    '',
    renderTable({
      headers: ['machine', ''],
      rows: [
        ['CPU', `${machine.cpu} × ${machine.cores} cores`],
        ['memory', machine.memory],
        ['system', machine.os],
        ['Node.js', machine.node],
        ['browser', machine.chromium],
        ['load average (1 min) at start / end', `${loadAtStart} / ${loadAverage()}`],
      ],
    }),
    '',
    'Timings depend on this machine and on whatever else ran on it meanwhile (the load average says how busy it was): ' +
      'compare the ratios, measured side by side in the same run, rather than the absolute figures.',
    '',
    '## Targets',
    '',
    summary.length > 0 ? renderTable({ headers: ['', 'target', 'measured'], rows: summary }) : 'No target was measured.',
  ].join('\n');
  const markdown = `${header}\n\n${sections.map(renderSection).join('\n\n')}\n`;
  log(`\n${header}\n`);
  if (options.out) {
    writeFileSync(options.out, markdown);
    log(`Written to ${options.out}`);
  }
  return problems > 0 ? 1 : 0;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await main(process.argv.slice(2));
}
