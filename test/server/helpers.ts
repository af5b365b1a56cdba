import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { Client, escapeIdentifier, Pool } from 'pg';
import type { Collectivite } from '../../src/core/schema/collectivite.js';
import type { Answers } from '../../src/core/schema/questionnaire.js';
import { openServer, testConfig, type ServerConfig, type ServerDependencies } from '../../src/server/main.js';
import { defaultReferential } from '../../src/server/referential/adapter.js';
import { headOfficeSiret } from '../../src/server/seed/seed.js';
import { PostgresContributionStore } from '../../src/server/store/postgres/postgres-store.js';
import { SqliteContributionStore } from '../../src/server/store/sqlite/sqlite-store.js';
import type { ContributionStore } from '../../src/server/store/types.js';
import { OPEN_EDITIONS } from '../helpers/open-waves.js';

/** The administrator token of test servers. */
export const ADMIN_TOKEN = 'test-admin-token-0123456789abcdef';

/**
 * Which store the server tests run on. `npm test` runs test/server twice: on SQLite, then with
 * `BAROMETRE_TEST_STORE=postgres` and `BAROMETRE_TEST_DATABASE_URL` naming a database whose role
 * may create databases (each test server gets a fresh one, dropped when it closes).
 */
export const TEST_STORE: 'sqlite' | 'postgres' = process.env.BAROMETRE_TEST_STORE === 'postgres' ? 'postgres' : 'sqlite';

/** The store's name as suites show it. */
export const STORE_NAME = TEST_STORE === 'postgres' ? 'PostgreSQL' : 'SQLite';

/** A suite name marked with the store it runs on, so reports tell the two runs apart. */
export function onStore(name: string): string {
  return `${name} [${STORE_NAME}]`;
}

const ADMIN_URL = process.env.BAROMETRE_TEST_DATABASE_URL;
if (TEST_STORE === 'postgres' && !ADMIN_URL) {
  throw new Error('BAROMETRE_TEST_STORE=postgres needs BAROMETRE_TEST_DATABASE_URL=postgres://user:password@host:port/database');
}

/** A server listening on a random port of the loopback, with its own database in a temporary folder. */
export interface TestServer {
  app: FastifyInstance;
  url: string;
  config: ServerConfig;
  dir: string;
  /** On PostgreSQL, the URL of the server's own database. */
  databaseUrl?: string;
  /** Stops the server; removes the folder (and on PostgreSQL drops the database) unless `keepFiles`. */
  close(options?: { keepFiles?: boolean }): Promise<void>;
}

/** A fresh temporary folder. */
export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'barometre-server-test-'));
}

let adminPool: Pool | undefined;

/** Connections to the administrative database, which creates and drops the tests' databases. */
function admin(): Pool {
  if (!ADMIN_URL) throw new Error('No PostgreSQL for tests: set BAROMETRE_TEST_DATABASE_URL');
  // Idle connections must not keep a finished test file's process alive.
  adminPool ??= new Pool({ connectionString: ADMIN_URL, max: 2, allowExitOnIdle: true });
  return adminPool;
}

/** The URL of another database on the tests' PostgreSQL server. */
export function testDatabaseUrl(name: string): string {
  const url = new URL(ADMIN_URL ?? 'postgres://localhost');
  url.pathname = `/${name}`;
  return url.toString();
}

/**
 * Creates an empty database with a random name, so test files and servers running at the same
 * time never share data. From template0 with a fixed encoding and byte-order collation, so the
 * cluster's own defaults make no difference.
 */
export async function createTestDatabase(): Promise<{ name: string; url: string }> {
  const name = `barometre_test_${randomBytes(8).toString('hex')}`;
  await admin().query(`CREATE DATABASE ${escapeIdentifier(name)} TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'`);
  return { name, url: testDatabaseUrl(name) };
}

/**
 * Drops a test database, closing whatever connections are left on it. A role that may not end
 * another role's session (an autovacuum worker passing by, when it lacks pg_signal_backend) waits
 * for it to leave and tries again.
 */
export async function dropTestDatabase(name: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await admin().query(`DROP DATABASE IF EXISTS ${escapeIdentifier(name)} WITH (FORCE)`);
      return;
    } catch (error) {
      const code = (error as { code?: string }).code;
      // 42501: not allowed to end that session; 55006: the database is still in use.
      if (attempt === 20 || (code !== '42501' && code !== '55006')) throw error;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}

