/**
 * Load figures of the reference API, printed rather than asserted (`npm run bench:api`):
 *
 * 1. at the seeded size (~13,000 contributions): submissions per second (concurrent PUTs on the
 *    loopback through fetch) and results latency (p50 / p99);
 * 2. with 35,000 communes × 9 themes loaded in bulk through the store: the same figures.
 *
 * The database is a real file (WAL, synchronous=FULL), so every acknowledged PUT was synced.
 * Options: `--submissions=N` (default 2,000), `--concurrency=N` (32), `--reads=N` (300),
 * `--skip-large` to stop after the seeded size.
 */
import { rmSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Collectivite } from '../src/core/schema/collectivite.js';
import { THEMES, type ThemeId } from '../src/core/schema/questionnaire.js';
import { definitions } from '../src/questionnaires/all.js';
import { createServer, testConfig } from '../src/server/main.js';
import { defaultReferential } from '../src/server/referential/adapter.js';
import { placementOf } from '../src/server/referential/placement.js';
import { generateAnswers } from '../src/server/seed/answers.js';
import { calibratedProfiles } from '../src/server/seed/calibrate.js';
import { Prng } from '../src/server/seed/prng.js';
import { headOfficeSiret, syntheticRecords } from '../src/server/seed/seed.js';
import { SqliteContributionStore } from '../src/server/store/sqlite/sqlite-store.js';
import type { BulkRecord } from '../src/server/store/types.js';

const args = new Map(
  process.argv.slice(2).map((arg) => {
    const [name, value = 'true'] = arg.replace(/^--/, '').split('=');
    return [name!, value];
  }),
);
const SUBMISSIONS = Number(args.get('submissions') ?? 2000);
const CONCURRENCY = Number(args.get('concurrency') ?? 32);
const READS = Number(args.get('reads') ?? 300);

const referential = defaultReferential();
const all = [...referential.collectivites()];
const communes = all.filter((c) => c.kind === 'commune');

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

function ms(value: number): string {
  return `${value.toFixed(1)} ms`;
}

/** Runs `count` tasks with at most `concurrency` in flight. */
async function pool(count: number, concurrency: number, task: (index: number) => Promise<void>): Promise<void> {
  let next = 0;
  const workers = Array.from({ length: Math.min(concurrency, count) }, async () => {
    while (next < count) await task(next++);
  });
  await Promise.all(workers);
}

async function start(databasePath: string) {
  const app = createServer(testConfig({ databasePath, seed: 'none', writesPerMinute: 1e9, readsPerMinute: 1e9 }));
  await app.listen({ port: 0, host: '127.0.0.1' });
  return { app, url: `http://127.0.0.1:${(app.server.address() as AddressInfo).port}` };
}

