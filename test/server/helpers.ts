import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import type { Collectivite } from '../../src/core/schema/collectivite.js';
import type { Answers } from '../../src/core/schema/questionnaire.js';
import { createServer, testConfig, type ServerConfig, type ServerDependencies } from '../../src/server/main.js';
import { defaultReferential } from '../../src/server/referential/adapter.js';
import { headOfficeSiret } from '../../src/server/seed/seed.js';

/** The administrator token of test servers. */
export const ADMIN_TOKEN = 'test-admin-token-0123456789abcdef';

/** A server listening on a random port of the loopback, with its own database in a temporary folder. */
export interface TestServer {
  app: FastifyInstance;
  url: string;
  config: ServerConfig;
  dir: string;
  /** Stops the server; removes the folder unless `keepFiles`. */
  close(options?: { keepFiles?: boolean }): Promise<void>;
}

/** A fresh temporary folder. */
export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'barometre-server-test-'));
}

/** Starts a real server on port 0, with a temporary database file unless `databasePath` is given. */
export async function startServer(
  overrides: Partial<ServerConfig> = {},
  dependencies: ServerDependencies = {},
  dir: string = tempDir(),
): Promise<TestServer> {
  const config = testConfig({
    databasePath: join(dir, 'barometre.db'),
    adminToken: ADMIN_TOKEN,
    // Nothing to serve unless a test asks for it.
    staticRoots: { demo: join(dir, 'no-demo'), cdn: join(dir, 'no-cdn'), referential: join(dir, 'no-referential') },
    ...overrides,
  });
  const app = createServer(config, dependencies);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  return {
    app,
    url: `http://127.0.0.1:${port}`,
    config,
    dir,
    async close(options = {}) {
      await app.close();
      if (!options.keepFiles) rmSync(dir, { recursive: true, force: true });
    },
  };
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
 * Valid answers to the cybersecurity questionnaire: no attack, nothing in place. Overrides are
 * merged in (`undefined` removes a key).
 */
export function cyberAnswers(overrides: Record<string, unknown> = {}): Answers {
  const answers: Record<string, unknown> = {
    cyberattaque_3ans: 'non',
    rssi: 'aucun',
    pca_pra: 'aucun',
    sauvegardes: 'aucune',
    double_authentification: 'non',
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
  return { role, version: '1.0.0', answers: cyberAnswers(overrides) };
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