/** The database a folder stands for: its SQLite file, or on PostgreSQL a database recorded in it. */
const databasesOfDirs = new Map<string, Promise<string>>();

function databaseOfDir(dir: string): Promise<string> {
  let name = databasesOfDirs.get(dir);
  if (!name) {
    const record = join(dir, 'postgres-database');
    name = existsSync(record)
      ? Promise.resolve(readFileSync(record, 'utf8').trim())
      : createTestDatabase().then((created) => {
          writeFileSync(record, created.name);
          return created.name;
        });
    databasesOfDirs.set(dir, name);
  }
  return name;
}

/** Options of {@link startServer}. */
export interface StartOptions {
  /**
   * Whether to return only once a publication exists (default): a server publishes at start when
   * none exists, in the background, and a test writing meanwhile could see its contributions
   * counted in that first publication or not. `false` returns as soon as the server listens.
   */
  awaitPublication?: boolean;
  /** The port to listen on; a random free one by default. */
  port?: number;
}

/**
 * Starts a real server on port 0, on the store the tests run on (see {@link TEST_STORE}): a
 * temporary SQLite file unless `databasePath` is given, or a fresh PostgreSQL database. Servers
 * started on the same `dir` share their database, like instances behind a load balancer.
 */
export async function startServer(
  overrides: Partial<ServerConfig> = {},
  dependencies: ServerDependencies = {},
  dir: string = tempDir(),
  options: StartOptions = {},
): Promise<TestServer> {
  const database = TEST_STORE === 'postgres' && dependencies.store === undefined ? await databaseOfDir(dir) : undefined;
  const config = testConfig({
    databasePath: join(dir, 'barometre.db'),
    ...(database === undefined ? {} : { postgres: { url: testDatabaseUrl(database), poolSize: 10 } }),
    adminToken: ADMIN_TOKEN,
    // A test that sets the server's clock is about the calendar: it runs on the release's.
    ...(dependencies.now === undefined ? { editions: OPEN_EDITIONS } : {}),
    // Nothing to serve unless a test asks for it.
    staticRoots: { demo: join(dir, 'no-demo'), cdn: join(dir, 'no-cdn'), referential: join(dir, 'no-referential') },
    ...overrides,
  });
  const app = await openServer(config, dependencies);
  await app.listen({ port: options.port ?? 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  if (options.awaitPublication ?? true) {
    try {
      await publications(url, (list) => list.length > 0);
    } catch (error) {
      await app.close();
      throw error;
    }
  }
  return {
    app,
    url,
    config,
    dir,
    ...(config.postgres ? { databaseUrl: config.postgres.url } : {}),
    async close(options = {}) {
      await app.close();
      if (options.keepFiles) return;
      if (database !== undefined) {
        databasesOfDirs.delete(dir);
        await dropTestDatabase(database);
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A clock for a test server (`ServerDependencies.now`): it reads `instant`, runs on from there, and the test may move it. */
export function testClock(instant: string): { now: () => Date; set(at: string): void } {
  let offset = Date.parse(instant) - Date.now();
  return { now: () => new Date(Date.now() + offset), set: (at) => (offset = Date.parse(at) - Date.now()) };
}

/** A test server whose clock reads `instant` and runs on from there (publications need instants of their own); `setNow` moves it. */
export async function startServerAt(instant: string, overrides: Partial<ServerConfig> = {}): Promise<{ server: TestServer; setNow(at: string): void }> {
  const clock = testClock(instant);
  const server = await startServer(overrides, { now: clock.now });
  return { server, setNow: clock.set };
}

/** A store opened directly (storage tests), on the store the tests run on. */
export interface TestStore {
  store: ContributionStore;
  /** Opens another store on the same database: another process, or another instance. */
  openAnother(): Promise<ContributionStore>;
  /** Closes the first store and removes the database. */
  dispose(): Promise<void>;
}

/** Opens a store on a fresh database of the kind the tests run on. */
export async function openTestStore(): Promise<TestStore> {
  if (TEST_STORE === 'postgres') {
    const { name, url } = await createTestDatabase();
    const open = () => PostgresContributionStore.open({ url, poolSize: 5 });
    const store = await open();
    return {
      store,
      openAnother: open,
      async dispose() {
        await store.close();
        await dropTestDatabase(name);
      },
    };
  }
  const dir = tempDir();
  const path = join(dir, 'barometre.db');
  const store = SqliteContributionStore.open({ path });
  return {
    store,
    openAnother: async () => SqliteContributionStore.open({ path }),
    async dispose() {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Everything a test server's database holds, to search for what must never be stored: the bytes
 * of its SQLite files, or on PostgreSQL every row of every table (bytea columns as raw bytes).
 */
export async function storedData(server: TestServer): Promise<{ source: string; bytes: Buffer }[]> {
  if (server.databaseUrl === undefined) {
    return readdirSync(server.dir)
      .filter((name) => name.startsWith('barometre.db'))
      .map((name) => ({ source: name, bytes: readFileSync(join(server.dir, name)) }));
  }
  const client = new Client({ connectionString: server.databaseUrl });
  await client.connect();
  try {
    const { rows: tables } = await client.query<{ table_name: string }>(
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'",
    );
    const found: { source: string; bytes: Buffer }[] = [];
    for (const { table_name: table } of tables) {
      const { rows } = await client.query<Record<string, unknown>>(`SELECT * FROM ${escapeIdentifier(table)}`);
      const parts = rows.flatMap((row) => Object.values(row).map((value) => (Buffer.isBuffer(value) ? value : Buffer.from(String(value)))));
      found.push({ source: table, bytes: Buffer.concat(parts) });
    }
    return found;
  } finally {
    await client.end();
  }
}

/** Options of a contribution request. */
export interface PutOptions {
  key?: string | null;
  token?: string;
  lang?: string;
  headers?: Record<string, string>;
}

let keys = 0;

/** A unique idempotency key. */
export function newKey(): string {
  keys += 1;
  return `test-${process.pid}-${keys}-${Math.floor(performance.now() * 1000)}`;
}

/** PUTs a contribution; a fresh idempotency key is used unless one is given (`null`: none). */
export function putContribution(
  url: string,
  siret: string,
  theme: string,
  body: unknown,
  options: PutOptions = {},
): Promise<Response> {
  const headers: Record<string, string> = { 'content-type': 'application/json', ...options.headers };
  const key = options.key === undefined ? newKey() : options.key;
  if (key !== null) headers['idempotency-key'] = key;
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.lang) headers['accept-language'] = options.lang;
  return fetch(`${url}/api/v1/contributions/${siret}/${theme}`, {
    method: 'PUT',
    headers,
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

/** GET with the administrator's token. */
export function adminGet(url: string, path: string, token = ADMIN_TOKEN): Promise<Response> {
  return fetch(`${url}${path}`, { headers: { authorization: `Bearer ${token}` } });
}

/** POST with the administrator's token. */
export function adminPost(url: string, path: string, token = ADMIN_TOKEN): Promise<Response> {
  return fetch(`${url}${path}`, { method: 'POST', headers: { authorization: `Bearer ${token}` } });
}

/**
 * Publishes the contributions received so far (`POST /api/v1/admin/publications`) and returns the
 * publication: public figures only ever come from one. Fails the test when the server refuses.
 */
export async function publishNow(url: string): Promise<PublicationSummary> {
  const response = await adminPost(url, '/api/v1/admin/publications');
  const body = await response.json();
  if (response.status !== 201) throw new Error(`Publishing failed (${response.status}): ${JSON.stringify(body)}`);
  return body;
}

/** A publication as `GET /api/v1/publications` lists it. */
export interface PublicationSummary {
  id: string;
  publishedAt: string;
  /** The edition it publishes. */
  edition: string;
  contributions: number;
}

/**
 * The publications a server lists (`GET /api/v1/publications`, newest first), once `until` holds
 * for them: checked again every 50 ms, for 60 s at most.
 */
export async function publications(
  url: string,
  until: (list: PublicationSummary[]) => boolean = () => true,
): Promise<PublicationSummary[]> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const response = await fetch(`${url}/api/v1/publications`);
    const body = (await response.json()) as { publications: PublicationSummary[] };
    if (response.status !== 200) throw new Error(`GET /publications answered ${response.status}: ${JSON.stringify(body)}`);
    if (until(body.publications)) return body.publications;
    if (Date.now() > deadline) throw new Error(`The publications never became as expected: ${JSON.stringify(body.publications)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * The publication a server's results come from (read from `/resultats/cybersecurite`), once it is
 * `id` when given: an instance that did not publish looks for a newer publication every few seconds.
 */
export async function servedPublication(url: string, id?: string): Promise<{ id: string; publishedAt: string }> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const response = await json(await fetch(`${url}/api/v1/resultats/cybersecurite?territoire=france`));
    if (response.status === 200 && (id === undefined || response.body.publication.id === id)) return response.body.publication;
    if (Date.now() > deadline) throw new Error(`${url} still serves ${response.status} ${JSON.stringify(response.body.publication ?? response.body)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** A promise and its resolution, to hold a task open while a test looks at it. */
export function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((done) => (resolve = done));
  return { promise, resolve };
}

/**
 * Starts a task holding a store's publication lock, as a publishing instance would, and returns
 * once it runs: `release` lets it end (with `value`, or throwing when `fail` is set), `result` is
 * what the lock call answered.
 */
export async function holdPublicationLock<T = string>(store: ContributionStore, value: T = 'held' as T, fail = false) {
  const started = deferred();
  const release = deferred();
  const result = store.withPublicationLock(async () => {
    started.resolve();
    await release.promise;
    if (fail) throw new Error('the publication failed');
    return value;
  });
  // Settles the race between the task starting and the lock being refused (or failing).
  const ran = await Promise.race([started.promise.then(() => true), result.then(() => false)]);
  if (!ran) throw new Error('The task did not get the publication lock');
  return { release: release.resolve, result };
}

/**
 * Valid answers to the cybersecurity questionnaire: no attack, nothing in place. Overrides are
 * merged in (`undefined` removes a key).
 */
export function cyberAnswers(overrides: Record<string, unknown> = {}): Answers {
  const answers: Record<string, unknown> = {
    fonction_repondant: 'secretaire_mairie',
    cyberattaque_3ans: 'non',
    rssi: 'aucun',
    pca_pra: 'aucun',
    sauvegardes: 'aucune',
    double_authentification: 'non',
    double_authentification_distance: 'pas_d_acces',
    mises_a_jour: 'irregulier',
    assurance_cyber: 'non',
    signalement_incident: ['nsp'],
    nis2: 'nsp',
    actions_sensibilisation: ['aucune'],
    formation_agents: 'non',
    formation_elus: 'non',
    appuis_exterieurs: ['aucun'],
    ...overrides,
  };
  for (const [key, value] of Object.entries(answers)) if (value === undefined) delete answers[key];
  return answers as Answers;
}

/** A cybersecurity submission. */
export function cyberSubmission(overrides: Record<string, unknown> = {}, role: 'agent' | 'elu' = 'agent') {
  return { role, version: '2.0.0', answers: cyberAnswers(overrides) };
}

/** Rennes: a commune of Ille-et-Vilaine (35), Bretagne (53), in Rennes Métropole. */
export const RENNES_SIRET = '21350238800019';

/** Real collectivités from the referential, in a stable order, with a well-formed SIRET. */
export function collectivites(filter: (c: Collectivite) => boolean, count: number): (Collectivite & { siret: string })[] {
  const found: (Collectivite & { siret: string })[] = [];
  for (const collectivite of defaultReferential().collectivites()) {
    if (!filter(collectivite)) continue;
    found.push({ ...collectivite, siret: headOfficeSiret(collectivite.siren) });
    if (found.length === count) break;
  }
  if (found.length < count) throw new Error(`Only ${found.length} collectivités match, ${count} wanted`);
  return found;
}

/** Reads a JSON body with its status, for assertions. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- assertions read bodies of many shapes; the schemas are tested elsewhere
export async function json(response: Response): Promise<{ status: number; body: any; headers: Headers }> {
  const text = await response.text();
  return { status: response.status, body: text === '' ? undefined : JSON.parse(text), headers: response.headers };
}

/** A well-formed SIRET of the commune with this INSEE code (its head office, NIC 0001x). */
export function communeSiret(insee: string): string {
  const [commune] = collectivites((c) => c.kind === 'commune' && c.code === insee, 1);
  return commune!.siret;
}

/** How many collectivités of the referential match. */
export function countCollectivites(filter: (c: Collectivite) => boolean): number {
  let count = 0;
  for (const collectivite of defaultReferential().collectivites()) if (filter(collectivite)) count += 1;
  return count;
}