/** Concurrent PUTs of valid contributions by collectivités that have not answered `theme` yet. */
async function submissions(url: string, theme: ThemeId, candidates: readonly Collectivite[], label: string): Promise<void> {
  const definition = definitions[theme];
  const profiles = calibratedProfiles(definition);
  const rng = new Prng(42);
  const bodies = candidates.slice(0, SUBMISSIONS).map((c) => ({
    siret: headOfficeSiret(c.siren),
    body: JSON.stringify({
      role: 'agent',
      version: definition.version,
      answers: generateAnswers(definition, profiles, { population: c.population ?? 0 }, rng),
    }),
  }));
  const statuses = new Map<number, number>();
  const latencies: number[] = [];
  const started = performance.now();
  await pool(bodies.length, CONCURRENCY, async (i) => {
    const { siret, body } = bodies[i]!;
    const t = performance.now();
    const response = await fetch(`${url}/api/v1/contributions/${siret}/${theme}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', 'idempotency-key': `bench-${label}-${i}` },
      body,
    });
    await response.arrayBuffer();
    latencies.push(performance.now() - t);
    statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
  });
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  console.log(
    `  submissions: ${bodies.length} PUTs, concurrency ${CONCURRENCY}: ${(bodies.length / seconds).toFixed(0)} /s ` +
      `(p50 ${ms(percentile(latencies, 50))}, p99 ${ms(percentile(latencies, 99))}; statuses ${JSON.stringify(Object.fromEntries(statuses))})`,
  );
}

/** Results requests for random territories and themes, one at a time. */
async function results(url: string, label: string): Promise<void> {
  const rng = new Prng(7);
  const departements = all.filter((c) => c.kind === 'departement').map((c) => c.territoryId);
  const regions = all.filter((c) => c.kind === 'region').map((c) => c.territoryId);
  const sample = rng.sample(communes, 200).map((c) => c.territoryId);
  const territories = [...departements, ...regions, ...sample];
  const queries = Array.from({ length: READS }, () => {
    const theme = THEMES[rng.int(0, THEMES.length - 1)]!;
    const territory = territories[rng.int(0, territories.length - 1)]!;
    const ponderation = rng.chance(0.3) ? 'redressee' : 'brute';
    return `/api/v1/resultats/${theme}?territoire=${territory}&comparer=region,france,similaires&ponderation=${ponderation}`;
  });
  const measure = async (list: readonly string[]) => {
    const latencies: number[] = [];
    for (const query of list) {
      const t = performance.now();
      const response = await fetch(`${url}${query}`);
      await response.arrayBuffer();
      if (response.status !== 200) throw new Error(`${query}: ${response.status}`);
      latencies.push(performance.now() - t);
    }
    return latencies.sort((a, b) => a - b);
  };
  // First pass: every territory's own series computed for the first time (ancestors soon cached).
  const first = await measure(queries);
  // Second pass: the same requests again, served from the computed series.
  const second = await measure(queries);
  console.log(
    `  results (${label}): first request p50 ${ms(percentile(first, 50))}, p99 ${ms(percentile(first, 99))}; ` +
      `repeated p50 ${ms(percentile(second, 50))}, p99 ${ms(percentile(second, 99))} (${READS} requests each)`,
  );
}

async function seededSize(dir: string): Promise<void> {
  const path = join(dir, 'seeded.db');
  const store = SqliteContributionStore.open({ path });
  let t = performance.now();
  const records = syntheticRecords(referential, definitions);
  const inserted = await store.bulkInsert(records);
  await store.close();
  console.log(`Seeded size: ${inserted} contributions (generated and inserted in ${((performance.now() - t) / 1000).toFixed(1)} s)`);
  const { app, url } = await start(path);
  try {
    await results(url, 'seeded');
    const answered = new Set(records.filter((r) => r.theme === 'donnees').map((r) => r.siren));
    t = performance.now();
    await submissions(url, 'donnees', communes.filter((c) => !answered.has(c.siren)), 'seeded');
    await results(url, 'seeded, after the writes');
  } finally {
    await app.close();
  }
}

async function largeSize(dir: string): Promise<void> {
  const path = join(dir, 'large.db');
  const store = SqliteContributionStore.open({ path });
  const started = performance.now();
  const rng = new Prng(2025);
  const at = '2025-01-15T10:00:00.000Z';
  let inserted = 0;
  for (const theme of THEMES) {
    const definition = definitions[theme];
    const profiles = calibratedProfiles(definition);
    const batch: BulkRecord[] = communes.map((commune) => ({
      siret: headOfficeSiret(commune.siren),
      siren: commune.siren,
      theme,
      version: definition.version,
      role: rng.chance(0.76) ? 'agent' : 'elu',
      answers: generateAnswers(definition, profiles, { population: commune.population ?? 0 }, rng),
      placement: placementOf(commune, referential),
      createdAt: at,
      updatedAt: at,
      editTokenHash: Buffer.alloc(32, inserted % 251),
    }));
    inserted += await store.bulkInsert(batch);
  }
  await store.close();
  console.log(
    `Large size: ${inserted} contributions (${communes.length} communes × ${THEMES.length} themes, ` +
      `bulk-inserted in ${((performance.now() - started) / 1000).toFixed(1)} s)`,
  );
  const { app, url } = await start(path);
  try {
    await results(url, 'large');
    // Every commune has answered: the PUTs come from EPCI, départements and régions (then conflicts).
    const others = all.filter((c) => c.kind !== 'commune');
    await submissions(url, 'donnees', [...others, ...communes], 'large');
  } finally {
    await app.close();
  }
}

const dir = mkdtempSync(join(tmpdir(), 'barometre-bench-'));
try {
  console.log(`Reference API benchmark (Node ${process.version}, loopback, SQLite WAL + synchronous=FULL)`);
  await seededSize(dir);
  if (!args.has('skip-large')) await largeSize(dir);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
